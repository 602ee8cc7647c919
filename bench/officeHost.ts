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
  /** Syncs that read a block of the register after the first (probe) block: one per chunk of at most the 4 MB budget. */
  chunkReads: number;
  /** syncs − chunkReads: the same at every size (5: names, used range, probe block, sheet names, the report's writes). */
  constantSyncs: number;
  /** Bytes of the register's values as the host sends them (JSON). */
  registerBytes: number;
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
  const chunkReads = countChunkReads(sim.syncs);
  return {
    ms,
    syncs: sim.syncCount,
    chunkReads,
    constantSyncs: sim.syncCount - chunkReads,
    registerBytes: sim.syncs.reduce((n, s) => n + (isValueRead(s) ? s.responseBytes : 0), 0),
    largestRequestBytes: Math.max(...sim.syncs.map((s) => s.requestBytes)),
    largestResponseBytes: Math.max(...sim.syncs.map((s) => s.responseBytes)),
  };
}

/** A sync that loaded one range's values: one operation and a response of more than names and sizes. */
const isValueRead = (s: { operations: number; responseBytes: number }): boolean => s.operations === 1 && s.responseBytes > 4096;

/** Register blocks read after the first (probe) block of the register. */
export function countChunkReads(syncs: readonly { operations: number; responseBytes: number }[]): number {
  return Math.max(0, syncs.filter(isValueRead).length - 1);
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
