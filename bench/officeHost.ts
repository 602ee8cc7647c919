import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import type { Day } from "../src/core/dates/day";
import { generatePhysicianReport } from "../src/office/operations";
import { SimulatedExcel } from "../test/office/simulatedExcel";
import { excelContext, registerGrid } from "../test/office/helpers";

export interface OfficeHostRun {
  ms: number;
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
}

/**
 * The task pane's "Physician report" through the simulated Excel host: read the register (chunked
 * by the request budget), compute, render the tab. Counts syncs and the largest request/response.
 */
export async function officeHostReport(rows: number, asOf: Day): Promise<OfficeHostRun> {
  const sim = new SimulatedExcel([]);
  sim.addSheetNow("Claims Register", registerGrid(rows) as never);
  const started = process.hrtime.bigint();
  await generatePhysicianReport(excelContext(sim), { asOf });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    ms,
    syncs: sim.syncCount,
    largestRequestBytes: Math.max(...sim.syncs.map((s) => s.requestBytes)),
    largestResponseBytes: Math.max(...sim.syncs.map((s) => s.responseBytes)),
  };
}

/** Gzipped size of the task pane's first load (taskpane.js + functions.js of `npm run build`), or null before a build. */
export function taskpaneBundleBytes(root: string): { taskpaneGzip: number; functionsGzip: number; firstLoadGzip: number } | null {
  const dist = path.join(root, "dist");
  const gz = (f: string): number => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
  if (!fs.existsSync(path.join(dist, "taskpane.js")) || !fs.existsSync(path.join(dist, "functions.js"))) return null;
  const taskpaneGzip = gz("taskpane.js");
  const functionsGzip = gz("functions.js");
  return { taskpaneGzip, functionsGzip, firstLoadGzip: taskpaneGzip + functionsGzip };
}
