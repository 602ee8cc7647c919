import Decimal from "decimal.js";
import type { WorkRvuFigures } from "./workRvuFigures";

/** The JSON summary's `workRVUs` section: aggregates only (codes and counts, no line). */
export interface WorkRvuSummaryJson {
  /** The RVU table's sheet. */
  sheet: string;
  /** Work RVUs of the period, all providers, to 2 decimals (PFS RVUs carry 2). */
  total: string;
  tableRows: number;
  linesWithRvu: number;
  /** Lines with no code or a code without a work RVU in the table (counted as 0). */
  linesWithoutRvu: number;
  codesWithoutRvu: { cpt: string; lines: number }[];
  /** RVU table rows left out (sheet, row, column, reason; no cell text). */
  leftOut: { sheet: string; row: number; column?: string; reason: string }[];
}

/** Work RVUs as the JSON writes them: 2 decimals, half up. */
export function workRvuText(value: Decimal | null | undefined): string | null {
  return value === null || value === undefined ? null : value.toFixed(2, Decimal.ROUND_HALF_UP);
}

export function workRvuSummaryJson(w: WorkRvuFigures | null | undefined): WorkRvuSummaryJson | null {
  if (w === null || w === undefined) return null;
  return {
    sheet: w.sheet,
    total: workRvuText(w.total) as string,
    tableRows: w.tableRows,
    linesWithRvu: w.linesWithRvu,
    linesWithoutRvu: w.linesWithoutRvu,
    codesWithoutRvu: w.codesWithoutRvu.map((c) => ({ ...c })),
    leftOut: w.leftOut.map((l) => ({ ...l })),
  };
}
