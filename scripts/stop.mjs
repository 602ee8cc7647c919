#!/usr/bin/env node
// `npm stop`: stops the dev server that `npm start` left in the background (its whole process
// group) and removes .tmp/dev-server.pid. Exits 0 when nothing is running.

import { spawnSync } from "node:child_process";
import { isOurServer, pidFile, readPid, removePidFile } from "./dev-server-state.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal); // the group that setsid made: webpack and its workers
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

async function main() {
  const pid = readPid();
  if (pid === null) {
    console.log("No dev server is running (no .tmp/dev-server.pid).");
    return 0;
  }
  if (!isOurServer(pid)) {
    console.log(`The dev server (PID ${pid}) is not running any more; removing ${pidFile}.`);
    removePidFile();
    return 0;
  }
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "inherit" });
  } else {
    signalGroup(pid, "SIGTERM");
    for (let waited = 0; waited < 5000 && alive(pid); waited += 200) await sleep(200);
    if (alive(pid)) signalGroup(pid, "SIGKILL");
  }
  removePidFile();
  console.log(`Stopped the dev server (PID ${pid}).`);
  return 0;
}

main().then((code) => process.exit(code));
