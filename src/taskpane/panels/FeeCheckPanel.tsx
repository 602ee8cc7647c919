/* "Fee check": lines paid below the fee schedule (definitions.md, "Fee schedule and underpayments":
 * underpaid when variance < −tolerance; tolerance 0.00 by default). */
import { useState } from "react";
import { Button, Field, Input } from "@fluentui/react-components";
import { runFeeCheck } from "../operations";
import { countText, dollars, toleranceCents } from "../format";
import { OperationStatus } from "../OperationStatus";
import type { PaneState } from "../paneState";
import { useOperation } from "../useOperation";
import { RegisterPicker } from "./RegisterPicker";
import { SourceFacts } from "./SourceFacts";
import { sourceNeedsWarning } from "../sourceFacts";
import { usePanelStyles } from "./shared";

type FeeCheckResult = Awaited<ReturnType<typeof runFeeCheck>>;

export function FeeCheckPanel({ pane }: { pane: PaneState }) {
  const styles = usePanelStyles();
  const { run, busy, setOutcome } = useOperation();
  const [toleranceText, setToleranceText] = useState("0.00");
  const [result, setResult] = useState<FeeCheckResult | null>(null);
  const tolerance = toleranceCents(toleranceText);

  const check = async () => {
    if (tolerance === null) return;
    setResult(null);
    const r = await run("Fee check", (context, o) => runFeeCheck(context, { tolerance, claimsSheet: pane.register !== "" ? pane.register : undefined, ...o }));
    if (r === undefined) return;
    setResult(r);
    setOutcome({
      intent: r.underpaidLines > 0 || sourceNeedsWarning(r.source) ? "warning" : "success",
      title: "Fee check done",
      text: (r.underpaidLines > 0
        ? `${countText(r.underpaidLines, "line")} paid below the fee schedule, ${dollars(r.underpaidTotal)} to recover: details on the new sheet ${r.sheet}; the lines are highlighted in ${r.register}.`
        : `No line paid below the fee schedule. Details on the new sheet ${r.sheet}.`) +
        (r.replacedHighlights > 0 ? (r.underpaidLines > 0 ? " It replaces the highlight of the earlier fee check." : " The earlier fee check's highlight was removed.") : "") +
        (sourceNeedsWarning(r.source) ? " Check how the register was read, below." : ""),
    });
    pane.refresh();
  };

  return (
    <section className={styles.panel} aria-labelledby="fee-heading">
      <h2 id="fee-heading" className={styles.heading}>Fee check</h2>
      <p className={styles.hint}>
        Compares each adjudicated line's allowed amount with the fee schedule. Underpaid lines are highlighted in the register (its values are not changed).
      </p>
      <RegisterPicker pane={pane} />
      <Field
        label="Tolerance (dollars per line)"
        hint="A line counts as underpaid when it is short by more than this."
        validationMessage={tolerance === null ? "Enter an amount of 0 or more with at most two decimals, for example 0.50." : undefined}
      >
        <Input inputMode="decimal" value={toleranceText} onChange={(_e, data) => setToleranceText(data.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void check()} disabled={busy || tolerance === null || pane.register === ""}>
          Run fee check
        </Button>
      </div>
      <OperationStatus />
      <div aria-live="polite" data-testid="fee-result">
        {result !== null && (
          <>
            <dl className={styles.figures} aria-label="Fee check totals">
              <dt>Underpaid total</dt>
              <dd data-figure="Underpaid total">{dollars(result.underpaidTotal)}</dd>
              <dt>Underpaid lines</dt>
              <dd data-figure="Underpaid lines">{result.underpaidLines.toLocaleString("en-US")}</dd>
              <dt>Sheet</dt>
              <dd>{result.sheet}</dd>
              <dt>Highlighted in</dt>
              <dd data-figure="Highlighted in">{result.register}</dd>
            </dl>
            {result.byPayer.length > 0 && (
              <table className={styles.table} aria-label="Underpaid by payer">
                <thead>
                  <tr>
                    <th scope="col">Payer</th>
                    <th scope="col" className={styles.number}>Lines</th>
                    <th scope="col" className={styles.number}>To recover</th>
                  </tr>
                </thead>
                <tbody>
                  {result.byPayer.map((p) => (
                    <tr key={p.payer}>
                      <td>{p.payer}</td>
                      <td className={styles.number}>{p.lines.toLocaleString("en-US")}</td>
                      <td className={styles.number}>{dollars(p.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <SourceFacts source={result.source} compact />
          </>
        )}
      </div>
    </section>
  );
}
