/* Reading several range arguments that line up row by row (the "columns" of one table), the way
 * every range function of Practice Ledger reads them:
 * - the ranges must have the same number of rows (#VALUE! otherwise);
 * - a header row at the top is skipped: the first row is a header when every non-blank cell in it is
 *   text, the typed columns (amounts, dates, statuses) hold text that is not such a value, and at
 *   least one typed column has that text (firstRowIsHeader);
 * - a row blank in all its ranges is skipped;
 * - a cell that cannot be read is collected in CellProblems: the function returns #VALUE! naming
 *   the first one (cellReaders.ts). */

import { isBlankCell, type CellValue } from "../core/cells/cellValue";
import { parseDate } from "../core/cells/parseDate";
import { parseMoney } from "../core/cells/parseMoney";
import { isBlankOrZero } from "./cellReaders";
import { FunctionInputError } from "./excelError";
import { asGrid, firstRowIsHeader } from "./ranges";

/** What a column holds; decides what counts as data (not a header) in its first row. */
export type ColumnKind = "money" | "date" | "text" | "status";

export interface ColumnSpec {
  /** The parameter name as Excel's help shows it, used in messages. */
  name: string;
  /** The argument as Excel passed it (undefined when omitted). */
  arg: unknown;
  kind: ColumnKind;
  /**
   * True for a range whose columns are all read and added per row (payments given as two columns,
   * insurance and patient). Otherwise the range must be one column (or one row).
   */
  wide?: boolean;
  /** For kind "status": true when the text is a known value. */
  isData?: (value: CellValue) => boolean;
}

/** One argument read as rows × cells (one cell per row unless wide). */
export interface TableColumn {
  name: string;
  kind: ColumnKind;
  /** cells[row][k]; for a single-column range each row holds one cell. */
  cells: CellValue[][];
  /** For a range that is not wide: its one cell of each row, values[row] = cells[row][0]. */
  values?: CellValue[];
}

export interface Table {
  /** The given columns by parameter name; omitted optional arguments are absent. */
  columns: Record<string, TableColumn>;
  /** Rows of the ranges (header row included). */
  rows: number;
  /** 1 when the first row is a header row and is skipped, else 0. */
  firstDataRow: number;
  /** The given columns in argument order (what rowIsBlank walks for every row). */
  given: TableColumn[];
}

/**
 * True when an optional argument was left out: undefined or null (Excel passes null), an empty
 * array, or a single blank cell (what a skipped argument, `F(a,b,,d)`, can arrive as).
 */
export function omitted(arg: unknown): boolean {
  if (arg === undefined || arg === null) return true;
  if (!Array.isArray(arg)) return isBlankCell(arg);
  if (arg.length === 0) return true;
  if (arg.length !== 1) return false;
  const row = arg[0];
  return Array.isArray(row) ? row.length === 0 || (row.length === 1 && isBlankCell(row[0])) : isBlankCell(row);
}

/** The cells of one argument, one array per row, and (not wide) the one cell of each row. */
function rowsOf(spec: ColumnSpec): { cells: CellValue[][]; values?: CellValue[] } {
  const grid = asGrid(spec.arg);
  if (grid.length === 0) return { cells: [], values: spec.wide === true ? undefined : [] };
  const width = grid[0].length;
  // The rows are only read, never written: Excel's own row arrays are kept (no copy of a million
  // small arrays) when they already have the shape wanted.
  if (spec.wide === true) return { cells: grid };
  if (width === 1) {
    const values = oneCellOfEachRow(grid);
    return { cells: values === null ? grid.map((r) => [r[0]]) : grid, values: values ?? grid.map((r) => r[0]) };
  }
  if (grid.length === 1) return { cells: grid[0].map((v) => [v]), values: grid[0].slice() };
  throw new FunctionInputError("#VALUE!", `${spec.name} must be a single column or a single row (got ${grid.length} rows x ${width} columns)`);
}

/** The cell of each row when every row holds exactly one cell (one pass over the rows), else null. */
function oneCellOfEachRow(grid: readonly CellValue[][]): CellValue[] | null {
  const values = new Array<CellValue>(grid.length);
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (row.length !== 1) return null;
    values[r] = row[0];
  }
  return values;
}

function looksLikeData(kind: ColumnKind, value: CellValue, isData?: (value: CellValue) => boolean): boolean {
  switch (kind) {
    case "money":
      return parseMoney(value).kind === "value";
    case "date":
      return parseDate(value).kind === "value";
    case "status":
      return isData?.(value) ?? false;
    default:
      return false;
  }
}

/**
 * Reads the range arguments of a function as one table. `required` names the specs that must be
 * given. Omitted optional ranges are left out of `columns`.
 */
export function readTable(specs: readonly ColumnSpec[], required: readonly string[]): Table {
  const columns: Record<string, TableColumn> = {};
  let rows = -1;
  let first = "";
  for (const spec of specs) {
    const given = required.includes(spec.name) ? !(spec.arg === undefined || spec.arg === null) : !omitted(spec.arg);
    if (!given) {
      if (required.includes(spec.name)) throw new FunctionInputError("#VALUE!", `${spec.name} is required (a range)`);
      continue;
    }
    const { cells, values } = rowsOf(spec);
    if (rows === -1) {
      rows = cells.length;
      first = spec.name;
    } else if (cells.length !== rows) {
      throw new FunctionInputError("#VALUE!", `${spec.name} has ${cells.length} rows but ${first} has ${rows}: give ranges of the same rows`);
    }
    columns[spec.name] = { name: spec.name, kind: spec.kind, cells, values };
  }
  if (rows === -1) rows = 0;

  // Header detection over every cell of the first row, each cell its own column for firstRowIsHeader.
  const headerColumns: CellValue[][] = [];
  const kinds: { kind: ColumnKind; isData?: (value: CellValue) => boolean }[] = [];
  let typedText = false;
  for (const spec of specs) {
    const column = columns[spec.name];
    if (column === undefined || rows === 0) continue;
    for (const v of column.cells[0]) {
      headerColumns.push([v]);
      kinds.push({ kind: spec.kind, isData: spec.isData });
      if (spec.kind !== "text" && typeof v === "string" && !isBlankCell(v)) typedText = true;
    }
  }
  const header = typedText && firstRowIsHeader(headerColumns, (v, c) => looksLikeData(kinds[c].kind, v, kinds[c].isData));
  return { columns, rows, firstDataRow: header ? 1 : 0, given: Object.values(columns) };
}

/**
 * True when every cell of row `r` in every given column is blank, or 0: a wholly zero row is the
 * empty rows of a range as Excel for Windows passed them (isBlankOrZero), and adds nothing.
 */
export function rowIsBlank(table: Table, r: number): boolean {
  const given = table.given;
  for (let c = 0; c < given.length; c++) {
    const values = given[c].values;
    if (values !== undefined) {
      if (!isBlankOrZero(values[r])) return false;
      continue;
    }
    const cells = given[c].cells[r];
    for (let k = 0; k < cells.length; k++) if (!isBlankOrZero(cells[k])) return false;
  }
  return true;
}
