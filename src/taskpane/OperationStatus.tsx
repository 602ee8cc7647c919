/* Progress of this panel's running operation and the outcome of its last one, drawn where the
 * panel puts it: right under the action button, so the eye finds the result where it clicked. When
 * either appears it is scrolled into view (block "nearest": no jump when already visible). Both sit
 * in polite live regions so a screen reader announces progress steps and results without moving
 * the focus. */
import { useEffect, useRef } from "react";
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useOperation } from "./useOperation";
import { useSelectCell } from "./useSelectCell";

const useStyles = makeStyles({
  area: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Nothing to show: the live regions stay (so what comes later is announced) but take no room,
  // cancelling the panel's gap before them.
  idle: { display: "flex", flexDirection: "column", marginTop: `calc(-1 * ${tokens.spacingVerticalM})` },
  progress: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  bar: { flexGrow: 1, minWidth: 0 },
});

export function OperationStatus({ testId }: { testId?: string }) {
  const { running, outcome, cancel, setOutcome } = useOperation();
  const selectCell = useSelectCell();
  const styles = useStyles();
  const area = useRef<HTMLDivElement>(null);
  const showing = running !== null || outcome !== null;
  useEffect(() => {
    // scrollIntoView is absent in some test DOMs; the pane's webview has it.
    if (showing && area.current !== null && typeof area.current.scrollIntoView === "function") area.current.scrollIntoView({ block: "nearest" });
  }, [showing, outcome]);
  return (
    <div className={showing ? styles.area : styles.idle} ref={area} data-testid={testId}>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="progress">
        {running !== null && (
          <div className={styles.progress}>
            <Field className={styles.bar} label={running.label} validationMessage={running.text} validationState="none">
              <ProgressBar value={running.fraction} max={1} thickness="large" aria-label={`${running.label} progress`} />
            </Field>
            <Button onClick={cancel}>Cancel</Button>
          </div>
        )}
      </div>
      <div aria-live="polite" data-testid="outcome">
        {outcome !== null && (
          <MessageBar intent={outcome.intent} layout="multiline" data-intent={outcome.intent}>
            <MessageBarBody>
              <MessageBarTitle>{outcome.title}</MessageBarTitle> {outcome.text}
              {outcome.cell !== undefined && ` (cell ${outcome.cell.address} on sheet ${outcome.cell.sheet})`}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" aria-label="Dismiss message" onClick={() => setOutcome(null)}>
                  Dismiss
                </Button>
              }
            >
              {outcome.cell !== undefined && (
                <Button onClick={() => outcome.cell !== undefined && void selectCell(outcome.cell)}>Go to cell {outcome.cell.address}</Button>
              )}
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
