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

/**
 * Gzipped size (level 9) of the task pane's first load after `npm run build`, or null before a
 * build: every script of the add-in that dist/taskpane.html loads (taskpane.js, functions.js,
 * commands.js; office.js comes from Microsoft's CDN and is not counted), and apart from it the
 * chunks loaded on demand (a panel's code the first time it is opened, the handout writer).
 */
export function taskpaneBundleBytes(root: string): {
  taskpaneGzip: number;
  functionsGzip: number;
  firstLoadGzip: number;
  onDemandChunks: { file: string; gzip: number }[];
} | null {
  const dist = path.join(root, "dist");
  const gz = (f: string): number => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
  const page = path.join(dist, "taskpane.html");
  if (!fs.existsSync(path.join(dist, "taskpane.js")) || !fs.existsSync(path.join(dist, "functions.js")) || !fs.existsSync(page)) return null;
  const scripts = [...fs.readFileSync(page, "utf8").matchAll(/<script[^>]*\ssrc="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((src) => !/^[a-z]+:/i.test(src) && !src.startsWith("//"))
    .map((src) => src.replace(/^\.?\//, "").replace(/[?#].*$/, ""));
  const taskpaneGzip = gz("taskpane.js");
  const functionsGzip = gz("functions.js");
  const firstLoadGzip = scripts.reduce((sum, f) => sum + gz(f), 0);
  const onDemandChunks = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith(".js") && !scripts.includes(f))
    .sort()
    .map((file) => ({ file, gzip: gz(file) }));
  return { taskpaneGzip, functionsGzip, firstLoadGzip, onDemandChunks };
}
