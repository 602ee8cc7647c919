import type { SheetDescription } from "../core/sheet/sheetDescription";

/** Excel's limit on the characters in a cell (Microsoft, "Excel specifications and limits"). */
export const EXCEL_CELL_TEXT_LIMIT = 32767;

/**
 * The sheet with every text longer than Excel's 32,767 characters cut, ending with a note of how
 * much was cut (Excel would refuse or truncate the file's text otherwise). Other cells unchanged.
 */
export function withinCellTextLimit(sheet: SheetDescription): SheetDescription {
  if (!sheet.cells.some((c) => typeof c.value === "string" && c.value.length > EXCEL_CELL_TEXT_LIMIT)) return sheet;
  return {
    ...sheet,
    cells: sheet.cells.map((cell) => {
      if (typeof cell.value !== "string" || cell.value.length <= EXCEL_CELL_TEXT_LIMIT) return cell;
      const note = ` [cut: ${(cell.value.length - EXCEL_CELL_TEXT_LIMIT).toLocaleString("en-US")} or more characters past Excel's 32,767 per cell]`;
      return { ...cell, value: cell.value.slice(0, EXCEL_CELL_TEXT_LIMIT - note.length) + note };
    }),
  };
}
