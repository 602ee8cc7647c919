/* "Physician report": an as-of date (the last day of the previous month by default) and the
 * 12-month period it sets, then a new report tab; the key figures of its summary are shown here. */
import { useState } from "react";
import { Button, Field, Input } from "@fluentui/react-components";
import type { Day } from "../../core/dates/day";
import { isoFromDay } from "../../core/dates/day";
import type { ReportSummaryJson } from "../../core/report/summaryJson";
import { generatePhysicianReport, openPhysicianHandout } from "../operations";
import { dayFromIso, defaultAsOf, dollarsText, longDate, percentText, reportingPeriod } from "../format";
import { useOperation } from "../useOperation";
import { LeftOutList } from "./LeftOutList";
import { usePanelStyles } from "./shared";

type ReportResult = Awaited<ReturnType<typeof generatePhysicianReport>>;

/** The key figures of a summary, label and display text, in the order a manager reads them. */
export function keyFigures(s: ReportSummaryJson): [string, string][] {
  const rows: [string, string][] = [
    ["A/R total", dollarsText(s.ar.total)],
    ["Days in A/R", s.ar.daysInAR ?? "n/a"],
    ["A/R over 90 days", `${dollarsText(s.ar.over90)} (${percentText(s.ar.over90Share)})`],
    ["A/R over 120 days", `${dollarsText(s.ar.over120)} (${percentText(s.ar.over120Share)})`],
    ["Credit balances", dollarsText(s.ar.creditBalances)],
    ["Charges in the period", dollarsText(s.kpis.charges)],
    ["Payments in the period", dollarsText(s.kpis.payments)],
    ["Gross collection rate", percentText(s.kpis.grossCollectionRate)],
    ["Net collection rate", percentText(s.kpis.netCollectionRate)],
    ["Denial rate (claims)", percentText(s.kpis.denialRate)],
  ];
  if (s.feeSchedule !== null) rows.push(["Underpaid (fee schedule)", dollarsText(s.feeSchedule.underpaidTotal)]);
  return rows;
}

export function ReportPanel() {
  const styles = usePanelStyles();
  const { run, running, setOutcome } = useOperation();
  const [asOfText, setAsOfText] = useState(() => isoFromDay(defaultAsOf()));
  const [result, setResult] = useState<ReportResult | null>(null);
  const asOf: Day | null = dayFromIso(asOfText);
  const period = asOf === null ? null : reportingPeriod(asOf);

  const generate = async () => {
    if (asOf === null) return;
    setResult(null);
    const r = await run("Physician report", (context, o) => generatePhysicianReport(context, { asOf, ...o }));
    if (r === undefined) return;
    setResult(r);
    setOutcome({
      intent: r.leftOut.length > 0 ? "warning" : "success",
      title: "Report written",
      text: `The report is on the new sheet ${r.sheet}.` + (r.leftOut.length > 0 ? ` ${r.leftOut.length} rows were left out: see the list under Physician report.` : ""),
    });
  };

  const handout = async () => {
    if (asOf === null) return;
    const r = await run("Physicians' handout", (context, o) => openPhysicianHandout(context, { asOf, ...o }));
    if (r === undefined) return;
    setOutcome({ intent: "success", title: "Handout opened", text: "The physicians' handout (the report only: no register, no payroll detail, no patient data) is open as a new workbook: save it or print it from there." });
  };

  return (
    <section className={styles.panel} aria-labelledby="report-heading">
      <h2 id="report-heading" className={styles.heading}>Physician report</h2>
      <Field
        label="As of"
        hint={period === null ? undefined : `Period: ${longDate(period.from)} to ${longDate(period.to)} (12 months by date of service)`}
        validationMessage={asOf === null ? "Enter a date, for example 2026-10-31." : undefined}
      >
        <Input type="date" value={asOfText} onChange={(_e, data) => setAsOfText(data.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void generate()} disabled={running !== null || asOf === null}>
          Generate report
        </Button>
        <Button onClick={() => void handout()} disabled={running !== null || asOf === null}>
          Physicians' handout (new workbook)
        </Button>
      </div>
      <div aria-live="polite" data-testid="report-result">
        {result !== null && (
          <>
            <p>
              Written to <strong>{result.sheet}</strong>: {result.summary.practice}, as of {result.summary.asOf}, period {result.summary.period.from} to {result.summary.period.to}.
            </p>
            <dl className={styles.figures} aria-label="Key figures">
              {keyFigures(result.summary).map(([label, value]) => (
                <div key={label} style={{ display: "contents" }}>
                  <dt>{label}</dt>
                  <dd data-figure={label}>{value}</dd>
                </div>
              ))}
            </dl>
            <LeftOutList rows={result.leftOut} />
          </>
        )}
      </div>
    </section>
  );
}
