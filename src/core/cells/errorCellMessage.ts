import { cellErrorText, type CellValue } from "./cellValue";

/**
 * What to say about a cell that holds an error value, or null when it holds none. A cell the file
 * reader could not read carries the reason a manager can act on (`{ error, reason }`, such as
 * "formula without a saved value: open and save the file in Excel"): that reason is said as is.
 * Any other error value is named: "the cell holds the error #N/A" and the `tail` (", not an amount").
 */
export function errorCellMessage(value: CellValue, tail = ""): string | null {
  const error = cellErrorText(value);
  if (error === null) return null;
  const reason = readerReason(value);
  return reason !== null ? reason : `the cell holds the error ${error}${tail}`;
}

/** The reader's reason on an unread cell (`{ error: "#VALUE!", reason: "…" }`), else null. */
function readerReason(value: CellValue): string | null {
  if (value === null || typeof value !== "object" || value instanceof Date) return null;
  const reason = (value as { reason?: unknown }).reason;
  return typeof reason === "string" && reason.trim() !== "" ? reason.trim() : null;
}
