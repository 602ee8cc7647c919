import type { CellValue } from "../cells/cellValue";
import { parseDate } from "../cells/parseDate";
import { parseMoney } from "../cells/parseMoney";
import { KEY_FIGURE_LABELS } from "./physicianReport";
import type { TrendPoint } from "./reportFigures";

/** True for the name of a report tab Practice Ledger wrote ("Physician Report 2026-09", "… (2)"). */
export function isReportTabName(name: string): boolean {
  return /^Physician Report \d{4}-\d{2}( \(\d+\))?$/.test(name.trim());
}

/**
 * Reads the key figures back from an earlier report tab (by their fixed labels in column A, value in B), for
 * the trend. Returns null when the tab does not hold them (edited by hand, or not one of ours).
 */
export function trendFromReportTab(grid: readonly (readonly CellValue[])[]): TrendPoint | null {
  const byLabel = new Map<string, CellValue>();
  for (const row of grid) {
    if (row === undefined || typeof row[0] !== "string") continue;
    const label = row[0].trim();
    // The first row with a value beside the label: a KPI tile's label (value below it, column B
    // empty) does not hide the key-figure row of the same name further down.
    const prior = byLabel.get(label);
    const value = typeof row[1] === "string" && row[1].trim() === label ? null : row[1]; // a merged tile repeats its label
    if (prior === undefined || prior === null || prior === "") byLabel.set(label, value);
  }
  const asOf = parseDate(byLabel.get(KEY_FIGURE_LABELS.asOf));
  const charges = parseMoney(byLabel.get(KEY_FIGURE_LABELS.charges));
  const payments = parseMoney(byLabel.get(KEY_FIGURE_LABELS.payments));
  const arTotal = parseMoney(byLabel.get(KEY_FIGURE_LABELS.arTotal));
  if (asOf.kind !== "value" || charges.kind !== "value" || payments.kind !== "value" || arTotal.kind !== "value") return null;
  const rate = (label: string): string | null => {
    const v = byLabel.get(label);
    return typeof v === "number" && Number.isFinite(v) ? String(v) : null;
  };
  return {
    asOf: asOf.value,
    charges: charges.value,
    payments: payments.value,
    arTotal: arTotal.value,
    netCollectionRate: rate(KEY_FIGURE_LABELS.netCollectionRate),
    daysInAR: rate(KEY_FIGURE_LABELS.daysInAR),
    over90Share: rate(KEY_FIGURE_LABELS.over90Share),
    denialRate: rate(KEY_FIGURE_LABELS.denialRate),
  };
}
