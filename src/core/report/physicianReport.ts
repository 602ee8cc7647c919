import { sourceNoteLines } from "./sourceSummary";
import type Decimal from "decimal.js";
import { centsToNumber, type Cents } from "../money/cents";
import { excelSerialFromDay, isoFromDay, ymdFromDay } from "../dates";
import { SheetBuilder } from "../sheet/sheetBuilder";
import { columnRange, type CellStyleName, type PageSetup, type SheetDescription } from "../sheet/sheetDescription";
import { MONTH_NAMES } from "../budget/budgetLine";
import { drawTiles, reportTiles, STATUS_WORDS } from "./reportTiles";
import { KPI_BENCHMARKS, type KpiBenchmark } from "./benchmarks";
import type { ReportFigures } from "./reportFigures";
import { budgetSection, payrollSection } from "./budgetPayrollSections";
import { workRvuNotes } from "./workRvuNotes";

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

/** Who the report is for: the manager's tab holds every detail; the physicians' handout leaves out payroll detail and budget lines. */
export type ReportAudience = "manager" | "physicians";

/** Section titles (fixed: tests and readers look for them). */
export const SECTION_TITLES = {
  keyFigures: "Key figures",
  glance: "At a glance",
  providers: "Provider productivity (period)",
  details: "Details",
  monthly: "Month by month (by date of service)",
  notes: "Notes and definitions",
} as const;

/** Columns of the report: A holds labels, B-H figures (landscape, one page wide). */
export const REPORT_COLUMN_WIDTHS = [30, 15, 15, 15, 15, 15, 15, 15];
/** Rows the chart band reserves at the top (the three charts side by side). */
export const CHART_BAND_ROWS = 15;

/**
 * The physician report as a sheet description, in the order a physician reads it: title, KPI
 * tiles (value, benchmark, status, change vs last month), three charts (trend, A/R aging, payer
 * mix) in cells reserved for them, provider productivity; a page break; then the details: the
 * month-by-month table from the register, A/R aging, aging by payer, payer mix, denials, fee
 * schedule check, budget status, payroll (manager only), the trend of earlier report tabs, and at
 * the end notes, definitions and the key figures as label/value rows (read back by the next
 * report's trend). Page setup: landscape, one page wide; the physicians' handout fits on two pages.
 */
export function physicianReport(f: ReportFigures, options: { audience?: ReportAudience } = {}): SheetDescription {
  const audience = options.audience ?? "manager";
  const b = new SheetBuilder(physicianReportName(f.asOf), REPORT_COLUMN_WIDTHS);
  const breaks: number[] = [];
  const heading = (text: string): void => {
    b.skip();
    b.line([{ value: text, styles: ["section"] }]);
  };
  const header = (labels: string[]): number => {
    const row = b.line(labels.map((value) => ({ value, styles: ["tableHeader" as CellStyleName] })));
    if (labels.some((l) => l.length > 14)) b.height(row, 30); // two lines of a wrapped header
    return row;
  };

  b.line([{ value: `${f.practiceName}: physician report`, styles: ["title"] }]);
  b.line([
    { value: KEY_FIGURE_LABELS.asOf, styles: ["kpiLabel"] },
    { value: excelSerialFromDay(f.asOf), format: "date", styles: ["kpiValue"] },
    { value: `Period ${isoFromDay(f.period.from)} to ${isoFromDay(f.period.to)} (12 months by date of service). Aggregates only: no patient names or identifiers.`, styles: ["subtitle"] },
  ]);
  b.skip();
  drawTiles(b, reportTiles(f));

  // Charts band: cells reserved for the three charts (their data are the detail tables below).
  const bandTop = b.row;
  b.line([{ value: SECTION_TITLES.glance, styles: ["section"] }]);
  const chartTop = b.row;
  b.skip(CHART_BAND_ROWS);
  const chartSlots = [
    { row: chartTop, col: 1, rows: CHART_BAND_ROWS, cols: 2 },
    { row: chartTop, col: 3, rows: CHART_BAND_ROWS, cols: 3 },
    { row: chartTop, col: 6, rows: CHART_BAND_ROWS, cols: 3 },
  ];
  void bandTop;

  heading(SECTION_TITLES.providers);
  const withRvus = f.workRvus !== undefined && f.workRvus !== null;
  header(["Provider", "Charges", "Payments", "Visits", "Charges per visit", "Share of charges", ...(withRvus ? ["Work RVUs"] : [])]);
  for (const p of f.providers) {
    b.line([
      { value: p.provider },
      { value: money(p.charges), format: "moneyWhole" },
      { value: money(p.payments), format: "moneyWhole" },
      { value: p.visits, format: "integer" },
      { value: p.visits === 0 ? null : money(Math.round(p.charges / p.visits)), format: "moneyWhole" },
      { value: f.collections.charges === 0 ? null : p.charges / f.collections.charges, format: "percent1" },
      ...(withRvus ? [{ value: num(p.workRVUs ?? null), format: "number2" as const }] : []),
    ]);
  }
  for (const note of workRvuNotes(f.workRvus, audience)) b.line([{ value: note, styles: ["note"] }]);

  // Details, from a new page.
  b.skip();
  breaks.push(b.row);
  b.line([{ value: SECTION_TITLES.details, styles: ["title"] }]);
  heading(SECTION_TITLES.monthly);
  const monthHeader = header(["Month", "Charges", "Payments (to date)", "Visits", "Net collection (to date)", "Denial rate (claims)"]);
  for (const m of f.monthly) {
    const { year, month } = ymdFromDay(m.month);
    b.line([
      { value: `${MONTH_NAMES[month - 1].slice(0, 3)} ${year}` },
      { value: money(m.charges), format: "moneyWhole" },
      { value: money(m.payments), format: "moneyWhole" },
      { value: m.visits, format: "integer" },
      { value: num(m.netCollectionRate), format: "percent1" },
      { value: num(m.denialRate), format: "percent1" },
    ]);
  }
  const monthLast = b.row - 1;
  b.line([{ value: "Computed from the claims register by month of service: payments are those posted so far on that month's services, so recent months are not yet fully paid.", styles: ["note"] }]);
  if (f.monthly.length > 0) {
    b.chart({
      kind: "line",
      title: "Charges and payments by month",
      categories: columnRange(1, monthHeader + 1, monthLast),
      series: [
        { name: "Charges", values: columnRange(2, monthHeader + 1, monthLast) },
        { name: "Payments", values: columnRange(3, monthHeader + 1, monthLast) },
      ],
      anchor: chartSlots[0],
    });
  }

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
    anchor: chartSlots[1],
  });

  heading("A/R aging by payer");
  header(["Payer", ...f.agingByPayer.buckets.map((x) => x.label), "Total"]);
  for (const p of [...f.agingByPayer.payers, f.agingByPayer.grand]) {
    const isGrand = p === f.agingByPayer.grand;
    const styles: CellStyleName[] = isGrand ? ["total"] : [];
    b.line([{ value: isGrand ? "Total" : p.payer, styles }, ...p.amounts.map((a) => ({ value: money(a), format: "money" as const, styles })), { value: money(p.total), format: "money", styles }]);
  }

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
      title: "Payer mix: share of charges vs payments",
      categories: columnRange(1, mixHeader + 1, mixLast),
      series: [
        { name: "Share of charges", values: columnRange(3, mixHeader + 1, mixLast) },
        { name: "Share of payments", values: columnRange(5, mixHeader + 1, mixLast) },
      ],
      anchor: chartSlots[2],
    });
  }

  heading(`Denials: ${f.denials.deniedClaims} of ${f.denials.submittedClaims} submitted claims in the period`);
  header(["Reason (CARC)", "Claims", "Lines", "Charges"]);
  if (f.denialReasons.length === 0) b.line([{ value: "No denied lines in the period", styles: ["note"] }]);
  for (const d of f.denialReasons) {
    b.line([{ value: d.reason }, { value: d.claims, format: "integer" }, { value: d.lines, format: "integer" }, { value: money(d.charges), format: "money" }]);
  }

  feeCheckSection(b, f, heading, header, audience === "physicians" ? 5 : 10);

  if (audience === "manager") breaks.push(b.row + 1);
  budgetSection(b, f, { brief: audience === "physicians" });
  if (audience === "manager") payrollSection(b, f);
  else payrollLine(b, f);

  if (f.trend.some((t) => t.asOf < f.asOf)) earlierTabsTrend(b, f, heading, header);

  if (audience === "manager") breaks.push(b.row + 1);
  heading(SECTION_TITLES.notes);
  if (audience === "manager") {
    b.line([{ value: `Rows read: ${f.rowsRead}; claim lines used: ${f.linesUsed}; left out: ${f.leftOut.length}; lines dated after the as-of date (counted, not aged): ${f.aging.linesAfterAsOf}. Source: ${f.source ?? "claims register"}.`, styles: ["note"] }]);
    if (f.leftOut.length > 0) {
      b.line([{ value: "Rows left out are listed with their reasons by the Practice Ledger task pane and in the command line's JSON summary.", styles: ["note"] }]);
    }
    const feeLeftOut = f.feeScheduleLeftOut ?? null;
    if (feeLeftOut !== null && feeLeftOut.rows > 0) {
      b.line([{ value: `Fee schedule (sheet "${feeLeftOut.sheet}"): ${feeLeftOut.rows} row(s) left out and not used to check payments; each is listed with sheet, row and column in the JSON summary (feeSchedule.leftOut).`, styles: ["note"] }]);
    }
    if (f.sheetIssues.length > 0) {
      const errors = f.sheetIssues.filter((i) => i.severity === "error").length;
      const sheets = [...new Set(f.sheetIssues.map((i) => i.sheet))].join(", ");
      b.line([{ value: `Budget, payroll and settings sheets (${sheets}): ${f.sheetIssues.length} issue(s), ${errors} of them rows or values left out; each is listed with sheet, row and column in the task pane and the JSON summary.`, styles: ["note"] }]);
    }
  } else if (f.leftOut.length > 0) {
    b.line([{ value: `${f.leftOut.length} register rows could not be used and are left out of these figures (the practice manager has the list).`, styles: ["note"] }]);
  }
  // What the reader made of the export (layout, columns, assumptions, fields with no column): said
  // on the tab too, so no figure rests on a silent mapping.
  for (const note of f.sourceReport === null ? [] : sourceNoteLines(f.sourceReport)) b.line([{ value: `Source: ${note}.`, styles: ["note"] }]);
  b.line([{ value: "A/R = charges − payments − adjustments, credit balances netted (MGMA, HFMA). Days in A/R = A/R ÷ average daily charges of the last 90 days.", styles: ["note"] }]);
  b.line([{ value: "Net collection rate = payments ÷ (charges − contractual adjustments) (MGMA adjusted FFS %). Gross = payments ÷ charges. Denial rate = denied ÷ submitted claims (HFMA).", styles: ["note"] }]);

  // The key figures as label/value rows: what the next report reads back for its trend.
  heading(SECTION_TITLES.keyFigures);
  header(["Figure", "Value", "Benchmark", "Status"]);
  const kpi = (label: string, value: number | null, format: "money" | "percent1" | "days1", benchmark?: KpiBenchmark, exact?: Decimal | null): void => {
    const status = benchmark !== undefined && exact !== undefined && exact !== null ? benchmark.status(exact) : null;
    b.line([
      { value: label, styles: ["label"] },
      { value, format },
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

  const lastRow = b.row - 1;
  return b.build({ tabColor: "2F5597", showGridLines: false, pageSetup: reportPageSetup(f, audience, lastRow, breaks) });
}

/** Landscape, one page wide; the handout two pages tall; rows 1-2 repeated; header and footer. */
export function reportPageSetup(f: ReportFigures, audience: ReportAudience, lastRow: number, breaks: number[]): PageSetup {
  return {
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: audience === "physicians" ? 2 : 0,
    printArea: { fromRow: 1, fromCol: 1, toRow: lastRow, toCol: REPORT_COLUMN_WIDTHS.length },
    titleRows: { from: 1, to: 2 },
    header: { left: f.practiceName.replace(/&/g, "&&"), right: `Physician report as of ${isoFromDay(f.asOf)}` },
    footer: { left: "Aggregates only: no patient data", right: "Page &P of &N" },
    breaksBefore: breaks,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

type Heading = (text: string) => void;
type Header = (labels: string[]) => number;

/** Fee schedule check: grouped by payer and code, so the tab carries no claim identifiers. */
function feeCheckSection(b: SheetBuilder, f: ReportFigures, heading: Heading, header: Header, top: number): void {
  heading("Fee schedule check");
  if (f.feeCheck === null) {
    b.line([{ value: "No fee schedule was found, so payments were not checked against contracted rates.", styles: ["note"] }]);
    return;
  }
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
  const largest = [...groups.values()].sort((x, y) => x.variance - y.variance || x.payer.localeCompare(y.payer)).slice(0, top);
  header(["Payer", "CPT", "Underpaid lines", "Expected", "Paid (allowed)", "Underpaid"]);
  if (largest.length === 0) b.line([{ value: "No underpaid lines", styles: ["note"] }]);
  for (const g of largest) {
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

/** The handout's payroll line: total cost and its share of collections, no detail. */
function payrollLine(b: SheetBuilder, f: ReportFigures): void {
  if (f.payroll === null) return;
  b.skip();
  b.line([
    { value: "Payroll cost (period)", styles: ["kpiLabel"] },
    { value: money(f.payroll.totals.totalCost), format: "moneyWhole", styles: ["kpiValue"] },
    { value: `${f.payroll.shareOfCollections === null ? "n/a" : `${f.payroll.shareOfCollections.times(100).toFixed(1)}%`} of payments in the period; detail on the manager's copy`, styles: ["note"] },
  ]);
}

/** The trend of earlier report tabs of the workbook (A/R figures need them: the register has no history of balances). */
function earlierTabsTrend(b: SheetBuilder, f: ReportFigures, heading: Heading, header: Header): void {
  heading("Earlier reports (this and earlier report tabs)");
  header(["As of", "Charges", "Payments", "Net collection rate", "Days in A/R", "A/R over 90 days", "Denial rate"]);
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
}
