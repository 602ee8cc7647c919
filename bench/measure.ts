import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
/** Timing and memory helpers of the benchmark (Node only; run with --expose-gc). */

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Collects garbage when the process was started with --expose-gc (npm run bench does), then waits
 * a moment for V8's concurrent sweeping to finish: timed right after a full collection of a large
 * heap, a 10 ms pass over typed arrays measured 40-50 ms (the sweeper threads share the 2 cores).
 * The wait grows with the heap: 20 ms, plus 1 ms per 4 MB used, at most 500 ms.
 */
export function collectGarbage(): void {
  if (gc === undefined) return;
  gc();
  const heapMB = process.memoryUsage().heapUsed / 1048576;
  Atomics.wait(SETTLE, 0, 0, Math.min(500, 20 + heapMB / 4));
}

const SETTLE = new Int32Array(new SharedArrayBuffer(4));

let peakRss = 0;

/** Samples the resident set size; the benchmark calls this after every timed run. */
export function sampleMemory(): number {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) peakRss = rss;
  return rss;
}

export interface MemoryFigures {
  /** Largest process.memoryUsage().rss sampled, in MB. */
  peakRssSampledMB: number;
  /** process.resourceUsage().maxRSS (the kernel's peak, kilobytes) in MB. */
  maxRssMB: number;
}

export function memoryFigures(): MemoryFigures {
  sampleMemory();
  return { peakRssSampledMB: round(peakRss / 1048576, 1), maxRssMB: round(process.resourceUsage().maxRSS / 1024, 1) };
}

export interface Timing {
  /** Median wall-clock time of the repetitions, ms. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Median CPU time (user + system) of this process over the repetitions, ms. */
  medianCpuMs: number;
  repetitions: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `run` `warmup` times untimed, then `repetitions` times timed (garbage collected before
 * each, outside the timing), and returns the median. The last result is kept so the work cannot
 * be optimised away and can be checked.
 */
export function timeRepeated<T>(run: () => T, repetitions: number, warmup: number): { timing: Timing; result: T } {
  let result = undefined as T;
  for (let i = 0; i < warmup; i++) result = run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    collectGarbage();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = run();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    wall.push(ms);
    cpu.push((c.user + c.system) / 1000);
    sampleMemory();
  }
  return {
    timing: {
      medianMs: round(median(wall), 3),
      minMs: round(Math.min(...wall), 3),
      maxMs: round(Math.max(...wall), 3),
      medianCpuMs: round(median(cpu), 3),
      repetitions,
    },
    result,
  };
}

/** One timed run (for work too long to repeat), with its CPU time. */
export function timeOnce<T>(run: () => T): { ms: number; cpuMs: number; result: T } {
  collectGarbage();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = run();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  sampleMemory();
  return { ms: round(ms, 3), cpuMs: round((c.user + c.system) / 1000, 3), result };
}

export function round(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

/** One run and the garbage-collection pauses inside it. */
export interface RunWithPauses {
  ms: number;
  /** Σ of the main thread's collection pauses that started during the run (Node's "gc" performance entries). */
  gcPauseMs: number;
  collections: number;
  /** Of those, the full (mark-compact) collections. */
  fullCollections: number;
}

/**
 * Times one run of `run` after a full collection, with the collection pauses V8 made during it
 * (perf_hooks PerformanceObserver, entry type "gc": each entry's duration is a pause of the main
 * thread; detail.kind NODE_PERFORMANCE_GC_MAJOR = a full collection). The entries arrive on the event loop, hence async.
 */
export async function timeOnceWithPauses(run: () => unknown): Promise<RunWithPauses> {
  const { PerformanceObserver, constants } = await import("node:perf_hooks");
  const entries: { startTime: number; duration: number; major: boolean }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) entries.push({ startTime: e.startTime, duration: e.duration, major: ((e as { detail?: { kind?: number } }).detail)?.kind === constants.NODE_PERFORMANCE_GC_MAJOR });
  });
  observer.observe({ entryTypes: ["gc"] });
  collectGarbage();
  const t0 = performance.now();
  run();
  const t1 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  const inside = entries.filter((e) => e.startTime >= t0 && e.startTime <= t1);
  return {
    ms: round(t1 - t0, 3),
    gcPauseMs: round(inside.reduce((n, e) => n + e.duration, 0), 3),
    collections: inside.length,
    fullCollections: inside.filter((e) => e.major).length,
  };
}

/**
 * This process's own peak resident set in MB: VmHWM from /proc/self/status (Linux), else
 * getrusage's maxRSS. For a child process getrusage's figure starts from the parent's resident set
 * at the fork before exec, so a child of a large parent would report the parent's size.
 */
export function ownPeakRssMB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m !== null) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * A standalone measurement script (bench/sheetRows.ts, bench/csvRows.ts) measures each way of
 * reading in a process of its own, so that each peak is that way's alone. Started as
 * `--child MODE FILE`, the script runs `measure` once and prints its result as JSON: then this
 * returns true and the script has nothing else to do.
 */
export async function runAsChild<R>(measure: (mode: string, file: string) => Promise<R>): Promise<boolean> {
  const args = process.argv.slice(2);
  if (args[0] !== "--child") return false;
  process.stdout.write(`${JSON.stringify(await measure(args[1], args[2]))}\n`);
  return true;
}

/** The result of this script run as a child (`--child MODE FILE`, runAsChild) on one way of reading. */
export function measureInChild<R>(mode: string, file: string): R {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], "--child", mode, file], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`${mode}: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as R;
}
