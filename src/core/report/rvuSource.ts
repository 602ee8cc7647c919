import type { CellValue } from "../cells/cellValue";
import { readRvuTable } from "../rvu/readRvuTable";
import type { RvuTableRead } from "../rvu/workRvuRow";

interface Sheet {
  name: string;
  grid: readonly (readonly CellValue[])[];
}

/**
 * The workbook's RVU table: a sheet named for RVUs ("RVUs", "RVU table", "PPRRVU26") with a CPT
 * and a work RVU column first, then any other sheet with such a header (most rows used wins),
 * and last the fee schedule sheet itself when it has a work RVU column. Null when none has one.
 */
export function findRvuTable(candidates: readonly Sheet[], feeScheduleSheet: Sheet | null): RvuTableRead | null {
  const others = candidates.filter((s) => s !== feeScheduleSheet);
  const named = others.filter((s) => /rvu/i.test(s.name));
  for (const group of [named, others.filter((s) => !named.includes(s))]) {
    let best: RvuTableRead | null = null;
    for (const s of group) {
      const read = readRvuTable(s.grid, s.name);
      if (read !== null && read.rows.length > 0 && (best === null || read.rows.length > best.rows.length)) best = read;
    }
    if (best !== null) return best;
  }
  if (feeScheduleSheet === null) return null;
  const fromFees = readRvuTable(feeScheduleSheet.grid, feeScheduleSheet.name);
  return fromFees !== null && fromFees.rows.length > 0 ? fromFees : null;
}
