/* "Using sheet X": the claims register an operation will read, shown before its button, with a
 * picker when the workbook holds more than one (the export and the register Convert wrote from
 * it, say). One choice for the Physician report and the Fee check (lifted to the pane). */
import { useId } from "react";
import { Select } from "@fluentui/react-components";
import { registerChoices } from "../operations";
import type { PaneState } from "../paneState";
import { usePanelStyles } from "./shared";

export function RegisterPicker({ pane }: { pane: PaneState }) {
  const styles = usePanelStyles();
  const id = useId();
  const choices = registerChoices(pane.sheets ?? [], pane.register);
  if (pane.sheets === null) return <p className={styles.hint}>Reading the workbook…</p>;
  if (choices.length === 0) {
    return (
      <p className={styles.problem} data-testid="register-used">
        No claims register found: convert an export (Convert) or add a Claims Register (Set up).
      </p>
    );
  }
  return (
    <div className={styles.using} data-testid="register-used">
      <label htmlFor={id}>Using sheet</label>
      <Select id={id} size="small" value={pane.register} onChange={(_e, data) => pane.setRegister(data.value)} aria-label="Claims register used">
        {choices.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </div>
  );
}
