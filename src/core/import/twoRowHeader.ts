import { isBlankCell, type CellValue } from "../cells/cellValue";
import type { HeaderSynonyms } from "./headerSynonyms";
import { mapColumns, type ColumnOverrides, type MapColumnsOptions } from "./mapColumns";
import { headerText } from "./normalizeHeader";

/** The header of an export, over one row or two ("Ins" above "Paid"). */
export interface HeaderRows {
  /** 1-based rows the header spans, top first. */
  rows: number[];
  /** One cell per column: the header text, the two rows joined by a space where both have text. */
  cells: CellValue[];
}

/** Text cells only, no digits: a row that can be half of a header (never a data row, a title or a date line). */
function isHeaderHalf(row: readonly CellValue[] | undefined, minTextCells: number): boolean {
  if (!Array.isArray(row)) return false;
  let text = 0;
  for (const cell of row) {
    if (isBlankCell(cell)) continue;
    if (typeof cell !== "string" || /\d/.test(cell)) return false;
    text++;
  }
  return text >= minTextCells;
}

/**
 * The two rows joined column by column. With `fill`, a top cell merged across several columns
 * ("Insurance" over "Paid" and "Adj") is carried right over the blank top cells that follow it,
 * as long as the bottom row has text there.
 */
function joined(top: readonly CellValue[], bottom: readonly CellValue[], fill = false): CellValue[] {
  const width = Math.max(top.length, bottom.length);
  const cells: CellValue[] = [];
  let carried = "";
  for (let c = 0; c < width; c++) {
    let a = headerText(top[c]);
    const b = headerText(bottom[c]);
    if (a !== "") carried = a;
    else if (fill && b !== "") a = carried;
    if (b === "") carried = "";
    cells.push(a !== "" && b !== "" ? `${a} ${b}` : a !== "" ? a : b);
  }
  return cells;
}

/**
 * The header of an export found at `row` (1-based), widened to two rows when the row above or
 * below is a header half ("Ins" / "Pt" above "Paid" / "Paid"; "Claim" above "Number") and the
 * joined header names more fields than the single row. The row above must hold at least two
 * text cells (a title line holds one). Never throws.
 */
export function headerRows<F extends string>(
  grid: readonly (readonly CellValue[])[],
  row: number,
  synonyms: HeaderSynonyms<F>,
  overrides: ColumnOverrides<F>,
  options: MapColumnsOptions<F>,
): HeaderRows {
  const single = Array.isArray(grid[row - 1]) ? [...(grid[row - 1] as CellValue[])] : [];
  const count = (cells: readonly CellValue[]): number => Object.keys(mapColumns(cells, synonyms, overrides, options).mapping).length;
  let best: HeaderRows = { rows: [row], cells: single };
  let bestCount = count(single);
  const above = grid[row - 2];
  if (row >= 2 && isHeaderHalf(above, 1)) {
    // Two text cells at least, or one merged over several columns (then carried right).
    for (const fill of [false, true]) {
      if (!fill && !isHeaderHalf(above, 2)) continue;
      const cells = joined(above as CellValue[], single, fill);
      const n = count(cells);
      if (n > bestCount) {
        best = { rows: [row - 1, row], cells };
        bestCount = n;
      }
    }
  }
  const below = grid[row];
  if (isHeaderHalf(below, 1)) {
    const cells = joined(single, below as CellValue[]);
    if (count(cells) > bestCount) best = { rows: [row, row + 1], cells };
  }
  return best;
}
