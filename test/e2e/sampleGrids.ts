/**
 * The workbook the e2e task pane starts from, as plain grids for the simulated Excel host: the
 * seeded sample practice (src/sample/samplePractice.ts) laid out as src/files/writeSampleWorkbook.ts
 * lays it out (its Fee Schedule, Budget, Actuals and Payroll sheets are taken from that writer's
 * workbook, formulas replaced by their values as Excel would show them), except that
 * - the claims are a practice-management export on a "Claims Export" sheet (a title block, export
 *   headers, a patient account column nobody maps, a Totals row), to be converted by the pane, and
 *   only a subset of about 2,000 claims is kept (every k-th claim) so the test stays quick;
 * - there is no Claims Register (Convert writes it) and no Settings sheet (Set up writes it).
 * Node only (ExcelJS).
 */
import type ExcelJS from "exceljs";
import type { ClaimLine } from "../../src/core/claims/claimLine";
import { NUMBER_FORMATS } from "../../src/core/sheet/sheetDescription";
import { centsToNumber } from "../../src/core/money/cents";
import { excelSerialFromDay } from "../../src/core/dates/excelSerial";
import { sampleWorkbook } from "../../src/files/writeSampleWorkbook";
import { samplePractice } from "../../src/sample/samplePractice";
import type { SamplePractice } from "../../src/sample/types";

export type GridValue = string | number | boolean | null;

export interface GridSheet {
  name: string;
  values: GridValue[][];
  /** Number format of each cell, null for General (same shape as values, or shorter). */
  formats: (string | null)[][];
}

export const EXPORT_SHEET = "Claims Export";
/** Rows above the export's header (title, run date, blank): the header is row 4. */
export const EXPORT_HEADER_ROW = 4;
export const TARGET_CLAIMS = 2000;

/** Export column headers, each with the register field it should map to (null: unmapped). */
export const EXPORT_COLUMNS: { header: string; field: keyof ClaimLine | null }[] = [
  { header: "Claim #", field: "claimId" },
  { header: "Patient Acct #", field: null },
  { header: "DOS", field: "dateOfService" },
  { header: "Primary Insurance", field: "payer" },
  { header: "Financial Class", field: "payerClass" },
  { header: "CPT", field: "cpt" },
  { header: "Modifiers", field: "modifiers" },
  { header: "Units", field: "units" },
  { header: "POS", field: "placeOfService" },
  { header: "Rendering Provider", field: "provider" },
  { header: "Billed", field: "charge" },
  { header: "Ins Pmt", field: "insurancePaid" },
  { header: "Pat Pmt", field: "patientPaid" },
  { header: "Contractual Adj", field: "contractualAdjustment" },
  { header: "Write Off", field: "otherAdjustment" },
  { header: "Allowed Amount", field: "allowed" },
  { header: "Claim Status", field: "status" },
  { header: "Denial Reason", field: "denialReason" },
  { header: "Bill Date", field: "submittedDate" },
  { header: "Last Pmt Date", field: "lastPaymentDate" },
];

const MONEY = new Set(["charge", "insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment", "allowed"]);
const DATES = new Set(["dateOfService", "submittedDate", "lastPaymentDate"]);

/** Every k-th claim (all its lines), k chosen so about `target` claims remain. */
export function claimSubset(claims: readonly ClaimLine[], target = TARGET_CLAIMS): ClaimLine[] {
  const ids = [...new Set(claims.map((c) => c.claimId))];
  const k = Math.max(1, Math.floor(ids.length / target));
  const keep = new Set(ids.filter((_id, i) => i % k === 0).slice(0, target));
  return claims.filter((c) => keep.has(c.claimId));
}

function exportCell(line: ClaimLine, field: keyof ClaimLine | null, index: number): GridValue {
  if (field === null) return `A${String(100000 + (index * 7919) % 90000)}`; // a made-up account number
  const v = line[field];
  if (v === null || v === undefined) return null;
  if (MONEY.has(field)) return centsToNumber(v as number);
  if (DATES.has(field)) return excelSerialFromDay(v as number);
  if (field === "modifiers") return (v as string[]).join(" ") || null;
  return v as GridValue;
}

/** The "Claims Export" sheet: title block, header in row 4, one row per line, a Totals row. */
export function exportSheet(lines: readonly ClaimLine[], practiceName: string): GridSheet {
  const values: GridValue[][] = [
    [`Practice: ${practiceName}`], // the export's own title line, which the pane reads the practice name from
    ["Run date: 11/02/2026 08:14 AM"],
    [],
    EXPORT_COLUMNS.map((c) => c.header),
  ];
  const formats: (string | null)[][] = [[], [], [], []];
  const rowFormats = EXPORT_COLUMNS.map((c) => (c.field !== null && MONEY.has(c.field) ? NUMBER_FORMATS.money : c.field !== null && DATES.has(c.field) ? NUMBER_FORMATS.date : null));
  lines.forEach((line, i) => {
    values.push(EXPORT_COLUMNS.map((c) => exportCell(line, c.field, i)));
    formats.push(rowFormats);
  });
  const total = (f: keyof ClaimLine) => centsToNumber(lines.reduce((a, l) => a + (l[f] as number), 0));
  values.push(EXPORT_COLUMNS.map((c, i) => (i === 0 ? "Totals" : c.field !== null && MONEY.has(c.field) && c.field !== "allowed" ? total(c.field) : null)));
  formats.push(rowFormats);
  return { name: EXPORT_SHEET, values, formats };
}

/** A sheet of the ExcelJS workbook as grids: values as Excel shows them (a formula → its result). */
export function gridOf(ws: ExcelJS.Worksheet): GridSheet {
  const values: GridValue[][] = [];
  const formats: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const vr: GridValue[] = [];
    const fr: (string | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value as unknown;
      let out: GridValue = null;
      if (v === null || v === undefined) out = null;
      else if (typeof v === "object" && "result" in (v as object)) out = ((v as { result?: unknown }).result ?? null) as GridValue;
      else if (typeof v === "object" && "formula" in (v as object)) out = null;
      else if (v instanceof Date) out = null;
      else if (typeof v === "object") out = String((v as { text?: unknown }).text ?? "");
      else out = v as GridValue;
      vr[c - 1] = out;
      fr[c - 1] = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
    });
    values[r - 1] = Array.from(vr, (x) => x ?? null);
    formats[r - 1] = Array.from(fr, (x) => x ?? null);
  });
  return { name: ws.name, values: Array.from(values, (x) => x ?? []), formats: Array.from(formats, (x) => x ?? []) };
}

export interface E2eWorkbook {
  sample: SamplePractice;
  lines: ClaimLine[];
  sheets: GridSheet[];
}

/** The e2e starting workbook. */
export function e2eWorkbook(): E2eWorkbook {
  const sample = samplePractice();
  const lines = claimSubset(sample.claims).map((l, i) => ({ ...l, row: EXPORT_HEADER_ROW + 1 + i }));
  const wb = sampleWorkbook(sample);
  const keep = ["Fee Schedule", "Budget", "Actuals", "Payroll"];
  const sheets = [exportSheet(lines, sample.practice.name), ...keep.map((n) => gridOf(wb.getWorksheet(n) as ExcelJS.Worksheet))];
  return { sample, lines, sheets };
}
