/* The rows an operation left out, each a button that selects its source cell. Rows an export
 * leaves out as a matter of course (its totals row, page headers and footers) are listed apart, as
 * information; the others are the ones to look at. */
import { Button } from "@fluentui/react-components";
import { countText } from "../format";
import { reasonKinds, splitLeftOut } from "../leftOut";
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
  if (rows.length === 0) return null;
  const { expected, problems } = splitLeftOut(rows);
  return (
    <>
      {problems.length > 0 && (
        <div data-testid="left-out-problems">
          <h3 className={styles.heading}>Rows that could not be used ({problems.length.toLocaleString("en-US")})</h3>
          {hint !== undefined && <p className={styles.hint}>{hint}</p>}
          <Rows rows={problems} showPlace={showPlace} />
        </div>
      )}
      {expected.length > 0 && (
        <div data-testid="left-out-expected">
          <p className={styles.hint}>
            Left out as expected: {countText(expected.length, "row")} ({reasonKinds(expected)}).
          </p>
          <Rows rows={expected} showPlace={showPlace} />
        </div>
      )}
    </>
  );
}

function Rows({ rows, showPlace }: { rows: readonly LeftOutRow[]; showPlace: boolean }) {
  const styles = usePanelStyles();
  const selectCell = useSelectCell();
  return (
    <>
      <ul className={styles.list}>
        {rows.slice(0, 200).map((l, i) => (
          <li key={i}>
            <Button appearance="transparent" size="small" onClick={() => void selectCell({ sheet: l.sheet, address: l.address })}>
              {l.sheet}!{l.address}
            </Button>{" "}
            {showPlace ? `row ${l.row.toLocaleString("en-US")}${l.column !== undefined ? `, column ${l.column}` : ""}: ` : ""}
            {l.reason}
          </li>
        ))}
      </ul>
      {rows.length > 200 && <p className={styles.hint}>…and {countText(rows.length - 200, "more row", "more rows")} not shown.</p>}
    </>
  );
}
