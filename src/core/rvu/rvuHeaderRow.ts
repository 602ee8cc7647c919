import type { CellValue } from "../cells/cellValue";
import { mapColumns } from "../import/mapColumns";
import { headerRows } from "../import/twoRowHeader";
import { RVU_HEADER_SYNONYMS, type RvuField } from "./rvuHeaders";

/** Where an RVU table's header is: its rows (1-based, one or two) and the 0-based column of each field found. */
export interface RvuHeader {
  rows: number[];
  columns: Partial<Record<RvuField, number>>;
}

/**
 * The header of an RVU table among the first 30 rows: the row (or two rows joined, as CMS's PFS
 * relative value file writes "WORK" above "RVU" and "NON-FAC" above "PE RVU") naming a code column
 * and a work RVU column, the one naming most fields (the first on a tie). Null when there is none.
 */
export function findRvuHeader(grid: readonly (readonly CellValue[])[], maxRows = 30): RvuHeader | null {
  let best: { header: RvuHeader; fields: number } | null = null;
  for (let r = 1; r <= Math.min(grid.length, maxRows); r++) {
    const joined = headerRows<RvuField>(grid, r, RVU_HEADER_SYNONYMS, {}, {});
    const { mapping } = mapColumns<RvuField>(joined.cells, RVU_HEADER_SYNONYMS);
    if (mapping.cpt === undefined || mapping.work === undefined) continue;
    const fields = Object.keys(mapping).length;
    if (best === null || fields > best.fields) best = { header: { rows: joined.rows, columns: mapping }, fields };
  }
  return best?.header ?? null;
}
