import Decimal from "decimal.js";

/** How a KPI compares with its benchmark: on target, worth watching, or off target. */
export type KpiStatus = "good" | "watch" | "bad";

export interface KpiBenchmark {
  /** What the tile shows beside the value, in words ("95 % or more"). */
  text: string;
  /** Where the rule comes from. */
  source: string;
  status(value: Decimal): KpiStatus;
}

const higherIsBetter = (good: string, watch: string) => (v: Decimal): KpiStatus =>
  v.gte(good) ? "good" : v.gte(watch) ? "watch" : "bad";
const lowerIsBetter = (good: string, watch: string) => (v: Decimal): KpiStatus =>
  v.lte(good) ? "good" : v.lte(watch) ? "watch" : "bad";

/** Benchmarks of the physician report's KPI tiles (definitions.md gives the targets). */
export const KPI_BENCHMARKS = {
  // MGMA adjusted FFS collection %: target 95 % or more.
  netCollectionRate: { text: "95% or more", source: "MGMA", status: higherIsBetter("0.95", "0.90") },
  // Days in A/R: 30-40 preferred, under 50 acceptable (AAFP; MGMA via Eide Bailly).
  daysInAR: { text: "under 40 days (50 acceptable)", source: "AAFP, MGMA", status: lowerIsBetter("40", "50") },
  // Share of A/R over 90 days (HFMA MAP Key). The definitions give no figure: 15 % is the
  // practice's default threshold, 25 % the point where it turns red.
  over90Share: { text: "15% or less (practice setting)", source: "HFMA MAP Keys", status: lowerIsBetter("0.15", "0.25") },
  // Denial rate: 5-10 % industry, under 5 % desirable.
  denialRate: { text: "under 5% (industry 5-10%)", source: "HFMA, AAFP", status: lowerIsBetter("0.05", "0.10") },
} satisfies Record<string, KpiBenchmark>;

export type BenchmarkedKpi = keyof typeof KPI_BENCHMARKS;
