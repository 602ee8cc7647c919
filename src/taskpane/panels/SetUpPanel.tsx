/* "Set up": adds template sheets; a sheet that already exists is never overwritten (it is skipped, with the reason). */
import { useState } from "react";
import { Button, Checkbox } from "@fluentui/react-components";
import { setUpSheets, type TemplateKind } from "../operations";
import { useOperation } from "../useOperation";
import { TEMPLATE_CHOICES, TEMPLATE_LABELS, usePanelStyles } from "./shared";

export interface SetUpPanelProps {
  onChanged: () => void;
}

type SetUpResult = Awaited<ReturnType<typeof setUpSheets>>;

export function SetUpPanel({ onChanged }: SetUpPanelProps) {
  const styles = usePanelStyles();
  const { run, running, setOutcome } = useOperation();
  const [chosen, setChosen] = useState<Set<TemplateKind>>(() => new Set());
  const [result, setResult] = useState<SetUpResult | null>(null);

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
    const r = await run("Set up", (context, o) => setUpSheets(context, kinds, o));
    if (r === undefined) return;
    setResult(r);
    setOutcome({
      intent: r.created.length > 0 ? "success" : "info",
      title: "Set up done",
      text:
        (r.created.length > 0 ? `Added ${r.created.join(", ")}.` : "No sheet added.") +
        (r.skipped.length > 0 ? ` Left as they are: ${r.skipped.map((s) => TEMPLATE_LABELS[s.kind]).join(", ")}.` : ""),
    });
    onChanged();
  };

  return (
    <section className={styles.panel} aria-labelledby="setup-heading">
      <h2 id="setup-heading" className={styles.heading}>Set up</h2>
      <fieldset style={{ border: "none", margin: 0, padding: 0 }}>
        <legend className={styles.hint}>Sheets to add. A sheet that already exists is never overwritten.</legend>
        {TEMPLATE_CHOICES.map((c) => (
          <div key={c.kind}>
            <Checkbox
              id={`setup-${c.kind}`}
              checked={chosen.has(c.kind)}
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
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void setUp()} disabled={running !== null || chosen.size === 0}>
          Set up
        </Button>
      </div>
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
