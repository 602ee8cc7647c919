/**
 * What a cell can hand over, from Excel (custom-function arguments, Office.js `values`), ExcelJS
 * or a CSV parser: a number, text, a boolean, a blank (null, undefined or ""), or an error value.
 * Error values arrive as text ("#N/A") or as an object with an error code
 * (CustomFunctions.Error, a HyperFormula CellError, an ExcelJS `{ error: "#N/A" }`).
 */
export type CellValue = unknown;

const ERROR_TEXTS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#BUSY!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!", "#CYCLE!", "#ERROR!",
]);

/** The Excel error text of an error value ("#N/A"), or null when the value is not an error. */
export function cellErrorText(value: CellValue): string | null {
  if (typeof value === "string") {
    // Every error text starts with "#": text without one is no error (no trimming, no copy).
    if (value.indexOf("#") === -1) return null;
    const t = value.trim().toUpperCase();
    return ERROR_TEXTS.has(t) ? t : null;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const v = value as Record<string, unknown>;
    // basicValue: Office.js `valuesAsJson` error cells ({ type: "Error", basicValue: "#DIV/0!" }).
    for (const key of ["error", "code", "type", "value", "basicValue"]) {
      const candidate = v[key];
      if (typeof candidate === "string") {
        const t = candidate.trim().toUpperCase();
        if (ERROR_TEXTS.has(t)) return t;
      }
    }
    // HyperFormula CellError type names and CustomFunctions.ErrorCode values
    const named: Record<string, string> = {
      DIV_BY_ZERO: "#DIV/0!", NA: "#N/A", NAME: "#NAME?", NUM: "#NUM!", REF: "#REF!", VALUE: "#VALUE!",
      ERROR: "#ERROR!", CYCLE: "#CYCLE!", SPILL: "#SPILL!", LIC: "#LIC!",
      INVALIDVALUE: "#VALUE!", NOTAVAILABLE: "#N/A", DIVISIONBYZERO: "#DIV/0!", INVALIDNUMBER: "#NUM!", NULLREFERENCE: "#NULL!",
      INVALIDNAME: "#NAME?", INVALIDREFERENCE: "#REF!",
    };
    const type = v.type ?? v.code;
    if (typeof type === "string" && named[type.toUpperCase()] !== undefined) return named[type.toUpperCase()];
    if ("error" in v || "errorCode" in v) return "#VALUE!";
  }
  return null;
}

/** True for a blank cell: null, undefined, or text that is empty or only spaces. */
export function isBlankCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A short text form of any cell value, for messages ("found …"). Never throws. */
export function showCell(value: CellValue): string {
  if (value === null || value === undefined) return "";
  const err = cellErrorText(value);
  if (err !== null) return err;
  if (typeof value === "string") return value.length > 60 ? `${value.slice(0, 57)}...` : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "invalid date" : value.toISOString().slice(0, 10);
  try {
    const s = JSON.stringify(value);
    return s === undefined ? String(value).slice(0, 60) : s.slice(0, 60);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
