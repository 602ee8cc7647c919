import { isBlankCell, type CellValue } from "../core/cells/cellValue";
import { FunctionInputError } from "./excelError";

/** A range argument as Excel passes it: a 2D array, or one value when a single cell is given. */
export type RangeArg = unknown;

/** Any argument as a 2D array (a single value becomes a 1 x 1 range; omitted becomes empty). */
export function asGrid(arg: RangeArg): CellValue[][] {
  if (arg === undefined || arg === null) return [];
  if (Array.isArray(arg)) {
    if (arg.length === 0) return [];
    for (let r = 0; r < arg.length; r++) if (!Array.isArray(arg[r])) return [arg as CellValue[]];
    return arg as CellValue[][];
  }
  return [[arg]];
}

/**
 * One column (or one row) of values from a range argument, in order. `name` is the parameter as
 * the user sees it in Excel's help, used in messages ("dates, row 12").
 */
export function asColumn(arg: RangeArg, name: string): CellValue[] {
  const grid = asGrid(arg);
  if (grid.length === 0) return [];
  const width = grid[0].length;
  if (width === 1) return grid.map((r) => r[0]);
  if (grid.length === 1) return grid[0].slice();
  throw new FunctionInputError("#VALUE!", `${name} must be a single column or a single row (got ${grid.length} rows x ${width} columns)`);
}

/** Several columns that must line up row by row (the same length), by parameter name. */
export function alignedColumns<K extends string>(args: Record<K, RangeArg>, required: readonly K[]): Record<K, CellValue[]> {
  const out = {} as Record<K, CellValue[]>;
  let length = -1;
  let first = "";
  for (const key of Object.keys(args) as K[]) {
    const given = args[key];
    if (given === undefined || given === null) {
      if (required.includes(key)) throw new FunctionInputError("#VALUE!", `${key} is required`);
      continue;
    }
    const col = asColumn(given, key);
    if (length === -1) {
      length = col.length;
      first = key;
    } else if (col.length !== length) {
      throw new FunctionInputError("#VALUE!", `${key} has ${col.length} cells but ${first} has ${length}: give ranges of the same rows`);
    }
    out[key] = col;
  }
  return out;
}

/**
 * True when the first row of the aligned columns is a header (text that is not a number, money or
 * date in the columns given), so `=PRACTICE.X(B1:B500, …)` over a range that starts at the header
 * still works: that row is skipped, not an error.
 */
export function firstRowIsHeader(columns: CellValue[][], looksLikeData: (value: CellValue, column: number) => boolean): boolean {
  if (columns.length === 0 || columns[0].length === 0) return false;
  let sawText = false;
  for (let c = 0; c < columns.length; c++) {
    const v = columns[c][0];
    if (isBlankCell(v)) continue;
    if (typeof v !== "string" || looksLikeData(v, c)) return false;
    sawText = true;
  }
  return sawText;
}

/** "dates, row 12 of the range" — how a message names a cell of a range argument (1-based). */
export function cellName(name: string, index: number): string {
  return `${name}, row ${index + 1} of the range`;
}
