/* Implementations of the budget functions (PRACTICE.VARIANCE, VARIANCEPCT, FAVORABLE, FORECAST,
 * RUNRATE) over a manager's own budget sheet: cell by cell, or over ranges. Every figure is
 * computed in src/core/budget (definitions.md, "Budget"); money leaves as centsToNumber, shares as
 * the exact Decimal's number. Errors are thrown as FunctionInputError and mapped by `guarded`.
 *
 * Element-wise functions (VARIANCE, VARIANCEPCT, FAVORABLE) return one cell per cell of their
 * ranges, so the spill lines up with the sheet; a cell that cannot be read is an error in its own
 * position only (as Excel's own ="a"-1 is), the rest still computes. FORECAST and RUNRATE add a
 * line's months: one unreadable month makes the result #VALUE! naming it. */

import { cellErrorText, isBlankCell, showCell, type CellValue } from "../core/cells/cellValue";
import { parseMoney } from "../core/cells/parseMoney";
import { BUDGET_LINE_TYPES, forecastForYear, isFavorable, lineTypeFromCategory, runRate, variance, variancePct, type BudgetLineType } from "../core/budget";
import { centsToNumber, type Cents } from "../core/money/cents";
import { CellProblems, isBlankOrZero, numberArg } from "./cellReaders";
import { excelError, FunctionInputError } from "./excelError";
import { asGrid } from "./ranges";

/** One returned cell: a number, TRUE/FALSE, "" (shows blank) or an error value. */
export type Cell = string | number | boolean | unknown;

/** Text that is not an amount nor an error value: a header or a label ("Jan", "Rent"). */
function isLabel(value: CellValue): boolean {
  return typeof value === "string" && !isBlankCell(value) && cellErrorText(value) === null && parseMoney(value).kind === "invalid";
}

/** "actual" for a single cell, "actual, row 3 of the range", or "actual, row 3, column 2 of the range". */
function placeName(name: string, grid: readonly CellValue[][], r: number, c: number): string {
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  if (rows === 1 && cols === 1) return name;
  if (cols === 1) return `${name}, row ${r + 1} of the range`;
  if (rows === 1) return `${name}, column ${c + 1} of the range`;
  return `${name}, row ${r + 1}, column ${c + 1} of the range`;
}

/** A 1 x 1 range is repeated over the other's shape; otherwise the shapes must match. */
function shapeOf(grids: { name: string; grid: CellValue[][] }[]): { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  let from = "";
  for (const { name, grid } of grids) {
    const r = grid.length;
    const c = grid[0]?.length ?? 0;
    if (r === 0 || c === 0) throw new FunctionInputError("#VALUE!", `${name} is required (a cell or a range)`);
    if (r === 1 && c === 1) continue;
    if (from === "") {
      rows = r;
      cols = c;
      from = name;
    } else if (r !== rows || c !== cols) {
      throw new FunctionInputError("#VALUE!", `${name} is ${r} x ${c} but ${from} is ${rows} x ${cols}: give ranges of the same shape (or a single cell)`);
    }
  }
  return { rows, cols };
}

const at = (grid: CellValue[][], r: number, c: number): CellValue => (grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid[r][c]);

type Amounts = { actual: Cents; budget: Cents } | { blank: true } | { error: unknown };

/**
 * Reads one position of actual and budget. Blank when the actual is blank (a month not booked
 * yet) or when both cells are labels or blank (a header row, a category column); a blank budget
 * is 0; text that is not an amount or an error value is #VALUE! naming the cell.
 */
function amountsAt(actualGrid: CellValue[][], budgetGrid: CellValue[][], r: number, c: number): Amounts {
  const a = at(actualGrid, r, c);
  const b = at(budgetGrid, r, c);
  // An actual of 0 is read as not booked: Excel for Windows passed 0 for an empty cell (isBlankOrZero).
  if (isBlankOrZero(a)) return { blank: true };
  if (isLabel(a) && (isLabel(b) || isBlankOrZero(b))) return { blank: true };
  const actual = parseMoney(a);
  if (actual.kind === "invalid") return { error: excelError("#VALUE!", `${placeName("actual", actualGrid, r, c)}: ${actual.message} (found "${showCell(a)}")`) };
  const budget = parseMoney(b);
  if (budget.kind === "invalid") return { error: excelError("#VALUE!", `${placeName("budget", budgetGrid, r, c)}: ${budget.message} (found "${showCell(b)}")`) };
  return { actual: actual.kind === "value" ? actual.value : 0, budget: budget.kind === "value" ? budget.value : 0 };
}

/** Applies `each` at every position of the actual and budget ranges (and any extra ranges). */
function elementWise(
  actual: unknown,
  budget: unknown,
  each: (amounts: { actual: Cents; budget: Cents }, r: number, c: number) => Cell,
  extra: { name: string; grid: CellValue[][] }[] = [],
): Cell[][] {
  const actualGrid = asGrid(actual);
  const budgetGrid = asGrid(budget);
  const { rows, cols } = shapeOf([{ name: "actual", grid: actualGrid }, { name: "budget", grid: budgetGrid }, ...extra]);
  const out: Cell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < cols; c++) {
      const read = amountsAt(actualGrid, budgetGrid, r, c);
      row.push("blank" in read ? "" : "error" in read ? read.error : each(read, r, c));
    }
    out.push(row);
  }
  return out;
}

/** PRACTICE.VARIANCE: actual − budget at each position. */
export function varianceCells(actual: unknown, budget: unknown): Cell[][] {
  return elementWise(actual, budget, (a) => centsToNumber(variance(a.actual, a.budget)));
}

/** PRACTICE.VARIANCEPCT: (actual − budget) ÷ budget at each position; blank where the budget is 0. */
export function variancePctCells(actual: unknown, budget: unknown): Cell[][] {
  return elementWise(actual, budget, (a) => {
    const pct = variancePct(a.actual, a.budget);
    // definitions.md, "Budget": variance % is blank where budget is 0.
    return pct === null ? "" : pct.toNumber();
  });
}

/** "revenue", "expense", "capital" (or a plural, or a category name that says which); null when unknown. */
export function lineTypeOf(value: CellValue): BudgetLineType | null {
  if (typeof value !== "string" || isBlankCell(value)) return null;
  const t = value.trim().toLowerCase();
  const direct = BUDGET_LINE_TYPES.find((type) => t === type || t === `${type}s`);
  if (direct !== undefined) return direct;
  if (t === "income") return "revenue";
  const guess = lineTypeFromCategory(value);
  return guess.known ? guess.lineType : null;
}

/** PRACTICE.FAVORABLE: TRUE when the variance is good news for the line type, FALSE when not, blank on budget. */
export function favorableCells(actual: unknown, budget: unknown, lineType: unknown): Cell[][] {
  const typeGrid = asGrid(lineType);
  if (typeGrid.length === 0 || (typeGrid.length === 1 && typeGrid[0].length === 1 && isBlankCell(typeGrid[0][0]))) {
    throw new FunctionInputError("#VALUE!", 'lineType is required: "revenue", "expense" or "capital"');
  }
  return elementWise(
    actual,
    budget,
    (a, r, c) => {
      const cell = at(typeGrid, r, c);
      const type = lineTypeOf(cell);
      if (type === null) {
        return excelError("#VALUE!", `${placeName("lineType", typeGrid, r, c)}: not a line type; write "revenue", "expense" or "capital" (found "${showCell(cell)}")`);
      }
      const fav = isFavorable(variance(a.actual, a.budget), type);
      return fav === null ? "" : fav;
    },
    [{ name: "lineType", grid: typeGrid }],
  );
}

/* ---------------------------------------------------------------- FORECAST, RUNRATE */

/** The as-of month: months elapsed in the budget year, 1 … 12 (10 = through October for a calendar year). */
function asOfMonthArg(value: unknown): number {
  const v = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  if (isBlankCell(v)) throw new FunctionInputError("#VALUE!", "asOfMonth is required: the months elapsed, 1 to 12 (10 = through October)");
  const n = numberArg(v, "asOfMonth", 0);
  if (!Number.isInteger(n) || n < 1 || n > 12) {
    throw new FunctionInputError("#VALUE!", `asOfMonth must be a whole number from 1 to 12 (found "${showCell(v)}")`);
  }
  return n;
}

/** One budget line's months as read from a range: its cells (a leading label skipped) and where each came from. */
interface LineCells {
  cells: CellValue[];
  places: string[];
  /** True for a row of labels and blanks only (a header row of a block): no figure. */
  header: boolean;
}

/**
 * The lines of a range: a single row or column is one line, its months in order; a block is one
 * line per row, months across. A label first cell (the category name, or a header) is skipped.
 */
function linesOf(arg: unknown, name: string): LineCells[] {
  const grid = asGrid(arg);
  if (grid.length === 0 || grid[0].length === 0) throw new FunctionInputError("#VALUE!", `${name} is required (a range of months)`);
  const single = grid.length === 1 || grid[0].length === 1;
  const lines: { cells: CellValue[]; places: string[] }[] = single
    ? [{ cells: grid.length === 1 ? grid[0].slice() : grid.map((r) => r[0]), places: [] }]
    : grid.map((row) => ({ cells: row.slice(), places: [] }));
  return lines.map((line, l) => {
    const places = line.cells.map((_, k) =>
      single ? `${name}, ${grid.length === 1 ? "column" : "row"} ${k + 1} of the range` : `${name}, row ${l + 1}, column ${k + 1} of the range`,
    );
    const header = !single && line.cells.every((v) => isBlankCell(v) || isLabel(v)) && line.cells.some((v) => isLabel(v));
    if (line.cells.length > 0 && isLabel(line.cells[0])) return { cells: line.cells.slice(1), places: places.slice(1), header };
    return { cells: line.cells, places, header };
  });
}

/** The first `limit` months of a line as cents (blank = null, not booked); unreadable cells are problems. */
function monthAmounts(line: LineCells, problems: CellProblems, limit = 12): (Cents | null)[] {
  return line.cells.slice(0, limit).map((v, k) => {
    const parsed = parseMoney(v);
    if (parsed.kind === "value") return parsed.value;
    if (parsed.kind === "invalid") problems.addAt(line.places[k], parsed.message, v);
    return null;
  });
}

/** PRACTICE.FORECAST: YTD actual through the as-of month + the budget of the months after it. */
export function forecastCells(actuals: unknown, budgets: unknown, asOfMonth: unknown): Cell[][] {
  const month = asOfMonthArg(asOfMonth);
  const actualLines = linesOf(actuals, "actuals");
  const budgetLines = linesOf(budgets, "budgets");
  if (actualLines.length !== budgetLines.length) {
    throw new FunctionInputError("#VALUE!", `actuals has ${actualLines.length} lines (rows) but budgets has ${budgetLines.length}: give the same lines`);
  }
  const problems = new CellProblems();
  const out: Cell[][] = [];
  actualLines.forEach((actualLine, l) => {
    const budgetLine = budgetLines[l];
    if (actualLine.header && budgetLine.header) {
      out.push([""]);
      return;
    }
    const where = actualLines.length === 1 ? "" : ` (row ${l + 1})`;
    if (budgetLine.cells.length !== 12) {
      throw new FunctionInputError("#VALUE!", `budgets${where} must hold the 12 months of the year (got ${budgetLine.cells.length} cells)`);
    }
    if (actualLine.cells.length < month) {
      throw new FunctionInputError("#VALUE!", `actuals${where} has ${actualLine.cells.length} months but asOfMonth is ${month}`);
    }
    // Months after the as-of month are not year to date: they are not read (definitions.md, "Budget").
    const actual = monthAmounts(actualLine, problems, month);
    const budget = monthAmounts(budgetLine, problems);
    out.push([centsToNumber(forecastForYear({ actual, budget: budget.map((b) => b ?? 0) }, month))]);
  });
  problems.throwIfAny();
  return out;
}

/** PRACTICE.RUNRATE: YTD actual ÷ months elapsed × 12. */
export function runRateCells(actuals: unknown, asOfMonth: unknown): Cell[][] {
  const month = asOfMonthArg(asOfMonth);
  const lines = linesOf(actuals, "actuals");
  const problems = new CellProblems();
  const out: Cell[][] = [];
  lines.forEach((line, l) => {
    if (line.header) {
      out.push([""]);
      return;
    }
    if (line.cells.length < month) {
      throw new FunctionInputError("#VALUE!", `actuals${lines.length === 1 ? "" : ` (row ${l + 1})`} has ${line.cells.length} months but asOfMonth is ${month}`);
    }
    out.push([centsToNumber(runRate({ actual: monthAmounts(line, problems, month) }, month))]);
  });
  problems.throwIfAny();
  return out;
}
