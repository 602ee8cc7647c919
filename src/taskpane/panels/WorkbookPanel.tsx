/* "This workbook": what Practice Ledger recognises in the open workbook. */
import { Button } from "@fluentui/react-components";
import type { SheetOverview } from "../operations";
import { OperationStatus } from "../OperationStatus";
import { useOperation } from "../useOperation";
import { sheetKindLabel, usePanelStyles } from "./shared";

export interface WorkbookPanelProps {
  sheets: SheetOverview[] | null;
  onRefresh: () => void;
}

export function WorkbookPanel({ sheets, onRefresh }: WorkbookPanelProps) {
  const styles = usePanelStyles();
  const { busy } = useOperation();
  const recognised = sheets?.filter((s) => s.kind !== "other") ?? [];
  return (
    <section className={styles.panel} aria-labelledby="workbook-heading">
      <h2 id="workbook-heading" className={styles.heading}>This workbook</h2>
      <p className={styles.hint}>
        The sheets Practice Ledger recognises: claims register, fee schedule, budget, actuals, payroll, settings and reports.
      </p>
      <div className={styles.row}>
        <Button onClick={onRefresh} disabled={busy}>Refresh</Button>
      </div>
      <OperationStatus />
      {sheets === null ? (
        <p>Not read yet.</p>
      ) : sheets.length === 0 ? (
        <p>The workbook has no sheets Practice Ledger can read.</p>
      ) : (
        <>
          <p>{recognised.length === 0 ? "Nothing recognised yet: use Set up to add sheets, or Convert to turn an export into a claims register." : `${recognised.length.toLocaleString("en-US")} of ${sheets.length.toLocaleString("en-US")} sheets recognised.`}</p>
          <table className={styles.table} data-testid="workbook-sheets">
            <caption className={styles.hint}>Sheets of the open workbook</caption>
            <thead>
              <tr>
                <th scope="col">Sheet</th>
                <th scope="col">Holds</th>
                <th scope="col" className={styles.number}>Rows</th>
              </tr>
            </thead>
            <tbody>
              {sheets.map((s) => (
                <tr key={s.name}>
                  <th scope="row">
                    {s.name}
                    {s.problems.length > 0 && (
                      <ul className={`${styles.list} ${styles.problem}`} aria-label={`Problems found on ${s.name}`}>
                        {s.problems.map((p, i) => (
                          <li key={i}>{p}</li>
                        ))}
                      </ul>
                    )}
                  </th>
                  <td>{sheetKindLabel(s)}</td>
                  <td className={styles.number} title={s.address ?? "empty"}>{s.rows.toLocaleString("en-US")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
