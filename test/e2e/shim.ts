/**
 * The e2e page's stand-in for Office.js (loaded before the task pane bundle, instead of office.js
 * from the CDN): `Office.onReady` resolves with host Excel once the workbook is loaded,
 * `Office.context.requirements.isSetSupported` says yes (or no for the sets named in the page's
 * `?unsupported=ExcelApi 1.8,…` query), and `Excel.run` runs the batch against the simulated Excel
 * host (test/office/simulatedExcel) holding the sample practice workbook (workbook.json, written
 * next to the page by the test from test/e2e/sampleGrids.ts). The host is exposed on
 * `window.__practiceLedgerTest` so the test can read the workbook afterwards.
 */
import { SimRequestContext, SimulatedApiError, SimulatedExcel } from "../office/simulatedExcel/simulatedExcel";
import { highlightedRows, sortRows } from "../office/simulatedExcel/conditionalFormats";
import type { GridSheet } from "./sampleGrids";

export interface PracticeLedgerTestHook {
  host: SimulatedExcel;
  ready: Promise<void>;
  /** Excel.run calls made so far. */
  runs: number;
  sheetNames(): string[];
  /** Values of a sheet's used area from A1 (as Range.values gives them). */
  values(name: string): (string | number | boolean)[][];
  snapshot(name: string): string;
  /** The user sorts rows of a sheet (Data › Sort) by one column of the area (0-based). */
  sortRows(name: string, address: string, keyColumn: number, ascending: boolean): void;
  /** 1-based rows a custom-formula conditional format highlights. */
  highlightedRows(name: string): number[];
  /** Conditional formats on a sheet. */
  conditionalFormatCount(name: string): number;
}

declare global {
  interface Window {
    __practiceLedgerTest: PracticeLedgerTestHook;
  }
}

const host = new SimulatedExcel([]);

async function loadWorkbook(): Promise<void> {
  const response = await fetch("workbook.json");
  const sheets = (await response.json()) as GridSheet[];
  for (const s of sheets) {
    const state = host.addSheetNow(s.name, s.values);
    state.formats = s.formats.map((row) => row.map((f) => f ?? undefined));
  }
  host.activeSheetId = host.sheets[0]?.id ?? null;
}

const ready = loadWorkbook();

const hook: PracticeLedgerTestHook = {
  host,
  ready,
  runs: 0,
  sheetNames: () => host.sheets.map((s) => s.name),
  values(name) {
    const s = host.sheetByName(name);
    if (s === undefined) throw new Error(`no sheet "${name}"`);
    const a = s.usedArea();
    if (a === null) return [];
    const out: (string | number | boolean)[][] = [];
    for (let r = 0; r < a.r0 + a.rows; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = 0; c < a.c0 + a.cols; c++) row.push(s.cellValue(r, c));
      out.push(row);
    }
    return out;
  },
  snapshot: (name) => host.snapshot(name),
  sortRows: (name, address, keyColumn, ascending) => sortRows(host, name, address, keyColumn, ascending),
  highlightedRows: (name) => highlightedRows(host, name),
  conditionalFormatCount: (name) => host.sheetByName(name)?.conditionalFormats.length ?? 0,
};
window.__practiceLedgerTest = hook;

const unsupported = new Set(
  (new URLSearchParams(window.location.search).get("unsupported") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== ""),
);

const info = { host: "Excel", platform: "OfficeOnline" };
const globals = globalThis as unknown as Record<string, unknown>;
globals.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  onReady(callback?: (i: typeof info) => void) {
    return ready.then(() => {
      callback?.(info);
      return info;
    });
  },
  context: {
    requirements: { isSetSupported: (name: string, version: string) => !unsupported.has(`${name} ${version}`) },
  },
};
globals.Excel = {
  async run<T>(batch: (context: unknown) => Promise<T>): Promise<T> {
    hook.runs++;
    await ready;
    return batch(new SimRequestContext(host));
  },
};
globals.OfficeExtension = { Error: SimulatedApiError };
