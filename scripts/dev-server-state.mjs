// Shared by scripts/start.mjs and scripts/stop.mjs: where the background dev server's PID lives
// and whether that PID is still our webpack dev server.

import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const tmpDir = join(root, ".tmp");
export const pidFile = join(tmpDir, "dev-server.pid");
export const logFile = join(tmpDir, "dev-server.log");
export const port = Number(process.env.npm_package_config_dev_server_port || 3000);
export const taskpaneUrl = `https://localhost:${port}/taskpane.html`;

/** PID recorded in .tmp/dev-server.pid, or null when there is none (or it is unreadable). */
export function readPid() {
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function removePidFile() {
  rmSync(pidFile, { force: true });
}

/** True when `pid` is alive and (where /proc tells) is a webpack process, not a reused PID. */
export function isOurServer(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code === "EPERM") return false; // someone else's process
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline)) {
    return readFileSync(cmdline, "utf8").includes("webpack");
  }
  return true;
}
