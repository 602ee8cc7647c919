/* Reading a fee schedule range and a claims register range for the fee functions
 * (PRACTICE.EXPECTEDFEE, FEEVARIANCE, UNDERPAID). Every figure is computed in src/core/feeSchedule. */

import { isBlankCell, showCell, type CellValue } from "../core/cells/cellValue";
import type { InputIssue } from "../core/cells/issue";
import { parseMoney } from "../core/cells/parseMoney";
import { CLAIM_FIELD_HEADERS, REQUIRED_CLAIM_FIELDS, type ClaimField, type ClaimLine } from "../core/claims/claimLine";
import { readClaimLines, type RawClaimRow } from "../core/claims/readClaimLines";
import { parseModifiers } from "../core/claims/readClaimLines";
import { centsFromDollars, centsToNumber } from "../core/money/cents";
import {
  checkFees,
  DEFAULT_CONVERSION_FACTOR,
  medicareAmount,
  expectedAllowed,
  findFeeRate,
  indexFeeSchedule,
  medicareRatesFromSchedule,
  parsePercent,
  readFeeScheduleRows,
  type ExpectedAllowed,
  type ExpectedAllowedLine,
  type FeeScheduleField,
  type FeeScheduleIndex,
  type MedicareRates,
  type RawFeeScheduleRow,
} from "../core/feeSchedule";
import { CLAIM_HEADER_SYNONYMS, FEE_SCHEDULE_HEADER_SYNONYMS } from "../core/import/headerSynonyms";
import { mapColumns } from "../core/import/mapColumns";
import { decimalArg, isBlankOrZero, moneyArg, numberArg, textArg } from "./cellReaders";
import { FunctionInputError } from "./excelError";
import { asGrid, firstRowIsHeader } from "./ranges";

/** A fee schedule read from a range, ready for matching. */
export interface FeeScheduleRange {
  index: FeeScheduleIndex;
  medicareRates: MedicareRates;
}

const FEE_FIELDS: readonly FeeScheduleField[] = ["payer", "cpt", "modifier", "amount", "percentOfMedicare"];
const FEE_POSITION_HEADERS: Record<FeeScheduleField, string> = {
  payer: "Payer", cpt: "CPT", modifier: "Modifier", amount: "Amount", percentOfMedicare: "% of Medicare",
};

/** "99213", "G0439", "0001U": what a CPT/HCPCS cell of a data row looks like. */
const CODE_LIKE = /^(?:\d{1,5}|[A-Z]\d{4}|\d{4}[A-Z])$/i;

/** "row 3 of the range, column "Amount": …" — one line for an issue found in a range argument. */
function describeRangeIssue(name: string, issue: InputIssue): string {
  const column = issue.column === undefined ? "" : `, column "${issue.column}"`;
  const found = issue.found === undefined ? "" : ` (found "${issue.found}")`;
  return `${name}, row ${issue.row} of the range${column}: ${issue.message}${found}`;
}

/** #VALUE! naming the first error of a list of issues (warnings are ignored), when there is one. */
function throwFirstError(name: string, issues: readonly InputIssue[]): void {
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length === 0) return;
  const rows = new Set(errors.map((e) => e.row)).size;
  const more = rows > 1 ? `; ${rows - 1} more row${rows > 2 ? "s" : ""} cannot be read either` : "";
  throw new FunctionInputError("#VALUE!", `${describeRangeIssue(name, errors[0])}${more}`);
}

/**
 * Reads a fee schedule range. Columns are mapped by the header names of its first row
 * (FEE_SCHEDULE_HEADER_SYNONYMS: "Payer", "CPT", "Modifier", "Amount", "% of Medicare" and their
 * usual variants); without a recognisable header the columns are taken by position in that order,
 * and a first row of header text is skipped. Blank rows are skipped; any row that cannot be read
 * (readFeeScheduleRows: no payer, no code, no rate, both rates, an unreadable amount or percent)
 * makes the whole function #VALUE! naming it, since a rate read wrong would price lines wrong.
 */
export function readFeeScheduleRange(arg: unknown, name = "feeSchedule"): FeeScheduleRange {
  const grid = asGrid(arg);
  if (grid.length === 0) throw new FunctionInputError("#VALUE!", `${name} is required (a range: Payer, CPT, Modifier, Amount, % of Medicare)`);
  const width = grid[0].length;
  const mapped = mapColumns(grid[0], FEE_SCHEDULE_HEADER_SYNONYMS);
  const columnOf: Partial<Record<FeeScheduleField, number>> = {};
  const headers: Partial<Record<FeeScheduleField, string>> = {};
  let start: number;
  const byHeader = mapped.mapping.cpt !== undefined && (mapped.mapping.amount !== undefined || mapped.mapping.percentOfMedicare !== undefined);
  if (byHeader) {
    if (mapped.mapping.payer === undefined) {
      throw new FunctionInputError("#VALUE!", `${name}: its header row has no payer column (e.g. "Payer")`);
    }
    for (const field of FEE_FIELDS) {
      const column = mapped.mapping[field];
      if (column === undefined) continue;
      columnOf[field] = column;
      headers[field] = String(grid[0][column]).trim();
    }
    start = 1;
  } else {
    if (width < 4) {
      throw new FunctionInputError(
        "#VALUE!",
        `${name} needs the columns Payer, CPT, Modifier, Amount and optionally % of Medicare, or a header row naming them (got ${width} column${width === 1 ? "" : "s"})`,
      );
    }
    FEE_FIELDS.forEach((field, position) => {
      if (position < width) {
        columnOf[field] = position;
        headers[field] = FEE_POSITION_HEADERS[field];
      }
    });
    const looksLikeData = (v: CellValue, c: number): boolean => {
      const field = FEE_FIELDS[c];
      if (field === "cpt") return CODE_LIKE.test(String(v).trim());
      if (field === "amount") return parseMoney(v).kind === "value";
      if (field === "percentOfMedicare") return parsePercent(v).kind === "value";
      return false;
    };
    const firstRow = FEE_FIELDS.map((_, c) => [c < width ? grid[0][c] : null]);
    start = firstRowIsHeader(firstRow, looksLikeData) ? 1 : 0;
  }

  const rows: RawFeeScheduleRow[] = [];
  for (let r = start; r < grid.length; r++) {
    if (grid[r].every(isBlankOrZero)) continue; // a wholly zero row: empty cells as Excel for Windows passed them
    const cells: Partial<Record<FeeScheduleField, CellValue>> = {};
    for (const field of FEE_FIELDS) {
      const column = columnOf[field];
      if (column !== undefined) cells[field] = grid[r][column];
    }
    zeroAsBlank(cells);
    rows.push({ row: r + 1, cells });
  }
  const read = readFeeScheduleRows(rows, { columns: headers });
  throwFirstError(name, read.issues);
  // Percent-of-Medicare rows take the Medicare amount from the range's own "Medicare" rows.
  return { index: indexFeeSchedule(read.rows), medicareRates: medicareRatesFromSchedule(read.rows) };
}

/**
 * The expected allowed amount of one line (core expectedAllowed); #N/A with the reason when the
 * schedule has no rate for it.
 */
export function expectedFor(line: ExpectedAllowedLine, schedule: FeeScheduleRange, name = "feeSchedule"): ExpectedAllowed {
  const described = `payer "${line.payer}", CPT ${line.cpt ?? ""}${line.modifiers.length > 0 ? ` with modifiers ${line.modifiers.join(" ")}` : ""}`;
  const row = findFeeRate(schedule.index, line);
  if (row === null) throw new FunctionInputError("#N/A", `${name} has no rate for ${described}`);
  const expected = expectedAllowed(line, schedule.index, schedule.medicareRates);
  if (expected === null) {
    throw new FunctionInputError(
      "#N/A",
      `${name}, row ${row.row} of the range, prices ${row.cpt} as a percent of Medicare, but the range has no Medicare amount for ${row.cpt} (a row with payer "Medicare", that CPT, no modifier and an amount)`,
    );
  }
  return expected;
}

/**
 * Excel for Windows passed 0 for the empty cells of a range (office-js issues 4702, 5262, 1951): a
 * payer, CPT, modifier or percent of Medicare is never 0, so 0 there is a blank; an amount of 0 is
 * a blank when the row has a percent of Medicare (a row has one or the other), else a $0 rate.
 */
function zeroAsBlank(cells: Partial<Record<FeeScheduleField, CellValue>>): void {
  for (const field of ["payer", "cpt", "modifier", "percentOfMedicare"] as const) {
    if (cells[field] === 0) cells[field] = null;
  }
  if (cells.amount === 0 && !isBlankCell(cells.percentOfMedicare)) cells.amount = null;
}

/** Register fields where 0 is never a value: a code, a name, a date, a status. */
const NEVER_ZERO: readonly ClaimField[] = [
  "claimId", "dateOfService", "payer", "cpt", "modifiers", "units", "placeOfService", "provider", "payerClass", "status",
  "denialReason", "submittedDate", "lastPaymentDate",
];

/**
 * The register's cells with the 0 of an empty cell (Excel for Windows, office-js issues 4702, 5262,
 * 1951) made blank where 0 is never a value, and in Allowed: a blank Allowed falls back to charge
 * minus contractual adjustment, which is 0 when the payer allowed nothing.
 */
function registerZeroAsBlank(cells: Partial<Record<ClaimField, CellValue>>): void {
  for (const field of [...NEVER_ZERO, "allowed"] as const) {
    if (cells[field] === 0) cells[field] = null;
  }
}

/** A claims register read from a range that starts with its header row. */
export interface RegisterRange {
  lines: ClaimLine[];
  /** Range rows (1-based, the header is row 1) left out because they cannot be read. */
  leftOutRows: number[];
  /** Why the first left-out row was left out ("row 5 of the range, column "DOS": date of service is blank"). */
  firstLeftOutReason: string | null;
}

/**
 * Reads a claims register range whose first row is its header row (e.g. a whole table,
 * Claims[#All]): columns mapped by header name (CLAIM_HEADER_SYNONYMS: claim id, DOS, payer,
 * charge, insurance paid, contractual adj, allowed, CPT, modifiers (several "Mod" columns are
 * joined), units, POS, status, provider…), rows checked by readClaimLines. Rows that cannot be read
 * are left out and listed; blank rows are skipped. `needed` are the fields the caller cannot do
 * without, beyond the register's required ones; a missing one is #VALUE!.
 */
export function readRegisterRange(arg: unknown, name: string, needed: readonly ClaimField[] = []): RegisterRange {
  const grid = asGrid(arg);
  if (grid.length === 0) throw new FunctionInputError("#VALUE!", `${name} is required (the claims register with its header row)`);
  const required = [...REQUIRED_CLAIM_FIELDS, ...needed.filter((f) => !REQUIRED_CLAIM_FIELDS.includes(f))];
  const mapped = mapColumns(grid[0], CLAIM_HEADER_SYNONYMS, {}, { required, multiColumn: ["modifiers"] });
  if (mapped.missingRequired.length > 0) {
    const missing = mapped.missingRequired.map((f) => CLAIM_FIELD_HEADERS[f]).join(", ");
    const found = grid[0].filter((v) => typeof v === "string" && v.trim() !== "").map((v) => showCell(v)).join(", ");
    throw new FunctionInputError(
      "#VALUE!",
      `${name} must start with its header row; no column found for ${missing} (headers found: ${found === "" ? "none" : found})`,
    );
  }
  const headers: Partial<Record<ClaimField, string>> = {};
  for (const field of Object.keys(mapped.mapping) as ClaimField[]) {
    headers[field] = String(grid[0][mapped.mapping[field] as number]).trim();
  }
  const modifierColumns = mapped.mapping.modifiers === undefined ? [] : [mapped.mapping.modifiers, ...(mapped.extraColumns.modifiers ?? [])];

  const rows: RawClaimRow[] = [];
  for (let r = 1; r < grid.length; r++) {
    if (grid[r].every(isBlankOrZero)) continue; // a wholly zero row: empty cells as Excel for Windows passed them
    const cells: Partial<Record<ClaimField, CellValue>> = {};
    for (const field of Object.keys(mapped.mapping) as ClaimField[]) {
      if (field !== "modifiers") cells[field] = grid[r][mapped.mapping[field] as number];
    }
    if (modifierColumns.length === 1) cells.modifiers = grid[r][modifierColumns[0]];
    else if (modifierColumns.length > 1) {
      const parts = modifierColumns.map((c) => grid[r][c]).filter((v) => !isBlankCell(v));
      // One error value among them is passed on alone, so the reader reports it.
      const bad = parts.find((v) => typeof v !== "string" && typeof v !== "number");
      cells.modifiers = bad !== undefined ? bad : parts.map((v) => String(v).trim()).join(" ");
    }
    registerZeroAsBlank(cells);
    rows.push({ row: r + 1, cells });
  }
  const read = readClaimLines(rows, { columns: headers });
  let firstLeftOutReason: string | null = null;
  if (read.leftOutRows.length > 0) {
    const first = read.issues.find((i) => i.row === read.leftOutRows[0] && i.severity === "error");
    firstLeftOutReason = first === undefined ? `row ${read.leftOutRows[0]} of the range` : describeRangeIssue(name, first).slice(name.length + 2);
  }
  return { lines: read.lines, leftOutRows: read.leftOutRows, firstLeftOutReason };
}

/** PRACTICE.MPFS: the Medicare amount from RVUs, GPCIs and a conversion factor, to the cent. */
export function mpfsValue(rvus: { work: unknown; pe: unknown; mp: unknown }, gpcis: { work: unknown; pe: unknown; mp: unknown }, conversionFactor: unknown): number {
  const amount = medicareAmount(
    { work: decimalArg(rvus.work, "workRVU"), practiceExpense: decimalArg(rvus.pe, "peRVU"), malpractice: decimalArg(rvus.mp, "mpRVU") },
    { work: decimalArg(gpcis.work, "workGPCI"), practiceExpense: decimalArg(gpcis.pe, "peGPCI"), malpractice: decimalArg(gpcis.mp, "mpGPCI") },
    decimalArg(conversionFactor, "conversionFactor", DEFAULT_CONVERSION_FACTOR),
  );
  // Rounded once, to the cent, half up (definitions.md, "Fee schedule and underpayments").
  return centsToNumber(centsFromDollars(amount));
}

/** The line described by the scalar arguments of EXPECTEDFEE and FEEVARIANCE. */
export function lineFromArgs(payer: unknown, cpt: unknown, modifiers: unknown, units: unknown, placeOfService: unknown): ExpectedAllowedLine {
  const payerText = textArg(payer, "payer", null);
  if (payerText === null) throw new FunctionInputError("#VALUE!", "payer is required (the payer's name as in the fee schedule)");
  const cptText = textArg(cpt, "cpt", null);
  if (cptText === null) throw new FunctionInputError("#VALUE!", "cpt is required (a CPT or HCPCS code)");
  const modifierText = textArg(modifiers, "modifiers", null);
  const count = numberArg(units, "units", 1);
  if (!(count > 0)) throw new FunctionInputError("#VALUE!", `units must be a number above 0 (found "${showCell(units)}")`);
  return {
    payer: payerText,
    cpt: cptText.toUpperCase(),
    modifiers: modifierText === null ? [] : parseModifiers(modifierText),
    units: count,
    placeOfService: textArg(placeOfService, "placeOfService", null),
  };
}

/** PRACTICE.EXPECTEDFEE. */
export function expectedFeeValue(feeSchedule: unknown, line: () => ExpectedAllowedLine): number {
  const schedule = readFeeScheduleRange(feeSchedule);
  return centsToNumber(expectedFor(line(), schedule).expected);
}

/** PRACTICE.FEEVARIANCE: actual allowed − expected allowed. */
export function feeVarianceValue(actualAllowed: unknown, feeSchedule: unknown, line: () => ExpectedAllowedLine): number {
  const actual = moneyArg(actualAllowed, "actualAllowed");
  const schedule = readFeeScheduleRange(feeSchedule);
  // definitions.md: variance = actual allowed − expected allowed.
  return centsToNumber(actual - expectedFor(line(), schedule).expected);
}

/** PRACTICE.UNDERPAID: one row per discrepancy, then the underpaid total with what was not checked. */
export function underpaidTable(register: unknown, feeSchedule: unknown, tolerance: unknown): (string | number)[][] {
  const tol = moneyArg(tolerance, "tolerance", 0);
  const schedule = readFeeScheduleRange(feeSchedule);
  const read = readRegisterRange(register, "register", ["cpt"]);
  const check = checkFees(read.lines, schedule.index, { tolerance: tol, medicareRates: schedule.medicareRates });
  const out: (string | number)[][] = [["Row", "Claim", "CPT", "Payer", "Expected", "Actual", "Variance"]];
  for (const d of check.discrepancies) {
    out.push([d.row, d.claimId, d.cpt, d.payer, centsToNumber(d.expected), centsToNumber(d.actual), centsToNumber(d.variance)]);
  }
  const notes: string[] = [];
  const leftOut = read.leftOutRows.length;
  if (leftOut > 0) {
    notes.push(`${leftOut} register row${leftOut === 1 ? "" : "s"} left out (cannot be read); first: ${read.firstLeftOutReason ?? ""}`);
  }
  if (check.unmatchedLines > 0) {
    const n = check.unmatchedLines;
    notes.push(`${n} line${n === 1 ? "" : "s"} with no rate in the fee schedule, not checked (first: row ${check.unmatchedRows[0]})`);
  }
  out.push(["Underpaid total", notes.join("; "), "", "", "", "", centsToNumber(check.underpaidTotal)]);
  return out;
}
