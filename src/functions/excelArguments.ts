/* Arguments as Excel hands them to a custom function, made into plain cell values before any
 * function reads them:
 * - Data types and formatted numbers arrive as objects when the metadata sets
 *   allowCustomDataForDataTypeAny (the generator writes it for parameters of type any): the same
 *   JSON schema as Excel.CellValue, { type: "FormattedNumber" | "Double" | "String" | "Boolean",
 *   basicValue, ... } ("Use data types with custom functions in Excel",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts;
 *   custom-functions-runtime.js `_transferCustomFunctionRichData` JSON-parses them). Their
 *   `basicValue` is the cell's value. An entity, linked entity, image or other compound value has
 *   no single value to read: the function refuses it, naming the cell and saying what to do.
 * - Errors arrive as CustomFunctions.Error objects ({ code: "#N/A", type: "Error" }) when the
 *   metadata sets allowErrorForDataTypeAny (`_transferCustomFunctionError`): they are kept, and every
 *   cell reader reports them by name (cellErrorText).
 * - Numbers are bounded to what Excel holds, ±9.99999999999999E+307 ("Excel specifications and
 *   limits", https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
 *   anything past it (or NaN, Infinity, which a cell cannot hold) is refused naming the argument
 *   and the cell. */

import { cellErrorText, showCell } from "../core/cells/cellValue";
import { FunctionInputError } from "./excelError";
import { cellName } from "./ranges";

/** The largest magnitude of a number in an Excel cell. */
export const EXCEL_LARGEST_NUMBER = 9.99999999999999e307;

/** Data types whose basicValue is the cell's own value (Excel.CellValue JSON schema). */
const PLAIN_TYPES = new Set(["FormattedNumber", "Double", "String", "Boolean"]);
/** Data types that are an error or an empty cell. */
const ERROR_TYPES = new Set(["Error", "CustomFunctionError"]);

/** How a message names one cell of an argument (a scalar, a column, a row or a block). */
function placeOf(name: string, rows: number, columns: number, r: number, c: number): string {
  if (rows === 1 && columns === 1) return name;
  if (columns === 1) return cellName(name, r);
  if (rows === 1) return `${name}, column ${c + 1} of the range`;
  return `${name}, row ${r + 1}, column ${c + 1} of the range`;
}

/** A number Excel could hold, or a refusal naming the cell. */
function boundedNumber(x: number, place: string): number {
  if (!Number.isFinite(x) || Math.abs(x) > EXCEL_LARGEST_NUMBER) {
    throw new FunctionInputError("#VALUE!", `${place}: ${String(x)} is not a number Excel can hold (at most ±9.99999999999999E+307)`);
  }
  return x;
}

/** One cell as a plain value: a data type's basicValue, an error kept as is, a bounded number. */
export function plainCell(value: unknown, place: string): unknown {
  if (typeof value === "number") return boundedNumber(value, place);
  if (value === null || typeof value !== "object" || value instanceof Date || Array.isArray(value)) return value;
  const v = value as { type?: unknown; basicValue?: unknown; code?: unknown };
  const type = typeof v.type === "string" ? v.type : null;
  // An error (CustomFunctions.Error, an error data type, another engine's error object) is kept:
  // every cell reader names it (cellErrorText).
  if (type === null || ERROR_TYPES.has(type) || cellErrorText(value) !== null) return value;
  if (type === "Empty") return null;
  if (PLAIN_TYPES.has(type) && "basicValue" in v) {
    const basic = v.basicValue;
    if (typeof basic === "number") return boundedNumber(basic, place);
    if (typeof basic === "string" || typeof basic === "boolean" || basic === null) return basic;
  }
  throw new FunctionInputError(
    "#VALUE!",
    `${place}: the cell holds a data type (${type}${typeof v.basicValue === "string" ? ` "${showCell(v.basicValue)}"` : ""}), not a value: refer to one of its fields (e.g. =A2.Amount) or convert it to text`,
  );
}

/** True for a cell that is plain already: text, a boolean, a blank, or a number a cell can hold. */
function isPlain(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v) && Math.abs(v) <= EXCEL_LARGEST_NUMBER;
  return v === null || v === undefined || typeof v === "string" || typeof v === "boolean";
}

/**
 * One argument (a scalar or a 2D array) with every cell made plain. A range of plain cells (the
 * usual case) is returned as it is, without a copy: only a row holding an object is copied.
 */
export function plainArgument(value: unknown, name: string): unknown {
  if (!Array.isArray(value)) return plainCell(value, name);
  const rows = value.length;
  let out: unknown[] | null = null;
  for (let r = 0; r < rows; r++) {
    const row: unknown = value[r];
    let made: unknown = row;
    if (!Array.isArray(row)) {
      if (!isPlain(row)) made = plainCell(row, placeOf(name, 1, rows, 0, r));
    } else {
      let copy: unknown[] | null = null;
      for (let c = 0; c < row.length; c++) {
        const cell: unknown = row[c];
        if (isPlain(cell)) continue;
        copy ??= row.slice();
        copy[c] = plainCell(cell, placeOf(name, rows, row.length, r, c));
      }
      if (copy !== null) made = copy;
    }
    if (made !== row) {
      out ??= value.slice();
      out[r] = made;
    }
  }
  return out ?? value;
}

/**
 * The arguments of a custom function, by parameter name, made plain. Throws FunctionInputError
 * (#VALUE! naming the argument and cell) on a value no cell can hold or a compound data type.
 */
export function excelArguments<T extends Record<string, unknown>>(args: T): T {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(args)) out[name] = plainArgument(args[name], name);
  return out as T;
}
