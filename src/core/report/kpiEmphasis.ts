import Decimal from "decimal.js";
import type { ConditionalRule, SheetDescription } from "../sheet/sheetDescription";
import { KPI_BENCHMARKS, type BenchmarkedKpi } from "./benchmarks";
import { KEY_FIGURE_LABELS } from "./physicianReport";

/**
 * Where each benchmarked KPI leaves its target (benchmarks.ts: the bound of the "good" status,
 * itself from definitions.md): the value is outside its benchmark when it is below (net
 * collection rate) or above (days in A/R, A/R over 90 days, denial rate) this bound.
 */
export const KPI_TARGETS: Record<BenchmarkedKpi, { operator: "lessThan" | "greaterThan"; bound: string }> = {
  netCollectionRate: { operator: "lessThan", bound: "0.95" },
  daysInAR: { operator: "greaterThan", bound: "40" },
  over90Share: { operator: "greaterThan", bound: "0.15" },
  denialRate: { operator: "greaterThan", bound: "0.05" },
};

/** Whether a value is outside its KPI's benchmark by KPI_TARGETS (must agree with the benchmark's status). */
export function outsideBenchmark(kpi: BenchmarkedKpi, value: Decimal): boolean {
  const t = KPI_TARGETS[kpi];
  return t.operator === "lessThan" ? value.lt(t.bound) : value.gt(t.bound);
}

const LABELS: Record<BenchmarkedKpi, string> = {
  netCollectionRate: KEY_FIGURE_LABELS.netCollectionRate,
  daysInAR: KEY_FIGURE_LABELS.daysInAR,
  over90Share: KEY_FIGURE_LABELS.over90Share,
  denialRate: KEY_FIGURE_LABELS.denialRate,
};

/**
 * Threshold rules for the physician report's KPI value cells (column B, right of their label in
 * column A): the value shows in the "bad" style while it is outside its benchmark, so the emphasis
 * follows the value if the cell is edited or recalculated. A KPI cell that already has a threshold
 * rule keeps it (none added). Labels not found (a KPI the report leaves out) get none.
 */
export function kpiEmphasis(sheet: SheetDescription): ConditionalRule[] {
  const rules: ConditionalRule[] = [];
  for (const kpi of Object.keys(KPI_TARGETS) as BenchmarkedKpi[]) {
    const label = sheet.cells.find((c) => c.col === 1 && c.value === LABELS[kpi]);
    if (label === undefined) continue;
    const row = label.row;
    const covered = sheet.conditional.some((r) => r.kind === "threshold" && r.range.fromRow <= row && r.range.toRow >= row && r.range.fromCol <= 2 && r.range.toCol >= 2);
    if (covered) continue;
    const t = KPI_TARGETS[kpi];
    rules.push({ kind: "threshold", range: { fromRow: row, toRow: row, fromCol: 2, toCol: 2 }, operator: t.operator, value: Number(t.bound), style: "bad" });
  }
  return rules;
}

/** The description with kpiEmphasis's rules added (a copy; the input is not changed). */
export function withKpiEmphasis(sheet: SheetDescription): SheetDescription {
  return { ...sheet, conditional: [...sheet.conditional, ...kpiEmphasis(sheet)] };
}

// Keeps the bounds above honest: each must be the edge of the benchmark's "good" status.
for (const kpi of Object.keys(KPI_TARGETS) as BenchmarkedKpi[]) {
  const bound = new Decimal(KPI_TARGETS[kpi].bound);
  if (KPI_BENCHMARKS[kpi].status(bound) !== "good") throw new Error(`KPI_TARGETS.${kpi} is not the edge of its benchmark`);
}
