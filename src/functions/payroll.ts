/* Implementations of the payroll functions (PRACTICE.GROSSPAY, OVERTIME, EMPLOYERTAXES, FTE): read
 * the arguments, call src/core/payroll and lay the result out. Every figure is computed in
 * src/core/payroll (definitions.md, "Payroll": a budgeting and employer-cost tool, not a
 * withholding engine). Money leaves as centsToNumber, hours and FTE as the exact Decimal's number.
 * Errors are thrown as FunctionInputError and mapped by `guarded` in functions.ts. */

import type Decimal from "decimal.js";
import { cellErrorText, showCell, type CellValue } from "../core/cells/cellValue";
import type { InputIssue } from "../core/cells/issue";
import type { Day } from "../core/dates/day";
import { excelSerialFromDay } from "../core/dates/excelSerial";
import { centsToNumber, Money } from "../core/money/cents";
import {
  addSplits,
  emptySplit,
  employerTaxes,
  fte,
  grossPay,
  overtimeForPayPeriod,
  PAYROLL_SETTINGS_2026,
  payrollSettingsFromRows,
  splitWorkweekDays,
  totalFte,
  type DayHours,
  type EmployerTaxes,
  type GrossPayInput,
  type PayrollSettings,
  type SettingRow,
} from "../core/payroll";
import { booleanArg, CellProblems, dateAt, isBlankOrZero, moneyArg, numberArg, quantityArg, quantityAt, readQuantity, textArg } from "./cellReaders";
import { FunctionInputError } from "./excelError";
import { asGrid } from "./ranges";
import { omitted, readTable, rowIsBlank } from "./tableReader";

/** A spilled table: rows of cells; "" is a blank cell. */
export type Spill = (string | number)[][];

/** Runs a core function; its RangeError (a negative hour, a bad period count) becomes #VALUE! with the reason. */
function core<T>(run: () => T, what?: string): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RangeError) throw new FunctionInputError("#VALUE!", `${what === undefined ? "" : `${what}: `}${e.message}`);
    throw e;
  }
}

/* ---------------------------------------------------------------- GROSSPAY */

/** A rate in dollars per hour, exact: 23.125, "23.125" or "$23.125". */
function hourlyRateArg(value: unknown): string {
  const v = typeof value === "string" ? value.trim().replace(/^\$\s*/, "") : value;
  return quantityArg(v, "rate");
}

/**
 * PRACTICE.GROSSPAY. Hourly (payPeriodsPerYear blank): rate × (regular + PTO hours) + rate × 1.5 ×
 * overtime hours + rate × 2 × double-time hours. Salaried (payPeriodsPerYear given): `rate` is the
 * annual salary, the period's pay is salary ÷ pay periods, and a non-exempt employee's overtime
 * is paid at 1.5 × the regular rate = the period's salary ÷ the hours it covers (29 CFR 778.113),
 * `regularHours` being those hours (blank = 40 × 52 ÷ pay periods).
 */
export function grossPayValue(
  rate: unknown,
  regularHours: unknown,
  overtimeHours: unknown,
  ptoHours: unknown,
  doubleTimeHours: unknown,
  payPeriodsPerYear: unknown,
  exempt: unknown,
): number {
  const overtime = quantityArg(overtimeHours, "overtimeHours", "0");
  const doubleTime = quantityArg(doubleTimeHours, "doubleTimeHours", "0");
  let input: GrossPayInput;
  if (omitted(payPeriodsPerYear)) {
    if (!omitted(exempt)) throw new FunctionInputError("#VALUE!", "exempt applies to a salary: give payPeriodsPerYear (e.g. 26) with the annual salary as rate");
    input = {
      kind: "hourly",
      rate: hourlyRateArg(rate),
      regularHours: quantityArg(regularHours, "regularHours"),
      overtimeHours: overtime,
      doubleTimeHours: doubleTime,
      ptoHours: quantityArg(ptoHours, "ptoHours", "0"),
    };
  } else {
    const periods = numberArg(payPeriodsPerYear, "payPeriodsPerYear", 0);
    if (!Number.isInteger(periods) || periods < 1) {
      throw new FunctionInputError("#VALUE!", `payPeriodsPerYear must be a whole number of 1 or more, e.g. 26 for biweekly (found "${showCell(payPeriodsPerYear)}")`);
    }
    const salary = moneyArg(rate, "rate (the annual salary)");
    if (salary < 0) throw new FunctionInputError("#VALUE!", `rate (the annual salary) cannot be negative (found "${showCell(rate)}")`);
    // PTO is paid within a salary: ptoHours are read (so a bad cell still shows) and add nothing.
    quantityArg(ptoHours, "ptoHours", "0");
    const covered = omitted(regularHours) ? undefined : quantityArg(regularHours, "regularHours");
    input = {
      kind: "salaried",
      annualSalary: salary,
      payPeriodsPerYear: periods,
      exempt: booleanArg(exempt, "exempt", false),
      overtimeHours: overtime,
      doubleTimeHours: doubleTime,
      ...(covered === undefined ? {} : { standardHours: covered }),
    };
  }
  return centsToNumber(core(() => grossPay(input)).gross);
}

/* ---------------------------------------------------------------- OVERTIME */

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** Weekday the workweek starts on, 0 = Sunday … 6 = Saturday, from 1 (Sunday) … 7 (Saturday) as Excel's WEEKDAY, or a day name. */
export function workweekStartArg(value: unknown): number {
  const v = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  if (isBlankOrZero(v)) return 0; // Sunday (0: an empty cell as Excel for Windows passed it)
  if (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 7) return v - 1;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (/^[1-7]$/.test(t)) return Number(t) - 1;
    const i = t.length >= 3 ? WEEKDAYS.findIndex((d) => d.startsWith(t)) : -1;
    if (i >= 0) return i;
  }
  throw new FunctionInputError("#VALUE!", `workweekStart must be 1 (Sunday) to 7 (Saturday), as WEEKDAY gives, or a day name such as "Monday" (found "${showCell(v)}")`);
}

const num = (d: Decimal): number => d.toNumber();

/**
 * PRACTICE.OVERTIME. Without dates the hours are the days of one workweek, in order; with dates
 * they are grouped into workweeks (each stands alone, FLSA 29 CFR 778.104) and several entries on
 * one date are added. Returns the overtime hours (1.5 ×) as a 1 x 1 result, or with `detail` a
 * table Workweek | Regular | Overtime | Double time with a Total row.
 */
export function overtimeResult(hoursByDay: unknown, dates: unknown, workweekStart: unknown, californiaDaily: unknown, detail: unknown): Spill {
  const daily = booleanArg(californiaDaily, "californiaDaily", false);
  const showDetail = booleanArg(detail, "detail", false);
  const weekStart = workweekStartArg(workweekStart);
  const table = readTable(
    [
      { name: "hoursByDay", arg: hoursByDay, kind: "money" },
      { name: "dates", arg: dates, kind: "date" },
    ],
    ["hoursByDay"],
  );
  const hourCells = table.columns.hoursByDay.cells.map((c) => c[0]);
  const dateCells = table.columns.dates?.cells.map((c) => c[0]);
  const problems = new CellProblems();
  const options = { daily };

  if (dateCells === undefined) {
    const days: string[] = [];
    for (let r = table.firstDataRow; r < table.rows; r++) days.push(quantityAt(hourCells, r, "hoursByDay", problems));
    problems.throwIfAny();
    if (days.length > 7) {
      throw new FunctionInputError("#VALUE!", `without dates, hoursByDay is one workweek of at most 7 days (got ${days.length}): give the dates of the days to cover several workweeks`);
    }
    const splits = splitWorkweekDays(days.map(readDecimal), options);
    const week = splits.reduce(addSplits, emptySplit());
    if (!showDetail) return [[num(week.overtimeHours)]];
    return [DETAIL_HEADER, ["Total", num(week.regularHours), num(week.overtimeHours), num(week.doubleTimeHours)]];
  }

  const entries: DayHours[] = [];
  for (let r = table.firstDataRow; r < table.rows; r++) {
    if (rowIsBlank(table, r)) continue;
    const hours = quantityAt(hourCells, r, "hoursByDay", problems);
    const date = dateAt(dateCells, r, "dates", problems);
    if (date === null) {
      if (isBlankOrZero(dateCells[r]) && readDecimal(hours).gt(0)) problems.add("dates", r, "the date is blank but the day has hours", null);
      continue;
    }
    entries.push({ date, hours });
  }
  problems.throwIfAny();
  if (entries.length === 0) return showDetail ? [DETAIL_HEADER, ["Total", 0, 0, 0]] : [[0]];
  let from: Day = entries[0].date;
  let to: Day = entries[0].date;
  for (const e of entries) {
    if (e.date < from) from = e.date;
    if (e.date > to) to = e.date;
  }
  const result = core(() => overtimeForPayPeriod(entries, weekStart, { from, to }, [], options), "hoursByDay");
  if (!showDetail) return [[num(result.overtimeHours)]];
  const out: Spill = [DETAIL_HEADER];
  for (const w of result.workweeks) {
    out.push([excelSerialFromDay(w.workweekStart), num(w.regularHours), num(w.overtimeHours), num(w.doubleTimeHours)]);
  }
  out.push(["Total", num(result.regularHours), num(result.overtimeHours), num(result.doubleTimeHours)]);
  return out;
}

const DETAIL_HEADER = ["Workweek", "Regular", "Overtime", "Double time"];

/** An exact decimal from a quantity string already read by readQuantity. */
function readDecimal(text: string): Decimal {
  return new Money(text);
}

/* ---------------------------------------------------------------- EMPLOYERTAXES */

const TAX_ROWS: { label: string; key: keyof Pick<EmployerTaxes, "socialSecurity" | "medicare" | "futa" | "suta" | "total">; names: RegExp }[] = [
  { label: "Social Security", key: "socialSecurity", names: /^(social ?security|ss|oasdi)$/ },
  { label: "Medicare", key: "medicare", names: /^(medicare|hi)$/ },
  { label: "FUTA", key: "futa", names: /^(futa|federal unemployment)$/ },
  { label: "SUTA", key: "suta", names: /^(suta|sui|state unemployment)$/ },
  { label: "Total", key: "total", names: /^(total|all)$/ },
];

/** "settings, row 3 of the range: …" for an issue of the settings range. */
function describeSettingIssue(issue: InputIssue): string {
  const found = issue.found === undefined ? "" : ` (found "${issue.found}")`;
  return `settings, row ${issue.row} of the range: ${issue.message}${found}`;
}

/**
 * Payroll settings from a Settings range (2 columns: setting name, value; a header row and other
 * settings are skipped), read by payrollSettingsFromRows; the 2026 values when omitted. An
 * unreadable value is #VALUE! naming its row; warnings are returned.
 */
export function settingsArg(value: unknown): { settings: PayrollSettings; warnings: string[] } {
  if (omitted(value)) return { settings: PAYROLL_SETTINGS_2026, warnings: [] };
  const grid = asGrid(value);
  const width = grid[0]?.length ?? 0;
  if (width < 2) {
    throw new FunctionInputError("#VALUE!", `settings must be a range of 2 columns, the setting's name and its value (got ${width} column${width === 1 ? "" : "s"})`);
  }
  const rows: SettingRow[] = grid.map((r, i) => ({ row: i + 1, cells: { setting: r[0], value: r[1] } }));
  const read = payrollSettingsFromRows(rows);
  const errors = read.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    const more = errors.length > 1 ? `; ${errors.length - 1} more setting${errors.length > 2 ? "s" : ""} cannot be read either` : "";
    throw new FunctionInputError("#VALUE!", `${describeSettingIssue(errors[0])}${more}`);
  }
  return { settings: read.settings, warnings: read.issues.map(describeSettingIssue) };
}

/**
 * PRACTICE.EMPLOYERTAXES: Tax | Amount for Social Security, Medicare, FUTA, SUTA and Total, with
 * a note row per settings warning; or one amount when `tax` names it.
 */
export function employerTaxesResult(wages: unknown, ytdWagesBefore: unknown, settings: unknown, tax: unknown): Spill {
  const paid = moneyArg(wages, "wages");
  const before = moneyArg(ytdWagesBefore, "ytdWagesBefore", 0);
  if (before < 0) throw new FunctionInputError("#VALUE!", `ytdWagesBefore cannot be negative (found "${showCell(ytdWagesBefore)}")`);
  const which = textArg(Array.isArray(tax) ? (tax as unknown[][])[0]?.[0] : tax, "tax", null);
  let row: (typeof TAX_ROWS)[number] | undefined;
  if (which !== null) {
    const key = which.toLowerCase().replace(/[^a-z ]/g, "").replace(/\s+/g, " ").trim();
    row = TAX_ROWS.find((t) => t.names.test(key));
    if (row === undefined) throw new FunctionInputError("#VALUE!", `tax must be "Social Security", "Medicare", "FUTA", "SUTA" or "Total" (found "${which}")`);
  }
  const read = settingsArg(settings);
  const taxes = employerTaxes(paid, before, read.settings);
  if (row !== undefined) return [[centsToNumber(taxes[row.key])]];
  const out: Spill = [["Tax", "Amount"]];
  for (const t of TAX_ROWS) out.push([t.label, centsToNumber(taxes[t.key])]);
  for (const w of read.warnings) out.push([`Note: ${w}`, ""]);
  return out;
}

/* ---------------------------------------------------------------- FTE */

/**
 * PRACTICE.FTE: hours ÷ (standard week × weeks), capped at 1.0; over a range, each cell is one
 * employee's hours and their FTEs (each capped) are added. A text first cell is a header, skipped.
 */
export function fteValue(hours: unknown, standardWeekHours: unknown, weeks: unknown): number {
  const week = quantityArg(standardWeekHours, "standardWeekHours", "40");
  const span = quantityArg(weeks, "weeks", "52");
  const cells: CellValue[] = asGrid(hours).flat();
  if (cells.length === 0) throw new FunctionInputError("#VALUE!", "hours is required (hours worked, or a range of each employee's hours)");
  const problems = new CellProblems();
  const each: string[] = [];
  cells.forEach((v, i) => {
    const read = readQuantity(v);
    if ("value" in read) each.push(read.value);
    else if ("message" in read) {
      const header = i === 0 && cells.length > 1 && typeof v === "string" && cellErrorText(v) === null;
      if (!header) problems.addAt(cells.length === 1 ? "hours" : `hours, cell ${i + 1} of the range`, read.message, v);
    }
  });
  problems.throwIfAny();
  const result = each.length === 1 ? fte(each[0], week, span) : totalFte(each, week, span);
  if (result === null) throw new FunctionInputError("#DIV/0!", "standardWeekHours x weeks is 0: there are no full-time hours to divide by");
  return result.toNumber();
}
