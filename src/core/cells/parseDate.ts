import { dayFromYMD, type Day } from "../dates/day";
import { dayFromExcelSerial } from "../dates/excelSerial";
import { cellErrorText, isBlankCell, showCell, type CellValue } from "./cellValue";
import { BLANK, invalid, type Parsed } from "./parseResult";
import { errorCellMessage } from "./errorCellMessage";

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * Reads a date from a cell: an Excel serial (1900 date system), a Date (as ExcelJS hands date
 * cells over, midnight UTC), or text: ISO "2026-10-31", US "10/31/2026" or "10/31/26",
 * "20261031", "Oct 31, 2026", "31-Oct-2026". A day-first date such as "31/10/2026" is refused,
 * not guessed. Never throws.
 */
export function parseDate(value: CellValue): Parsed<Day> {
  try {
    return readDate(value);
  } catch {
    // Belt and braces: no input may make a cell reader throw.
    return invalid("not a date", safeShow(value));
  }
}

function safeShow(value: CellValue): string {
  try {
    return showCell(value);
  } catch {
    return "";
  }
}

function readDate(value: CellValue): Parsed<Day> {
  if (typeof value === "number") {
    const day = dayFromExcelSerial(value);
    if (day !== null) return { kind: "value", value: day };
    // Math.floor: a serial 60.5 (noon of the phantom day) is the same day that never existed
    return invalid(Math.floor(value) === 60 ? "serial 60 is Excel's 29 February 1900, a day that never existed" : "not a date serial Excel can show", String(value));
  }
  if (isBlankCell(value)) return BLANK;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return invalid("not a valid date", "invalid date");
    // The UTC calendar date: ExcelJS hands date cells over as midnight UTC.
    const year = value.getUTCFullYear();
    const day = dayFromYMD(year, value.getUTCMonth() + 1, value.getUTCDate());
    // The same range as text and serials: Excel's 1900 date system shows 1900-01-01 to 9999-12-31.
    if (day === null || year < 1900 || year > 9999) return invalid("not a date Excel can show", showCell(value));
    return { kind: "value", value: day };
  }
  const error = cellErrorText(value);
  if (error !== null) return invalid(errorCellMessage(value, ", not a date") ?? error, error);
  if (typeof value !== "string") return invalid("not a date", showCell(value));
  return dateFromText(value);
}

function dateFromText(raw: string): Parsed<Day> {
  const text = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return fromParts(+m[1], +m[2], +m[3], raw);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/.exec(text);
  if (m) {
    const month = +m[1];
    const day = +m[2];
    if (month > 12 && day <= 12) return invalid("looks like a day-first date; use month/day/year or 2026-10-31", raw);
    return fromParts(fullYear(m[3]), month, day, raw);
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return fromParts(+m[1], +m[2], +m[3], raw);
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (m && monthNumber(m[1]) !== null) return fromParts(+m[3], monthNumber(m[1]) as number, +m[2], raw);
  m = /^(\d{1,2})[-\s]([A-Za-z]{3,9})[-\s](\d{2}|\d{4})$/.exec(text);
  if (m && monthNumber(m[2]) !== null) return fromParts(fullYear(m[3]), monthNumber(m[2]) as number, +m[1], raw);
  return invalid("not a date (expected e.g. 10/31/2026 or 2026-10-31)", raw);
}

/** Two-digit years the way Excel reads them: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(text: string): number {
  const y = +text;
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

function monthNumber(name: string): number | null {
  const key = name.toLowerCase();
  const full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
  const index = full.indexOf(key);
  if (index >= 0) return index + 1;
  return MONTHS[key] ?? null;
}

function fromParts(year: number, month: number, day: number, raw: string): Parsed<Day> {
  const d = dayFromYMD(year, month, day);
  if (d === null || year < 1900 || year > 9999) return invalid("no such date", raw);
  return { kind: "value", value: d };
}
