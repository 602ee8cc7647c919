/* The summary lines `report` and `demo` print: money as money ("$830,856.46"), shares as
 * percentages ("29.2%"), days with their unit, counts with their noun; the same words as the task
 * pane (src/core/display). The JSON summary keeps its own fixed formats (a public interface). */
import { countText, daysText, dollarsText, percentText } from "../core/display/displayText";
import type { ReportSummaryJson } from "../core/report/summaryJson";

export function summaryLines(s: ReportSummaryJson): string[] {
  const lines = [
    `${s.practice}: report as of ${s.asOf} (period ${s.period.from} to ${s.period.to})`,
    `  claims: ${countText(s.claims.lines, "line")} used of ${countText(s.claims.rowsRead, "row")} read; ${countText(s.claims.leftOut.length, "row")} left out; ${countText(s.claims.afterAsOf, "line")} after the as-of date`,
    `  A/R ${dollarsText(s.ar.total)} (over 90 days: ${dollarsText(s.ar.over90)}, ${percentText(s.ar.over90Share)}), days in A/R ${daysText(s.ar.daysInAR)}`,
    `  net collection rate ${percentText(s.kpis.netCollectionRate)}, denial rate ${percentText(s.kpis.denialRate)}`,
    s.feeSchedule === null
      ? "  fee schedule: none found"
      : `  fee schedule: ${countText(s.feeSchedule.checkedLines, "line")} checked, underpaid ${dollarsText(s.feeSchedule.underpaidTotal)}`,
  ];
  if (s.budget !== null) {
    lines.push(`  budget: net income year to date ${dollarsText(s.budget.netIncomeYTD)}; ${countText(s.budget.linesOverBudget.length, "line")} over budget; equipment budget remaining ${dollarsText(s.budget.equipmentBudgetRemaining)}`);
  }
  if (s.payroll !== null) {
    lines.push(`  payroll: cost ${dollarsText(s.payroll.totalCost)} for the period (${percentText(s.payroll.shareOfCollections)} of collections), ${s.payroll.overtimeHours} overtime hours`);
  }
  return lines;
}
