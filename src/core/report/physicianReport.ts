import { sourceNoteLines } from "./sourceSummary";
import type Decimal from "decimal.js";
import { centsToNumber, type Cents } from "../money/cents";
import { excelSerialFromDay, isoFromDay, ymdFromDay } from "../dates";
import { SheetBuilder } from "../sheet/sheetBuilder";
import { columnRange, type CellStyleName, type SheetDescription } from "../sheet/sheetDescription";
import { KPI_BENCHMARKS, type KpiBenchmark, type KpiStatus } from "./benchmarks";
import type { ReportFigures } from "./reportFigures";
import { budgetSection, payrollSection } from "./budgetPayrollSections";

/** Labels of the key-figure rows: fixed, because trends read them back from earlier report tabs. */
export const KEY_FIGURE_LABELS = {
  asOf: "As of",
  charges: "Charges (period)",
  payments: "Payments (period)",
  netCollectionRate: "Net collection rate",
  grossCollectionRate: "Gross collection rate",
  arTotal: "A/R total",
  daysInAR: "Days in A/R",
  over90Share: "A/R over 90 days",
  denialRate: "Denial rate (claims)",
  denialRateDollars: "Denial rate (dollars)",
  averageDaysToPay: "Average days to pay",
} as const;

/** The name of a report tab for an as-of date: "Physician Report 2026-10". */
export function physicianReportName(asOf: number): string {
  const { year, month } = ymdFromDay(asOf);
  return `Physician Report ${year}-${String(month).padStart(2, "0")}`;
}

const money = (c: Cents): number => centsToNumber(c);
const num = (d: Decimal | null): number | null => (d === null ? null : d.toNumber());
const STATUS_WORDS: Record<KpiStatus, string> = { good: "On target", watch: "Watch", bad: "Off target" };

/**
 * The physician report as a sheet description: title block, KPI tiles with benchmark and status,
 * A/R aging (with a chart), aging by payer, payer mix (with a chart), denials by reason, fee
 * schedule discrepancies (grouped by payer and code: aggregates, no claim or patient identifiers),
 * budget status and payroll (or a note that the workbook has none), provider productivity, the trend against earlier report tabs, and notes on what was left out.
 */
export function physicianReport(f: ReportFigures): SheetDescription {
  const b = new SheetBuilder(physicianReportName(f.asOf), [34, 18, 28, 16, 16, 16, 16, 16]);
  const heading = (text: string): void => {
    b.skip();
    b.line([{ value: text, styles: ["section"] }]);
  };
  const header = (labels: string[]): number => b.line(labels.map((value) => ({ value, styles: ["tableHeader" as CellStyleName] })));

  b.line([{ value: `${f.practiceName}: physician report`, styles: ["title"] }]);
  b.line([
    { value: KEY_FIGURE_LABELS.asOf, styles: ["kpiLabel"] },
    { value: excelSerialFromDay(f.asOf), format: "date", styles: ["kpiValue"] },
    { value: `Period ${isoFromDay(f.period.from)} to ${isoFromDay(f.period.to)} (by date of service)`, styles: ["subtitle"] },
  ]);
  b.line([{ value: `Source: ${f.source ?? "claims register"}. Aggregates only: no patient names or identifiers. Figures follow MGMA, HFMA and CMS definitions.`, styles: ["note"] }]);
  for (const note of f.sourceReport === null ? [] : sourceNoteLines(f.sourceReport)) b.line([{ value: `Source: ${note}.`, styles: ["note"] }]);

  // KPI tiles: value beside its benchmark and a status.
  heading("Key figures");
  header(["Figure", "Value", "Benchmark", "Status"]);
  const kpi = (label: string, value: number | null, format: "money" | "percent1" | "days1", benchmark?: KpiBenchmark, exact?: Decimal | null): void => {
    const status = benchmark !== undefined && exact !== undefined && exact !== null ? benchmark.status(exact) : null;
    b.line([
      { value: label, styles: ["kpiLabel"] },
      { value, format, styles: ["kpiValue"] },
      { value: benchmark?.text ?? "", styles: ["note"] },
      { value: status === null ? "" : STATUS_WORDS[status], styles: status === null ? [] : [status] },
    ]);
  };
  kpi(KEY_FIGURE_LABELS.charges, money(f.collections.charges), "money");
  kpi(KEY_FIGURE_LABELS.payments, money(f.collections.payments), "money");
  kpi(KEY_FIGURE_LABELS.netCollectionRate, num(f.collections.netCollectionRate), "percent1", KPI_BENCHMARKS.netCollectionRate, f.collections.netCollectionRate);
  kpi(KEY_FIGURE_LABELS.grossCollectionRate, num(f.collections.grossCollectionRate), "percent1");
  kpi(KEY_FIGURE_LABELS.arTotal, money(f.aging.total), "money");
  kpi(KEY_FIGURE_LABELS.daysInAR, num(f.daysInAR.daysInAR), "days1", KPI_BENCHMARKS.daysInAR, f.daysInAR.daysInAR);
  kpi(KEY_FIGURE_LABELS.over90Share, num(f.aging.over90Share), "percent1", KPI_BENCHMARKS.over90Share, f.aging.over90Share);
  kpi(KEY_FIGURE_LABELS.denialRate, num(f.denials.denialRate), "percent1", KPI_BENCHMARKS.denialRate, f.denials.denialRate);
  kpi(KEY_FIGURE_LABELS.denialRateDollars, num(f.denials.denialRateDollars), "percent1");
  kpi(KEY_FIGURE_LABELS.averageDaysToPay, num(f.daysToPay.overall.averageDays), "days1");

  // A/R aging, with its chart to the right.
  heading(`A/R aging (as of ${isoFromDay(f.asOf)}, by date of service)`);
  const agingHeader = header(["Bucket (days)", "Amount", "Share", "Lines"]);
  for (const bucket of f.aging.buckets) {
    const share = f.aging.total === 0 ? null : bucket.amount / f.aging.total;
    b.line([{ value: bucket.label }, { value: money(bucket.amount), format: "money" }, { value: share, format: "percent1" }, { value: bucket.lines, format: "integer" }]);
  }
  const agingLast = b.row - 1;
  b.line([
    { value: "A/R total", styles: ["total"] },
    { value: money(f.aging.total), format: "money", styles: ["total"] },
    { value: f.aging.total === 0 ? null : 1, format: "percent1", styles: ["total"] },
    { value: f.aging.buckets.reduce((n, x) => n + x.lines, 0), format: "integer", styles: ["total"] },
  ]);
  b.line([{ value: "of which credit balances", styles: ["note"] }, { value: money(f.aging.creditBalances), format: "money", styles: ["note"] }]);
  b.rule({ kind: "dataBar", range: columnRange(2, agingHeader + 1, agingLast), color: "5B9BD5" });
  b.chart({
    kind: "column",
    title: "A/R aging",
    categories: columnRange(1, agingHeader + 1, agingLast),
    series: [{ name: "Amount", values: columnRange(2, agingHeader + 1, agingLast) }],
    anchor: { row: agingHeader, col: 6, rows: 12, cols: 3 },
  });

  // A/R aging by payer.
  heading("A/R aging by payer");
  header(["Payer", ...f.agingByPayer.buckets.map((x) => x.label), "Total"]);
  for (const p of [...f.agingByPayer.payers, f.agingByPayer.grand]) {
    const isGrand = p === f.agingByPayer.grand;
    const styles: CellStyleName[] = isGrand ? ["total"] : [];
    b.line([{ value: isGrand ? "Total" : p.payer, styles }, ...p.amounts.map((a) => ({ value: money(a), format: "money" as const, styles })), { value: money(p.total), format: "money", styles }]);
  }

  // Payer mix, with its chart.
  heading(`Payer mix (period ${isoFromDay(f.period.from)} to ${isoFromDay(f.period.to)})`);
  const mixHeader = header(["Payer", "Charges", "Share of charges", "Payments", "Share of payments", "Collection ratio"]);
  for (const p of f.payerMix) {
    b.line([
      { value: p.payer },
      { value: money(p.charges), format: "money" },
      { value: num(p.chargeShare), format: "percent1" },
      { value: money(p.payments), format: "money" },
      { value: num(p.paymentShare), format: "percent1" },
      { value: num(p.collectionRatio), format: "percent1" },
    ]);
  }
  const mixLast = b.row - 1;
  b.line([
    { value: "Total", styles: ["total"] },
    { value: money(f.collections.charges), format: "money", styles: ["total"] },
    { value: f.collections.charges === 0 ? null : 1, format: "percent1", styles: ["total"] },
    { value: money(f.collections.payments), format: "money", styles: ["total"] },
    { value: f.collections.payments === 0 ? null : 1, format: "percent1", styles: ["total"] },
    { value: num(f.collections.grossCollectionRate), format: "percent1", styles: ["total"] },
  ]);
  if (f.payerMix.length > 0) {
    b.rule({ kind: "dataBar", range: columnRange(3, mixHeader + 1, mixLast), color: "5B9BD5" });
    b.rule({ kind: "dataBar", range: columnRange(5, mixHeader + 1, mixLast), color: "70AD47" });
    b.chart({
      kind: "bar",
      title: "Payer mix: share of charges vs share of payments",
      categories: columnRange(1, mixHeader + 1, mixLast),
      series: [
        { name: "Share of charges", values: columnRange(3, mixHeader + 1, mixLast) },
        { name: "Share of payments", values: columnRange(5, mixHeader + 1, mixLast) },
      ],
      anchor: { row: mixLast + 3, col: 1, rows: 14, cols: 6 },
    });
    b.skip(16);
  }

  // Denials by reason.
  heading(`Denials: ${f.denials.deniedClaims} of ${f.denials.submittedClaims} submitted claims in the period`);
  header(["Reason (CARC)", "Claims", "Lines", "Charges"]);
  if (f.denialReasons.length === 0) b.line([{ value: "No denied lines in the period", styles: ["note"] }]);
  for (const d of f.denialReasons) {
    b.line([{ value: d.reason }, { value: d.claims, format: "integer" }, { value: d.lines, format: "integer" }, { value: money(d.charges), format: "money" }]);
  }

  // Fee schedule: grouped by payer and code, so the tab carries no claim identifiers.
  heading("Fee schedule check");
  if (f.feeCheck === null) {
    b.line([{ value: "No fee schedule was found, so payments were not checked against contracted rates.", styles: ["note"] }]);
  } else {
    const fc = f.feeCheck;
    b.line([{ value: "Lines checked", styles: ["kpiLabel"] }, { value: fc.checkedLines, format: "integer", styles: ["kpiValue"] }]);
    b.line([{ value: "Lines with no contracted rate", styles: ["kpiLabel"] }, { value: fc.unmatchedLines, format: "integer", styles: ["kpiValue"] }]);
    b.line([{ value: "Underpaid total (to recover)", styles: ["kpiLabel"] }, { value: money(fc.underpaidTotal), format: "money", styles: ["kpiValue", fc.underpaidTotal > 0 ? "bad" : "good"] }]);
    b.line([{ value: "Overpaid total", styles: ["kpiLabel"] }, { value: money(fc.overpaidTotal), format: "money", styles: ["kpiValue"] }]);
    const groups = new Map<string, { payer: string; cpt: string; lines: number; expected: Cents; actual: Cents; variance: Cents }>();
    for (const d of fc.discrepancies) {
      if (d.kind !== "underpaid") continue;
      const key = `${d.payer.trim().toLowerCase()}\u0001${d.cpt}`;
      const g = groups.get(key) ?? { payer: d.payer, cpt: d.cpt, lines: 0, expected: 0, actual: 0, variance: 0 };
      g.lines++;
      g.expected += d.expected;
      g.actual += d.actual;
      g.variance += d.variance;
      groups.set(key, g);
    }
    const top = [...groups.values()].sort((x, y) => x.variance - y.variance || x.payer.localeCompare(y.payer)).slice(0, 10);
    b.skip();
    header(["Payer", "CPT", "Underpaid lines", "Expected", "Paid (allowed)", "Underpaid"]);
    if (top.length === 0) b.line([{ value: "No underpaid lines", styles: ["note"] }]);
    for (const g of top) {
      b.line([
        { value: g.payer },
        { value: g.cpt },
        { value: g.lines, format: "integer" },
        { value: money(g.expected), format: "money" },
        { value: money(g.actual), format: "money" },
        { value: money(-g.variance), format: "money", styles: ["bad"] },
      ]);
    }
  }

  // Budget status and payroll, after the fee schedule.
  budgetSection(b, f);
  payrollSection(b, f);

  // Provider productivity.
  heading("Provider productivity (period)");
  header(["Provider", "Charges", "Payments", "Visits"]);
  for (const p of f.providers) {
    b.line([{ value: p.provider }, { value: money(p.charges), format: "money" }, { value: money(p.payments), format: "money" }, { value: p.visits, format: "integer" }]);
  }

  // Trend against earlier report tabs.
  heading("Trend (this and earlier report tabs)");
  const trendHeader = header(["As of", "Charges", "Payments", "Net collection rate", "Days in A/R", "A/R over 90 days", "Denial rate"]);
  const points = [
    ...f.trend.filter((t) => t.asOf < f.asOf),
    {
      asOf: f.asOf,
      charges: f.collections.charges,
      payments: f.collections.payments,
      netCollectionRate: f.collections.netCollectionRate?.toString() ?? null,
      daysInAR: f.daysInAR.daysInAR?.toString() ?? null,
      over90Share: f.aging.over90Share?.toString() ?? null,
      denialRate: f.denials.denialRate?.toString() ?? null,
    },
  ];
  const asNumber = (s: string | null): number | null => (s === null ? null : Number(s));
  for (const t of points) {
    b.line([
      { value: excelSerialFromDay(t.asOf), format: "date" },
      { value: money(t.charges), format: "money" },
      { value: money(t.payments), format: "money" },
      { value: asNumber(t.netCollectionRate), format: "percent1" },
      { value: asNumber(t.daysInAR), format: "days1" },
      { value: asNumber(t.over90Share), format: "percent1" },
      { value: asNumber(t.denialRate), format: "percent1" },
    ]);
  }
  const trendLast = b.row - 1;
  if (points.length > 1) {
    b.chart({
      kind: "line",
      title: "Net collection rate and A/R over 90 days",
      categories: columnRange(1, trendHeader + 1, trendLast),
      series: [
        { name: "Net collection rate", values: columnRange(4, trendHeader + 1, trendLast) },
        { name: "A/R over 90 days", values: columnRange(6, trendHeader + 1, trendLast) },
      ],
      anchor: { row: trendLast + 2, col: 1, rows: 14, cols: 6 },
    });
    b.skip(15);
  } else {
    b.line([{ value: "Earlier report tabs in this workbook will show here as a trend.", styles: ["note"] }]);
  }

  // Notes: what was read and what was left out.
  heading("Notes");
  b.line([{ value: `Rows read: ${f.rowsRead}; claim lines used: ${f.linesUsed}; left out: ${f.leftOut.length}; lines dated after the as-of date (counted, not aged): ${f.aging.linesAfterAsOf}.`, styles: ["note"] }]);
  if (f.leftOut.length > 0) {
    b.line([{ value: "Rows left out are listed with their reasons by the Practice Ledger task pane and in the command line's JSON summary.", styles: ["note"] }]);
  }
  if (f.sheetIssues.length > 0) {
    const errors = f.sheetIssues.filter((i) => i.severity === "error").length;
    const sheets = [...new Set(f.sheetIssues.map((i) => i.sheet))].join(", ");
    b.line([{ value: `Budget, payroll and settings sheets (${sheets}): ${f.sheetIssues.length} issue(s), ${errors} of them rows or values left out; each is listed with sheet, row and column in the task pane and the JSON summary.`, styles: ["note"] }]);
  }
  b.line([{ value: "Definitions: A/R = charges − payments − adjustments, credit balances netted (MGMA, HFMA). Days in A/R = A/R ÷ average daily charges of the last 90 days. Net collection rate = payments ÷ (charges − contractual adjustments) (MGMA).", styles: ["note"] }]);

  return b.build({ tabColor: "2F5597", showGridLines: false });
}
