/* The claims source facts beside a result (Convert, Physician report, Fee check): how the sheet was
 * read, money fields with no column and balance disagreements as a warning, then the rest; each
 * field's column in a fold ("compact" starts it folded; left out where the pane shows the mapping). */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { SourceSummaryJson } from "../../core/report/sourceSummary";
import { sourceFactLines } from "../sourceFacts";
import { usePanelStyles } from "./shared";

export function SourceFacts({ source, compact = false, showFields = true }: { source: SourceSummaryJson | null; compact?: boolean; showFields?: boolean }) {
  const styles = usePanelStyles();
  if (source === null) return null;
  const s = sourceFactLines(source);
  return (
    <div data-testid="source-facts" className={styles.panel}>
      <p className={styles.hint}>{s.layout}</p>
      {s.warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline" data-testid="source-warning" data-intent="warning">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      {s.facts.length > 0 && (
        <ul className={`${styles.list} ${styles.hint}`} aria-label="About the claims source">
          {s.facts.map((f) => <li key={f}>{f}</li>)}
        </ul>
      )}
      {showFields && <details open={!compact}>
        <summary className={styles.hint}>Column of each field</summary>
        <table className={styles.table} aria-label="Column each field was read from">
          <tbody>
            {s.fields.map((f) => (
              <tr key={f.field} data-field={f.field}>
                <td>{f.label}</td>
                <td>{f.column ?? <em>no column</em>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>}
    </div>
  );
}
