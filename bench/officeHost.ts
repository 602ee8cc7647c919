import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import type { Day } from "../src/core/dates/day";
import { generatePhysicianReport } from "../src/office/operations";
import { STREAM_FROM_CELLS } from "../src/office/operations/streamedPhysicianReport";
import { SimulatedExcel } from "../test/office/simulatedExcel";
import { excelContext, registerGrid } from "../test/office/helpers";

export interface OfficeHostRun {
  ms: number;
  syncs: number;
  /**
   * How the claims register was read: "whole read" (grids), or "streamed" (the claims sheet over
   * STREAM_FROM_CELLS cells, read row by row in two passes, src/office/operations/streamedPhysicianReport.ts).
   */
  path: "whole read" | "streamed";
  /**
   * Syncs that read a block of the register after the first value read (the probe block on the
   * whole read; every sheet's first rows on the streamed path): one per chunk of at most the 4 MB
   * budget, the register's chunks twice when streamed.
   */
  chunkReads: number;
  /** syncs − chunkReads: the same at every size (5: names, used range, probe block or first rows, sheet names, the report's writes). */
  constantSyncs: number;
  /** Bytes of the register's values as the host sends them (JSON), once. */
  registerBytes: number;
  /** Bytes of values read in all (twice the register's when streamed). */
  bytesRead: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  /**
   * MB of JavaScript heap the report held above the heap at its start (the host's workbook is
   * there before and is not counted): the largest of samples taken after a full GC at the
   * report's progress points (about every 5% of it; the whole read's grids are held at "Computing
   * the figures…"; the stream holds one block of rows, up to the 4 MB budget of values, between
   * samples, so its figure may read 0: never above the start at the points sampled). Null when the
   * bench runs without --expose-gc. GC time is not in `ms`.
   */
  paneRetainedMB: number | null;
}

/**
 * The task pane's "Physician report" through the simulated Excel host: read the register (chunked
 * by the request budget; streamed in two passes when its used range holds more than
 * `streamFromCells` cells, STREAM_FROM_CELLS by default), compute, render the tab. Counts syncs
 * and the largest request/response.
 */
export async function officeHostReport(rows: number, asOf: Day, streamFromCells: number = STREAM_FROM_CELLS): Promise<OfficeHostRun> {
  const sim = new SimulatedExcel([]);
  const grid = registerGrid(rows);
  const registerBytes = Buffer.byteLength(JSON.stringify(grid.map((row) => row.map((v) => (v === null ? "" : v)))));
  const streamed = grid.length * grid[0].length > streamFromCells;
  sim.addSheetNow("Claims Register", grid as never);
  grid.length = 0; // the host holds the sheet now; let the bench's copy go
  const heap = heapSampler();
  const started = process.hrtime.bigint();
  await generatePhysicianReport(excelContext(sim), { asOf, streamFromCells, onProgress: heap.sample });
  const ms = Number(process.hrtime.bigint() - started) / 1e6 - heap.gcMs();
  const chunkReads = countChunkReads(sim.syncs);
  const bytesRead = sim.syncs.reduce((n, s) => n + (isValueRead(s) ? s.responseBytes : 0), 0);
  return {
    ms,
    syncs: sim.syncCount,
    // Said by what was read, not assumed: a stream that gave way to the whole read reads more than twice.
    path: streamed && bytesRead > 1.5 * registerBytes ? "streamed" : "whole read",
    chunkReads,
    constantSyncs: sim.syncCount - chunkReads,
    registerBytes,
    bytesRead,
    largestRequestBytes: Math.max(...sim.syncs.map((s) => s.requestBytes)),
    largestResponseBytes: Math.max(...sim.syncs.map((s) => s.responseBytes)),
    paneRetainedMB: heap.retainedMB(),
  };
}

/** Heap held by the report, sampled after a full GC at progress points at least 5% apart (see paneRetainedMB). */
function heapSampler(): { sample: (fraction: number) => void; gcMs: () => number; retainedMB: () => number | null } {
  const gc = (globalThis as { gc?: () => void }).gc;
  let start: number | null = null;
  let peak = 0;
  let last = -1;
  let gcNs = 0n;
  return {
    sample: (fraction) => {
      if (gc === undefined || (start !== null && fraction < last + 0.05 && fraction < 1)) return;
      last = fraction;
      const t = process.hrtime.bigint();
      gc();
      const used = process.memoryUsage().heapUsed;
      gcNs += process.hrtime.bigint() - t;
      if (start === null) start = used;
      else peak = Math.max(peak, used - start);
    },
    gcMs: () => Number(gcNs) / 1e6,
    retainedMB: () => (gc === undefined ? null : Math.round(peak / 1e5) / 10),
  };
}

/** A sync that loaded one range's values: one operation and a response of more than names and sizes. */
const isValueRead = (s: { operations: number; responseBytes: number }): boolean => s.operations === 1 && s.responseBytes > 4096;

/** Register blocks read after the first value read (the probe block, or the first rows when streamed). */
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
