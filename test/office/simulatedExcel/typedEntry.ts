/**
 * What Excel stores for a string written through Range.values: the string is parsed as if it had
 * been typed into the cell ("Range.values: ... If the value starts with a plus ("+"), minus ("-"),
 * or equal sign ("="), Excel interprets this value as a formula", Excel.Range reference,
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member;
 * typed numbers and dates: "Stop automatically changing numbers to dates",
 * https://support.microsoft.com/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8,
 * which also documents the two ways to keep text: the cell formatted as Text ("@") first, or a
 * leading apostrophe). Modelled for the en-US locale (month/day/year), the one the add-in's tests
 * run in:
 * - a leading apostrophe: text, without the apostrophe;
 * - a cell formatted "@": text as written;
 * - "=...", or "+"/"-" followed by something that is not a number: a formula;
 * - numbers: "99213", "00123", "1,234.50", "1234E5", "$1,234", "(25)", "12%", "-5";
 * - dates and times: "2026-10-31", "10/31/2026", "10/31", "1/2" (a date, not a fraction),
 *   "31-Oct", "Oct 31", "Oct-2026", "Jan 2026", "31 Oct 2026", "October 31, 2026", "10:30",
 *   "10:30 AM" (stored as the serial number);
 * - TRUE/FALSE: booleans; "#N/A" and the other error texts: errors.
 * Anything else stays text.
 */

export type TypedEntry = { kind: "text"; text: string } | { kind: "number"; value: number } | { kind: "boolean"; value: boolean } | { kind: "formula"; formula: string } | { kind: "error"; code: string };

const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** The year Excel assumes for a date typed without one (the tests' clock-free choice). */
const CURRENT_YEAR = 2026;

/** Excel serial (1900 system) of a date, or null when the date does not exist. */
function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) return null;
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCMonth() !== month - 1) return null;
  // 1900-03-01 is serial 61 (Excel counts the non-existent 1900-02-29).
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function month(name: string): number | null {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  if (i < 0) return null;
  const full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][i];
  return full.startsWith(name.toLowerCase()) ? i + 1 : null;
}

/** Two-digit years as Excel reads them: 00-29 → 2000s, 30-99 → 1900s. */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function dateSerial(t: string): number | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t))) return serial(+m[1], +m[2], +m[3]);
  if ((m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/.exec(t))) return serial(fullYear(m[3]), +m[1], +m[2]);
  if ((m = /^(\d{1,2})[/-](\d{1,2})$/.exec(t))) return serial(CURRENT_YEAR, +m[1], +m[2]);
  if ((m = /^(\d{1,2})[-\s]([a-z]+)\.?(?:[-\s,]+(\d{2}|\d{4}))?$/i.exec(t))) {
    const mo = month(m[2]);
    return mo === null ? null : serial(m[3] === undefined ? CURRENT_YEAR : fullYear(m[3]), mo, +m[1]);
  }
  if ((m = /^([a-z]+)\.?[-\s](\d{1,2})(?:,?\s*(\d{4}))?$/i.exec(t))) {
    const mo = month(m[1]);
    return mo === null ? null : serial(m[3] === undefined ? CURRENT_YEAR : +m[3], mo, +m[2]);
  }
  if ((m = /^([a-z]+)\.?[-\s](\d{4})$/i.exec(t))) {
    const mo = month(m[1]);
    return mo === null ? null : serial(+m[2], mo, 1);
  }
  return null;
}

function timeFraction(t: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(t);
  if (m === null) return null;
  let h = Number(m[1]);
  if (m[4] !== undefined) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[4].toLowerCase() === "pm" ? 12 : 0);
  }
  if (h > 23 || Number(m[2]) > 59) return null;
  return (h * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86_400;
}

function plainNumber(t: string): number | null {
  let s = t.replace(/\s+/g, "");
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  s = s.replace(/^([-+]?)\$/, "$1");
  if (!/^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][-+]?\d+)?$/.test(s) || !/\d/.test(s)) return null;
  const n = sign * Number(s.replace(/,/g, ""));
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

/** What Excel stores for `text` written through Range.values into a cell of number format `format`. */
export function typedEntry(text: string, format: string | undefined): TypedEntry {
  if (text.startsWith("'")) return { kind: "text", text: text.slice(1) };
  if (format === "@") return { kind: "text", text };
  const t = text.trim();
  if (t === "") return { kind: "text", text };
  if (ERRORS.has(t.toUpperCase())) return { kind: "error", code: t.toUpperCase() };
  if (/^(true|false)$/i.test(t)) return { kind: "boolean", value: t.toLowerCase() === "true" };
  const n = plainNumber(t);
  if (n !== null) return { kind: "number", value: n };
  if (text.startsWith("=") || /^[+-]/.test(text)) return { kind: "formula", formula: text.startsWith("=") ? text : `=${text}` };
  const date = dateSerial(t);
  if (date !== null) return { kind: "number", value: date };
  const time = timeFraction(t);
  if (time !== null) return { kind: "number", value: time };
  return { kind: "text", text };
}
