/* The rows an operation left out, each a button that selects its source cell. */
import { Button } from "@fluentui/react-components";
import { useSelectCell } from "../useSelectCell";
import { usePanelStyles } from "./shared";

export interface LeftOutRow {
  sheet: string;
  row: number;
  column?: string;
  reason: string;
  address: string;
}

/** Lists at most 200 rows; `hint` goes under the heading, `showPlace` adds "row N, column X". */
export function LeftOutList({ rows, hint, showPlace = false }: { rows: readonly LeftOutRow[]; hint?: string; showPlace?: boolean }) {
  const styles = usePanelStyles();
  const selectCell = useSelectCell();
  if (rows.length === 0) return null;
  return (
    <>
      <h3 className={styles.heading}>Rows left out ({rows.length})</h3>
      {hint !== undefined && <p className={styles.hint}>{hint}</p>}
      <ul className={styles.list}>
        {rows.slice(0, 200).map((l, i) => (
          <li key={i}>
            <Button appearance="transparent" size="small" onClick={() => void selectCell({ sheet: l.sheet, address: l.address })}>
              {l.sheet}!{l.address}
            </Button>{" "}
            {showPlace ? `row ${l.row}${l.column !== undefined ? `, column ${l.column}` : ""}: ` : ""}
            {l.reason}
          </li>
        ))}
      </ul>
      {rows.length > 200 && <p className={styles.hint}>…and {rows.length - 200} more.</p>}
    </>
  );
}
