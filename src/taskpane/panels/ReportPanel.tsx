/* "Physician report": the register used, an as-of date (the last day of the previous month by
 * default) and the 12-month period it sets, then a new report tab; the key figures of its summary
 * are shown here, with what the balances are as of and how the register was read. */
import { useState } from "react";
import { Button, Field, Input } from "@fluentui/react-components";
import type { Day } from "../../core/dates/day";
import { isoFromDay } from "../../core/dates/day";
import type { ReportSummaryJson } from "../../core/report/summaryJson";
import { generatePhysicianReport, openPhysicianHandout } from "../operations";
import { countText, dayFromIso, daysText, defaultAsOf, dollarsText, isoText, longDate, percentText, reportingPeriod, shortDate, today } from "../format";
import { splitLeftOut } from "../leftOut";
import { OperationStatus } from "../OperationStatus";
import type { PaneState } from "../paneState";
import { useOperation } from "../useOperation";
import { LeftOutList } from "./LeftOutList";
import { RegisterPicker } from "./RegisterPicker";
import { SourceFacts } from "./SourceFacts";
import { balancesAsOfText, sourceNeedsWarning } from "../sourceFacts";
import { usePanelStyles } from "./shared";

type ReportResult = Awaited<ReturnType<typeof generatePhysicianReport>>;

/** The key figures of a summary, label and display text, in the order a manager reads them. */
export function keyFigures(s: ReportSummaryJson): [string, string][] {
  const rows: [string, string][] = [
    ["A/R total", dollarsText(s.ar.total)],
    ["Days in A/R", daysText(s.ar.daysInAR)],
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

export function ReportPanel({ pane }: { pane: PaneState }) {
  const styles = usePanelStyles();
  const { run, busy, setOutcome } = useOperation();
  const [asOfText, setAsOfText] = useState(() => isoFromDay(defaultAsOf()));
  const [result, setResult] = useState<ReportResult | null>(null);
  const asOf: Day | null = dayFromIso(asOfText);
  const period = asOf === null ? null : reportingPeriod(asOf);

  const generate = async () => {
    if (asOf === null) return;
    setResult(null);
    const claimsSheet = pane.register !== "" ? pane.register : undefined;
    const r = await run("Physician report", (context, o) => generatePhysicianReport(context, { asOf, practiceName: pane.practiceName, claimsSheet, ...o }));
    if (r === undefined) return;
    setResult(r);
    const { problems } = splitLeftOut(r.leftOut);
    setOutcome({
      intent: problems.length > 0 || sourceNeedsWarning(r.summary.source) ? "warning" : "success",
      title: "Report written",
      text: `The report is on the new sheet ${r.sheet}.` + (problems.length > 0 ? ` ${countText(problems.length, "row")} could not be used: see the list below.` : "") +
        (sourceNeedsWarning(r.summary.source) ? " Check how the register was read, below." : ""),
    });
    pane.refresh();
  };

  const handout = async () => {
    if (asOf === null) return;
    const claimsSheet = pane.register !== "" ? pane.register : undefined;
    const r = await run("Physicians' handout", (context, o) => openPhysicianHandout(context, { asOf, practiceName: pane.practiceName, claimsSheet, ...o }));
    if (r === undefined) return;
    setOutcome({ intent: "success", title: "Handout opened", text: "The physicians' handout (the report only: no register, no payroll detail, no patient data) is open as a new workbook: save it or print it from there." });
  };

  const asOfNote = result === null ? null : balancesAsOfText(result.summary.ar.balancesAsOf, result.summary.asOf, isoFromDay(today()));

  return (
    <section className={styles.panel} aria-labelledby="report-heading">
      <h2 id="report-heading" className={styles.heading}>Physician report</h2>
      <RegisterPicker pane={pane} />
      <Field label="Practice name" hint="In the report's title.">
        <Input value={pane.practiceName} placeholder="Practice" onChange={(_e, data) => pane.setPracticeName(data.value)} />
      </Field>
      <Field
        label="As of"
        hint={period === null ? undefined : `Period: ${longDate(period.from)} to ${longDate(period.to)} (12 months by date of service)`}
        validationMessage={asOf === null ? `Enter a date, for example ${shortDate(defaultAsOf())}.` : undefined}
      >
        <Input type="date" value={asOfText} onChange={(_e, data) => setAsOfText(data.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void generate()} disabled={busy || asOf === null || pane.register === ""}>
          Generate report
        </Button>
        <Button onClick={() => void handout()} disabled={busy || asOf === null || pane.register === ""}>
          Physicians' handout (new workbook)
        </Button>
      </div>
      <OperationStatus />
      <div aria-live="polite" data-testid="report-result">
        {result !== null && (
          <>
            <p>
              Written to <strong>{result.sheet}</strong>: {result.summary.practice}, as of {isoText(result.summary.asOf)}, period {isoText(result.summary.period.from)} to {isoText(result.summary.period.to)}.
            </p>
            <dl className={styles.figures} aria-label="Key figures">
              {keyFigures(result.summary).map(([label, value]) => (
                <div key={label} style={{ display: "contents" }}>
                  <dt>{label}</dt>
                  <dd data-figure={label}>{value}</dd>
                </div>
              ))}
            </dl>
            {asOfNote !== null && (
              // The reader's own word (summary.ar.balancesAsOf): a ledger's postings roll balances
              // back to the date; otherwise they are the export's (definitions.md, "As-of date and period").
              <p className={styles.hint} data-testid="balances-as-of" data-balances-as-of={result.summary.ar.balancesAsOf}>{asOfNote}</p>
            )}
            <SourceFacts source={result.summary.source} compact />
            <LeftOutList rows={result.leftOut} />
          </>
        )}
      </div>
    </section>
  );
}
