#!/usr/bin/env node
// `npm start`: starts the add-in's dev server (webpack serve, https://localhost:3000) in the
// background and prints how to sideload manifest.xml into Excel. Works on any OS without Excel:
// it never launches Excel (office-addin-debugging does not run on Linux and is not installed).
//  1. Dev certificates: office-addin-dev-certs makes ~/.office-addin-dev-certs/{ca.crt,
//     localhost.crt,localhost.key} and tries to trust the CA (needs sudo/admin; when that fails
//     the files are still there, and we go on with a message).
//  2. `webpack serve --mode development` detached in its own process group (setsid), output in
//     .tmp/dev-server.log, PID in .tmp/dev-server.pid (`npm stop` ends the group).
//  3. Waits (120 s at most) until https://localhost:3000/taskpane.html answers 200.
// Exit code 1 only when the dev server itself cannot start or never answers.

import { spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import https from "node:https";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import { isOurServer, logFile, pidFile, port, readPid, removePidFile, root, taskpaneUrl, tmpDir } from "./dev-server-state.mjs";

const require = createRequire(import.meta.url);
const TIMEOUT_MS = 120_000;
const certDir = join(homedir(), ".office-addin-dev-certs");
const certFiles = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => join(certDir, f));

/** True when the three files exist and localhost.crt is valid for at least another day. */
function certificatesUsable() {
  if (!certFiles.every((f) => existsSync(f))) return false;
  try {
    const cert = new X509Certificate(readFileSync(join(certDir, "localhost.crt")));
    return Date.parse(cert.validTo) > Date.now() + 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

async function ensureDevCertificates() {
  // On Linux the CA can only be trusted with sudo, and office-addin-dev-certs regenerates the
  // files on every call while it is not trusted: keep certificates that are still valid.
  if (process.platform === "linux" && certificatesUsable()) {
    console.log(`Dev certificates: ${certDir} (the CA is not installed as trusted on Linux; see below)`);
    return;
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    await devCerts.ensureCertificatesAreInstalled();
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    console.log(`Note: the developer CA could not be installed as trusted (${reason}).`);
    console.log("      On Windows or Mac, run `npx office-addin-dev-certs install` from an admin/sudo shell.");
  }
  if (certFiles.every((f) => existsSync(f))) {
    console.log(`Dev certificates: ${certDir}`);
  } else {
    console.log("Dev certificates could not be created: the dev server falls back to webpack-dev-server's own");
    console.log("self-signed HTTPS certificate, which Excel will not trust (the page still serves).");
  }
}

/** Status code of GET url on loopback, or null when nothing answers. Self-signed certs accepted. */
function probe(url) {
  return new Promise((resolvePromise) => {
    const request = https.get(url, { rejectUnauthorized: false, timeout: 5000 }, (response) => {
      response.resume();
      resolvePromise(response.statusCode ?? null);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolvePromise(null));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines = 30) {
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

function printSideloadHelp() {
  const manifest = join(root, "manifest.xml");
  console.log(`
Practice Ledger dev server is running: ${taskpaneUrl}
Manifest to sideload: ${manifest}

Excel on the web (any OS, including Linux):
  Open a workbook in Excel for the web > Home (or Insert) > Add-ins > More Add-ins >
  Upload My Add-in > choose manifest.xml. Your browser must trust ${certDir}/ca.crt
  (or open ${taskpaneUrl} once and accept the certificate).
Excel on Windows:
  Share a folder that holds manifest.xml, add its \\\\server\\share path in Excel > File > Options >
  Trust Center > Trust Center Settings > Trusted Add-in Catalogs ("Show in Menu"), restart Excel,
  then Home > Add-ins > More Add-ins > Shared Folder. Or, on Windows or Mac with the package
  installed: npx office-addin-debugging start manifest.xml (not installed here: it does not run on Linux).
Excel on Mac:
  cp manifest.xml ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
  (create the wef folder if needed), restart Excel, then Home > Add-ins > Practice Ledger.

Then: Home > Practice Ledger opens the task pane; =PRACTICE.BALANCE(...) works in any cell.
Stop the server with: npm stop`);
}

async function main() {
  const existing = readPid();
  if (existing !== null) {
    if (isOurServer(existing) && (await probe(taskpaneUrl)) === 200) {
      console.log(`The dev server is already running (PID ${existing}).`);
      printSideloadHelp();
      return 0;
    }
    removePidFile(); // stale
  }
  if ((await probe(taskpaneUrl)) !== null) {
    console.error(`Something else already answers on port ${port}; stop it first (it was not started by npm start).`);
    return 1;
  }

  await ensureDevCertificates();

  mkdirSync(tmpDir, { recursive: true });
  const out = openSync(logFile, "w");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: root,
    detached: true, // setsid: its own process group, which npm stop kills as a whole
    stdio: ["ignore", out, out],
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  let exited = null;
  child.on("exit", (code, signal) => (exited = { code, signal }));
  writeFileSync(pidFile, `${child.pid}\n`);
  child.unref();
  console.log(`Starting webpack dev server (PID ${child.pid}, log ${logFile})...`);

  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    await sleep(1000);
    if (exited !== null) {
      removePidFile();
      console.error(`The dev server exited (code ${exited.code}, signal ${exited.signal}). Last lines of the log:`);
      console.error(tail(logFile));
      return 1;
    }
    const status = await probe(taskpaneUrl);
    if (status === 200) {
      printSideloadHelp();
      return 0;
    }
  }
  console.error(`The dev server did not answer ${taskpaneUrl} within ${TIMEOUT_MS / 1000} s. Last lines of the log:`);
  console.error(tail(logFile));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
  removePidFile();
  return 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
