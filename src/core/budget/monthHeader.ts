import { cellErrorText, isBlankCell, type CellValue } from "../cells/cellValue";
import { parseDate } from "../cells/parseDate";
import { ymdFromDay, type Day } from "../dates/day";
import { dayFromExcelSerial } from "../dates/excelSerial";

/** Which figures a column, row or block of a budget sheet holds. */
export type BudgetValueKind = "budget" | "actual";

/** A cell read as a month heading. */
export interface MonthHeader {
  /** 1 = January … 12 = December */
  month: number;
  /** The year when the heading gives one ("Jan-26", "Jan 2026", a date), else null. */
  year: number | null;
  /** "Jan Budget", "Actual Jan": the kind of figures under it, else null. */
  kind: BudgetValueKind | null;
  /** text ("Jan-26"), date (a Date object) or serial (an Excel date serial number). */
  source: "text" | "date" | "serial";
  /** Day of the month for a real date (to tell a row of dates from a row of amounts), else null. */
  dayOfMonth: number | null;
  /** Whether that real date is the last day of its month. */
  monthEnd: boolean;
}

const MONTH_WORDS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

const KIND_WORD = /\b(budget(?:ed)?|bud|plan(?:ned)?|actuals?|act)\b/gi;
/** Excel serials read as month headings: 1990-01-01 to 2099-12-31; other numbers are amounts. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73050;

/** "Budget", "Plan", "Actual", "Actuals" (a Type column or a block heading); null otherwise. */
export function kindFromText(value: CellValue): BudgetValueKind | null {
  if (typeof value !== "string") return null;
  const t = value.trim().toLowerCase().replace(/[:.]+$/, "").trim();
  if (/^(budget(ed)?|bud|plan(ned)?)( amounts?| figures?)?$/.test(t)) return "budget";
  if (/^(actuals?|act)( amounts?| figures?)?$/.test(t)) return "actual";
  return null;
}

/**
 * Reads a month heading: "Jan", "January", "Jan-26", "Jan 2026", "1/2026", "2026-01", a date
 * as text ("1/31/2026"), a Date object, or an Excel date serial (whole number from 1990 to 2099);
 * with an optional "Budget"/"Actual" word ("Jan Budget", "Actual - Jan 2026"). Null when the cell
 * is not a month heading. Never throws.
 */
export function parseMonthHeader(value: CellValue): MonthHeader | null {
  try {
    return readMonthHeader(value);
  } catch {
    return null;
  }
}

function fromDay(day: Day, kind: BudgetValueKind | null, source: MonthHeader["source"]): MonthHeader {
  const ymd = ymdFromDay(day);
  const next = ymdFromDay(day + 1);
  return { month: ymd.month, year: ymd.year, kind, source, dayOfMonth: ymd.day, monthEnd: next.month !== ymd.month };
}

function readMonthHeader(value: CellValue): MonthHeader | null {
  if (isBlankCell(value) || cellErrorText(value) !== null) return null;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < SERIAL_MIN || value > SERIAL_MAX) return null;
    const day = dayFromExcelSerial(value);
    return day === null ? null : fromDay(day, null, "serial");
  }
  if (value instanceof Date) {
    const parsed = parseDate(value);
    return parsed.kind === "value" ? fromDay(parsed.value, null, "date") : null;
  }
  if (typeof value !== "string") return null;

  let kind: BudgetValueKind | null = null;
  const kinds = new Set<BudgetValueKind>();
  let text = value.toLowerCase().replace(/\u00a0/g, " ");
  text = text.replace(KIND_WORD, (word) => {
    kinds.add(/^(budget|bud|plan)/.test(word) ? "budget" : "actual");
    return " ";
  });
  if (kinds.size > 1) return null; // "Budget vs Actual Jan": not one column's kind
  if (kinds.size === 1) kind = [...kinds][0];
  text = text.replace(/^[\s\-–—:|,/()]+|[\s\-–—:|,/()]+$/g, "").replace(/\s+/g, " ");
  if (text === "") return null;

  const month = (word: string): number | null => MONTH_WORDS[word] ?? null;
  const yearOf = (digits: string): number => (digits.length === 4 ? +digits : 2000 + +digits);
  const make = (m: number | null, year: number | null): MonthHeader | null =>
    m === null || m < 1 || m > 12 ? null : { month: m, year, kind, source: "text", dayOfMonth: null, monthEnd: false };

  let m = /^([a-z]{3,9})\.?$/.exec(text);
  if (m) return make(month(m[1]), null);
  m = /^([a-z]{3,9})\.?[\s\-/']*(\d{2}|\d{4})$/.exec(text);
  if (m) return make(month(m[1]), yearOf(m[2]));
  m = /^(\d{4})[\s\-/]([a-z]{3,9})\.?$/.exec(text);
  if (m) return make(month(m[2]), +m[1]);
  m = /^(\d{1,2})[/\-.](\d{4})$/.exec(text);
  if (m) return make(+m[1], +m[2]);
  m = /^(\d{4})[-/](\d{1,2})$/.exec(text);
  if (m) return make(+m[2], +m[1]);
  // A whole date written as text: "1/31/2026", "2026-01-01", "Jan 1, 2026".
  const parsed = parseDate(text);
  if (parsed.kind === "value") return { ...fromDay(parsed.value, kind, "text") };
  return null;
}
