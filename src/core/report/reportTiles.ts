import Decimal from "decimal.js";
import { MONTH_NAMES } from "../budget/budgetLine";
import { ymdFromDay, type Day } from "../dates/day";
import { centsToNumber, type Cents } from "../money/cents";
import type { SheetBuilder } from "../sheet/sheetBuilder";
import type { CellStyleName, NumberFormatName } from "../sheet/sheetDescription";
import { KPI_BENCHMARKS, type KpiBenchmark, type KpiStatus } from "./benchmarks";
import type { ReportFigures, TrendPoint } from "./reportFigures";

/** Words of a tile's status (red/amber/green by the KPI's benchmark, benchmarks.ts). */
export const STATUS_WORDS: Record<KpiStatus, string> = { good: "On target", watch: "Watch", bad: "Off target" };

/** One KPI tile: label, value, benchmark, status and change against a month earlier. */
export interface Tile {
  label: string;
  value: number | null;
  format: NumberFormatName;
  benchmark: string;
  status: KpiStatus | null;
  /** "+0.4 pts vs Sep 30", "−$12,345 vs Sep 30", or why there is no comparison. */
  change: string;
}

/** Tiles per row and columns per tile on the report (8 columns: 4 tiles of 2 columns). */
export const TILES_PER_ROW = 4;
export const TILE_COLUMNS = 2;
/** Rows of one tile: label, value, benchmark, status, change. */
export const TILE_ROWS = 5;

const shortDate = (day: Day): string => {
  const { month, day: d } = ymdFromDay(day);
  return `${MONTH_NAMES[month - 1].slice(0, 3)} ${d}`;
};

const signed = (d: Decimal, text: string): string => (d.isZero() ? `no change` : `${d.isNeg() ? "−" : "+"}${text}`);

/** Change of a rate in percentage points, one decimal ("+0.4 pts"). */
export function rateChange(current: Decimal | null, previous: Decimal | null): string | null {
  if (current === null || previous === null) return null;
  const d = current.minus(previous).times(100);
  return signed(d.toDecimalPlaces(1, Decimal.ROUND_HALF_UP), `${d.abs().toFixed(1, Decimal.ROUND_HALF_UP)} pts`);
}

/** Change of an amount in whole dollars ("+$12,345"). */
export function moneyChange(current: Cents, previous: Cents | null): string | null {
  if (previous === null) return null;
  const dollars = new Decimal(current - previous).dividedBy(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return signed(dollars, `$${dollars.abs().toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`);
}

/** Change in days, one decimal ("−1.2 days"). */
export function daysChange(current: Decimal | null, previous: string | null): string | null {
  if (current === null || previous === null) return null;
  const d = current.minus(previous).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  return signed(d, `${d.abs().toFixed(1)} days`);
}

/** The earlier report tab written for the month before the as-of month, if the workbook has one. */
function lastMonthsTab(f: ReportFigures): TrendPoint | null {
  const prev = f.previous.asOf;
  const { year, month } = ymdFromDay(prev);
  const found = f.trend.filter((t) => {
    const y = ymdFromDay(t.asOf);
    return y.year === year && y.month === month;
  });
  return found.length === 0 ? null : found[found.length - 1];
}

const dec = (s: string | null): Decimal | null => (s === null ? null : new Decimal(s));

/**
 * The eight tiles at the top of the report. Changes: charges, payments, collection and denial
 * rates against the 12 months ending last month, recomputed from the same register (payments to
 * date); A/R figures (they need the balances as they stood then) against last month's report tab
 * when the workbook has one.
 */
export function reportTiles(f: ReportFigures): Tile[] {
  const p = f.previous;
  const vs = ` vs ${shortDate(p.asOf)}`;
  const tab = lastMonthsTab(f);
  const noTab = `no report tab for ${shortDate(p.asOf)}`;
  const withVs = (c: string | null, missing: string): string => (c === null ? missing : `${c}${vs}`);
  const status = (bench: KpiBenchmark, v: Decimal | null): KpiStatus | null => (v === null ? null : bench.status(v));
  const money = (c: Cents): number => centsToNumber(c);
  const num = (d: Decimal | null): number | null => (d === null ? null : d.toNumber());
  const B = KPI_BENCHMARKS;
  return [
    { label: "Net collection (adjusted)", value: num(f.collections.netCollectionRate), format: "percent1", benchmark: B.netCollectionRate.text, status: status(B.netCollectionRate, f.collections.netCollectionRate), change: withVs(rateChange(f.collections.netCollectionRate, p.collections.netCollectionRate), "n/a") },
    { label: "Days in A/R", value: num(f.daysInAR.daysInAR), format: "days1", benchmark: B.daysInAR.text, status: status(B.daysInAR, f.daysInAR.daysInAR), change: withVs(daysChange(f.daysInAR.daysInAR, tab?.daysInAR ?? null), noTab) },
    { label: "A/R over 90 days", value: num(f.aging.over90Share), format: "percent1", benchmark: B.over90Share.text, status: status(B.over90Share, f.aging.over90Share), change: withVs(rateChange(f.aging.over90Share, dec(tab?.over90Share ?? null)), noTab) },
    { label: "Denial rate (claims)", value: num(f.denials.denialRate), format: "percent1", benchmark: B.denialRate.text, status: status(B.denialRate, f.denials.denialRate), change: withVs(rateChange(f.denials.denialRate, p.denials.denialRate), "n/a") },
    { label: "Charges (12 months)", value: money(f.collections.charges), format: "moneyWhole", benchmark: "by date of service", status: null, change: withVs(moneyChange(f.collections.charges, p.collections.charges), "n/a") },
    { label: "Payments (12 months)", value: money(f.collections.payments), format: "moneyWhole", benchmark: "on those services, to date", status: null, change: withVs(moneyChange(f.collections.payments, p.collections.payments), "n/a") },
    { label: "A/R total", value: money(f.aging.total), format: "moneyWhole", benchmark: "charges − payments − adjustments", status: null, change: withVs(moneyChange(f.aging.total, tab?.arTotal ?? null), noTab) },
    { label: "Gross collection rate", value: num(f.collections.grossCollectionRate), format: "percent1", benchmark: "payments ÷ charges (no benchmark)", status: null, change: withVs(rateChange(f.collections.grossCollectionRate, p.collections.grossCollectionRate), "n/a") },
  ];
}

/**
 * Draws the tiles from the builder's current row: TILES_PER_ROW across, each TILE_COLUMNS wide and
 * TILE_ROWS tall (label, value, benchmark, status, change), one blank row between rows of tiles.
 * Returns the first and last rows used.
 */
export function drawTiles(b: SheetBuilder, tiles: readonly Tile[]): { fromRow: number; toRow: number } {
  const fromRow = b.row;
  for (let i = 0; i < tiles.length; i += TILES_PER_ROW) {
    const top = b.row;
    tiles.slice(i, i + TILES_PER_ROW).forEach((t, k) => {
      const col = 1 + k * TILE_COLUMNS;
      const last = col + TILE_COLUMNS - 1;
      const band = (row: number, value: string | number | null, styles: CellStyleName[], format?: NumberFormatName): void => {
        b.set(row, col, value, format, ...styles);
        for (let c = col + 1; c <= last; c++) b.set(row, c, null, undefined, ...styles);
        b.merge({ fromRow: row, fromCol: col, toRow: row, toCol: last });
      };
      band(top, t.label, ["tileLabel"]);
      band(top + 1, t.value, ["tileValue"], t.format);
      b.height(top + 1, 26);
      band(top + 2, t.benchmark === "" ? null : t.benchmark, ["tileNote"]);
      band(top + 3, t.status === null ? "" : STATUS_WORDS[t.status], t.status === null ? ["tileNote"] : ["tileNote", t.status]);
      band(top + 4, t.change, ["tileNote"]);
    });
    b.row = top + TILE_ROWS + 1;
  }
  return { fromRow, toRow: b.row - 2 };
}
