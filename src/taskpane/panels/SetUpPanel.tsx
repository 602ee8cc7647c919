/* "Set up": adds template sheets; a sheet that already exists is never overwritten (it is skipped, with the reason). */
import { useState } from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { setUpSheets, type TemplateKind } from "../operations";
import { OperationStatus } from "../OperationStatus";
import type { PaneState } from "../paneState";
import { useOperation } from "../useOperation";
import { TEMPLATE_CHOICES, TEMPLATE_LABELS, usePanelStyles } from "./shared";

export interface SetUpPanelProps {
  pane: PaneState;
}

type SetUpResult = Awaited<ReturnType<typeof setUpSheets>>;

/** Set up's templates carry drop-down lists (Range.dataValidation) and hidden gridlines: ExcelApi 1.8. */
const SET_UP_NEEDS = "ExcelApi 1.8";

export function SetUpPanel({ pane }: SetUpPanelProps) {
  const styles = usePanelStyles();
  const { run, busy, setOutcome } = useOperation();
  const [chosen, setChosen] = useState<Set<TemplateKind>>(() => new Set());
  const [result, setResult] = useState<SetUpResult | null>(null);
  const blocked = pane.missingSets.includes(SET_UP_NEEDS);

  const toggle = (kind: TemplateKind, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });

  const setUp = async () => {
    const kinds = TEMPLATE_CHOICES.map((c) => c.kind).filter((k) => chosen.has(k));
    setResult(null);
    const r = await run("Set up", (context, o) => setUpSheets(context, kinds, o, { practiceName: pane.practiceName }));
    if (r === undefined) return;
    setResult(r);
    setOutcome({
      intent: r.created.length > 0 ? "success" : "info",
      title: "Set up done",
      text:
        (r.created.length > 0 ? `Added ${r.created.join(", ")}.` : "No sheet added.") +
        (r.skipped.length > 0 ? ` Left as they are: ${r.skipped.map((s) => TEMPLATE_LABELS[s.kind]).join(", ")}.` : ""),
    });
    pane.refresh();
  };

  return (
    <section className={styles.panel} aria-labelledby="setup-heading">
      <h2 id="setup-heading" className={styles.heading}>Set up</h2>
      {blocked && (
        <MessageBar intent="warning" layout="multiline" data-testid="setup-blocked">
          <MessageBarBody>
            Set up needs {SET_UP_NEEDS} (drop-down lists in the new sheets), which this Excel lacks. The other tasks work.
          </MessageBarBody>
        </MessageBar>
      )}
      <fieldset style={{ border: "none", margin: 0, padding: 0 }} disabled={blocked}>
        <legend className={styles.hint}>Sheets to add. A sheet that already exists is never overwritten.</legend>
        {TEMPLATE_CHOICES.map((c) => (
          <div key={c.kind}>
            <Checkbox
              id={`setup-${c.kind}`}
              checked={chosen.has(c.kind)}
              disabled={blocked}
              onChange={(_e, data) => toggle(c.kind, data.checked === true)}
              label={
                <>
                  {c.label} <span className={styles.hint}>({c.what})</span>
                </>
              }
            />
          </div>
        ))}
      </fieldset>
      {chosen.has("settings") && (
        <Field label="Practice name" hint="Goes in the Settings sheet and the title of each report.">
          <Input value={pane.practiceName} onChange={(_e, data) => pane.setPracticeName(data.value)} />
        </Field>
      )}
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void setUp()} disabled={blocked || busy || chosen.size === 0}>
          Set up
        </Button>
      </div>
      <OperationStatus />
      <div aria-live="polite" data-testid="setup-result">
        {result !== null && (
          <>
            {result.created.length > 0 && (
              <>
                <h3 className={styles.heading}>Added</h3>
                <ul className={styles.list}>
                  {result.created.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              </>
            )}
            {result.skipped.length > 0 && (
              <>
                <h3 className={styles.heading}>Skipped</h3>
                <ul className={styles.list}>
                  {result.skipped.map((s) => (
                    <li key={s.kind}>
                      {TEMPLATE_LABELS[s.kind]}: {s.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
