/**
 * The bounds the .xlsx reader keeps to (Excel's own limits, and what one workbook may make in memory),
 * and how it hands over a cell it could not read.
 */
import { UnreadableFileError } from "./zipPackage";

/** Excel's limits (Microsoft's "Excel specifications and limits"): beyond them a file is not Excel's. */
export const EXCEL_LIMITS = { rows: 1048576, columns: 16384, cellTextCharacters: 32767 };

/**
 * XML held at once while waiting for the next row or string: past this the part is refused.
 * Counted in characters for the shared strings, in bytes for a worksheet (the same for ASCII XML).
 */
export const MAX_PENDING_CHARACTERS = 64 * 1024 * 1024;

/**
 * A cell the reader could not read as a value: an error value for the core (`error`), with the
 * reason a manager can act on (`reason`), so the rows it sits in are listed, not silently dropped.
 */
export interface UnreadCell {
  error: "#VALUE!" | "#REF!";
  reason: string;
}

/** Reason given for a formula cell saved without its value (openpyxl and other tools write these). */
export const FORMULA_WITHOUT_VALUE = "formula without a saved value: open and save the file in Excel";

/**
 * Rows and filled cells a workbook may make in memory, over all its sheets: 4 sheets of Excel's
 * 1,048,576 rows, 40 million values (a full-width export of a million claim lines is 30 million).
 * Past them the file is refused with a message instead of running out of memory.
 */
export class ReadBudget {
  static readonly ROWS = 4 * 1048576;
  static readonly CELLS = 40_000_000;
  private rows = 0;
  private cells = 0;

  spendRows(n: number, label: string): void {
    this.rows += n;
    if (this.rows > ReadBudget.ROWS) {
      throw new UnreadableFileError(`${label}: more than ${ReadBudget.ROWS.toLocaleString("en-US")} rows in all its sheets, more than this program reads (a damaged or hostile file, or split the export)`);
    }
  }

  spendCell(label: string): void {
    if (++this.cells > ReadBudget.CELLS) {
      throw new UnreadableFileError(`${label}: more than ${ReadBudget.CELLS.toLocaleString("en-US")} filled cells, more than this program reads (split the export)`);
    }
  }
}
