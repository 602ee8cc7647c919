import { cellErrorText, isBlankCell, showCell, type CellValue } from "../core/cells/cellValue";
import { parseDate } from "../core/cells/parseDate";
import { exactCentsOfNumber, parseMoney } from "../core/cells/parseMoney";
import { dayFromExcelSerial } from "../core/dates/excelSerial";
import type { Cents } from "../core/money/cents";
import type { Day } from "../core/dates/day";
import { FunctionInputError } from "./excelError";
import { cellName } from "./ranges";

/**
 * Collects unreadable cells of a function's ranges. A function reads every row first, then, if any
 * cell could not be read, returns #VALUE! naming the first one and how many more there are: a
 * money figure computed while silently skipping a bad cell would look right and be wrong.
 */
export class CellProblems {
  private first: string | null = null;
  private count = 0;

  add(name: string, index: number, message: string, found: CellValue): void {
    this.count++;
    if (this.first === null) {
      const shown = isBlankCell(found) ? "" : ` (found "${showCell(found)}")`;
      this.first = `${cellName(name, index)}: ${message}${shown}`;
    }
  }

  /** A problem at a place named by the caller ("actuals, row 2, column 5 of the range"). */
  addAt(where: string, message: string, found: CellValue): void {
    this.count++;
    if (this.first === null) {
      const shown = isBlankCell(found) ? "" : ` (found "${showCell(found)}")`;
      this.first = `${where}: ${message}${shown}`;
    }
  }

  /** Throws the #VALUE! error when any problem was collected. */
  throwIfAny(): void {
    if (this.first === null) return;
    const more = this.count > 1 ? `; ${this.count - 1} more cell${this.count > 2 ? "s" : ""} cannot be read either` : "";
    throw new FunctionInputError("#VALUE!", `${this.first}${more}`);
  }
}

/**
 * True for a blank cell, or a 0 where 0 is not a meaningful value (a date, a status, a claim
 * number, a payer, a code, a wholly zero row): Excel for Windows passed 0 for the empty cells of a
 * range until a later fix, and no requirement set tells those builds apart (office-js issues 4702,
 * 5262 and 1951, https://github.com/OfficeDev/office-js/issues/4702).
 */
export function isBlankOrZero(value: CellValue): boolean {
  return isBlankCell(value) || value === 0;
}

/** The largest quantity (hours, weeks, RVUs) read: as for money, 90 trillion keeps every product exact to the cent. */
const LARGEST_QUANTITY = 9e13;

/** Money from a range cell: blank is 0; unreadable text or an error value is a problem. */
export function moneyAt(column: readonly CellValue[], index: number, name: string, problems: CellProblems): Cents {
  const v = column[index];
  // parseMoney's own fast path, without its result object (a million cells per call).
  if (typeof v === "number") {
    const cents = exactCentsOfNumber(v);
    if (cents !== null) return cents;
  }
  const parsed = parseMoney(v);
  if (parsed.kind === "value") return parsed.value;
  if (parsed.kind === "invalid") problems.add(name, index, parsed.message, column[index]);
  return 0;
}

/** A date from a range cell: null for a blank (or 0); unreadable values are problems. */
export function dateAt(column: readonly CellValue[], index: number, name: string, problems: CellProblems): Day | null {
  const v = column[index];
  if (v === 0) return null; // an empty cell as Excel for Windows passed it (isBlankOrZero)
  // parseDate's own reading of a serial, without its result object (a million cells per call).
  if (typeof v === "number") {
    const day = dayFromExcelSerial(v);
    if (day !== null) return day;
  }
  const parsed = parseDate(v);
  if (parsed.kind === "value") return parsed.value;
  if (parsed.kind === "invalid") problems.add(name, index, parsed.message, column[index]);
  return null;
}

/** Text from a range cell (numbers become their text), null for a blank or 0 (a payer, claim number, status or code is never 0); an error value is a problem. */
export function textAt(column: readonly CellValue[], index: number, name: string, problems: CellProblems): string | null {
  const v = column[index];
  if (isBlankOrZero(v)) return null;
  const error = cellErrorText(v);
  if (error !== null) {
    problems.add(name, index, `the cell holds the error ${error}`, v);
    return null;
  }
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  problems.add(name, index, "not text", v);
  return null;
}

/** A scalar date argument (an Excel serial, a Date or date text); required. */
export function dateArg(value: unknown, name: string): Day {
  const cell = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  const parsed = parseDate(cell === 0 ? null : cell);
  if (parsed.kind === "value") return parsed.value;
  if (parsed.kind === "blank") throw new FunctionInputError("#VALUE!", `${name} is required (a date, e.g. DATE(2026,10,31))`);
  throw new FunctionInputError("#VALUE!", `${name}: ${parsed.message} (found "${parsed.found}")`);
}

/** A scalar money argument; blank → `fallback` when given, else an error. */
export function moneyArg(value: unknown, name: string, fallback?: Cents): Cents {
  const parsed = parseMoney(value);
  if (parsed.kind === "value") return parsed.value;
  if (parsed.kind === "blank" && fallback !== undefined) return fallback;
  if (parsed.kind === "blank") throw new FunctionInputError("#VALUE!", `${name} is required (an amount)`);
  throw new FunctionInputError("#VALUE!", `${name}: ${parsed.message} (found "${parsed.found}")`);
}

/** An optional number argument (blank → fallback); text that is a number is accepted. */
export function numberArg(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return fallback;
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n)) throw new FunctionInputError("#VALUE!", `${name} must be a number (found "${showCell(value)}")`);
  if (Math.abs(n) > LARGEST_QUANTITY) throw new FunctionInputError("#VALUE!", `${name}: ${showCell(value)} is too large (at most 90 trillion)`);
  return n;
}

/** An optional TRUE/FALSE argument (blank → fallback). 1/0 and "TRUE"/"FALSE" text are accepted. */
export function booleanArg(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined || value === null || value === "") return fallback;
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  throw new FunctionInputError("#VALUE!", `${name} must be TRUE or FALSE (found "${showCell(value)}")`);
}

/** An optional text argument (blank → fallback). */
export function textArg(value: unknown, name: string, fallback: string | null): string | null {
  if (value === undefined || value === null) return fallback;
  if (typeof value === "string") return value.trim() === "" ? fallback : value.trim();
  if (typeof value === "number") return String(value);
  throw new FunctionInputError("#VALUE!", `${name} must be text (found "${showCell(value)}")`);
}

const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A scalar decimal argument (an RVU, a GPCI, a conversion factor) as an exact decimal string: a
 * number cell gives its shortest decimal form (0.1 → "0.1", so no binary fraction enters the
 * arithmetic); text must be a plain decimal. Blank → `fallback` when given, else an error.
 * Negative values are refused.
 */
export function decimalArg(value: unknown, name: string, fallback?: string): string {
  const v = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  if (isBlankCell(v)) {
    if (fallback !== undefined) return fallback;
    throw new FunctionInputError("#VALUE!", `${name} is required (a number)`);
  }
  let text: string | null = null;
  if (typeof v === "number" && Number.isFinite(v)) text = String(v);
  else if (typeof v === "string" && PLAIN_DECIMAL.test(v.trim())) text = v.trim();
  if (text === null) throw new FunctionInputError("#VALUE!", `${name} must be a number (found "${showCell(v)}")`);
  if (Math.abs(Number(text)) > LARGEST_QUANTITY) throw new FunctionInputError("#VALUE!", `${name}: ${showCell(v)} is too large (at most 90 trillion)`);
  if (text.startsWith("-") && !/^-0*(?:\.0*)?$/.test(text)) {
    throw new FunctionInputError("#VALUE!", `${name} cannot be negative (found "${showCell(v)}")`);
  }
  return text;
}

/**
 * Aging bucket upper bounds from a range or an array constant such as {30,60,90,120}, in order,
 * blanks skipped; null when omitted (the default MGMA buckets). Each must be a number.
 */
export function boundsArg(value: unknown, name: string): number[] | null {
  if (value === undefined || value === null) return null;
  const cells = (Array.isArray(value) ? (value as unknown[]).flatMap((r) => (Array.isArray(r) ? r : [r])) : [value]).filter((v) => !isBlankOrZero(v)); // 0: an empty cell as Excel for Windows passed it (no bucket ends at day 0)
  if (cells.length === 0) return null;
  return cells.map((v) => {
    const n = typeof v === "number" ? v : typeof v === "string" && PLAIN_DECIMAL.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!Number.isFinite(n) || Math.abs(n) > LARGEST_QUANTITY) throw new FunctionInputError("#VALUE!", `${name} must be numbers of days, e.g. {30,60,90,120} (found "${showCell(v)}")`);
    return n;
  });
}

/** "1,040.5" → "1040.5": thousands separators in a quantity written as text. */
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * A quantity (hours, weeks) from a cell as an exact decimal string, or a message saying why it
 * cannot be read. A number gives its shortest decimal form (7.75 → "7.75"); text must be a plain
 * decimal ("7.75", "1,040"); blank → null. Negative values are refused.
 */
export function readQuantity(value: CellValue): { value: string } | { blank: true } | { message: string } {
  if (isBlankCell(value)) return { blank: true };
  const error = cellErrorText(value);
  if (error !== null) return { message: `the cell holds the error ${error}, not a number` };
  let text: string | null = null;
  if (typeof value === "number") text = Number.isFinite(value) ? String(value) : null;
  else if (typeof value === "string") {
    const t = value.trim();
    if (PLAIN_DECIMAL.test(t)) text = t;
    else if (THOUSANDS.test(t)) text = t.replace(/,/g, "");
  }
  if (text === null) return { message: "not a number" };
  if (Math.abs(Number(text)) > LARGEST_QUANTITY) return { message: "too large (at most 90 trillion)" };
  if (text.startsWith("-") && !/^-0*(?:\.0*)?$/.test(text)) return { message: "cannot be negative" };
  return { value: text.replace(/^-/, "") };
}

/** Hours (or another quantity) from a range cell as an exact decimal string: blank is "0"; unreadable or negative values are problems. */
export function quantityAt(column: readonly CellValue[], index: number, name: string, problems: CellProblems): string {
  const read = readQuantity(column[index]);
  if ("value" in read) return read.value;
  if ("message" in read) problems.add(name, index, read.message, column[index]);
  return "0";
}

/** A scalar quantity argument (hours, weeks) as an exact decimal string; blank → `fallback` when given, else an error. */
export function quantityArg(value: unknown, name: string, fallback?: string): string {
  const v = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  const read = readQuantity(v);
  if ("value" in read) return read.value;
  if ("blank" in read) {
    if (fallback !== undefined) return fallback;
    throw new FunctionInputError("#VALUE!", `${name} is required (a number)`);
  }
  throw new FunctionInputError("#VALUE!", `${name}: ${read.message} (found "${showCell(v)}")`);
}
