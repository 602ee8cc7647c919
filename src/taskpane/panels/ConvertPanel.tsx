/* "Convert": a practice-management export (a sheet, or the selected range) becomes a new Claims
 * Register; the original stays untouched. The mapping the reader found is shown, one dropdown per
 * canonical field listing the source columns, and can be changed before converting. Rows left out
 * are listed with the reason; each one selects its source cell. */
import { useEffect, useId, useMemo, useState } from "react";
import { Button, Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { CLAIM_FIELD_HEADERS, CLAIM_FIELDS, REQUIRED_CLAIM_FIELDS } from "../../core/claims/claimLine";
import { convertToRegister, previewConversion, type ConversionPreview, type ConversionSource, type SheetOverview } from "../operations";
import { mappingOverrides, NOT_USED, type Mapping } from "../mapping";
import { readSelection } from "../selection";
import { errorText, useOperation } from "../useOperation";
import { LeftOutList } from "./LeftOutList";
import { usePanelStyles } from "./shared";

export interface ConvertPanelProps {
  sheets: SheetOverview[] | null;
  onChanged: () => void;
}

type ConvertResult = Awaited<ReturnType<typeof convertToRegister>>;
/** Converting is the usual source: sheets that hold something and are not Practice Ledger's own output. */
function sourceCandidates(sheets: SheetOverview[] | null): SheetOverview[] {
  return (sheets ?? []).filter((s) => s.rows > 0 && s.kind !== "report");
}

export function ConvertPanel({ sheets, onChanged }: ConvertPanelProps) {
  const styles = usePanelStyles();
  const { run, running, setOutcome } = useOperation();
  const ids = useId();
  const [mode, setMode] = useState<"sheet" | "selection">("sheet");
  const candidates = useMemo(() => sourceCandidates(sheets), [sheets]);
  const [sheet, setSheet] = useState("");
  const [source, setSource] = useState<ConversionSource | null>(null);
  const [preview, setPreview] = useState<ConversionPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [result, setResult] = useState<ConvertResult | null>(null);

  // Default to the first sheet that is not already a claims register (an export, most likely).
  useEffect(() => {
    if (sheet !== "" && candidates.some((s) => s.name === sheet)) return;
    const first = candidates.find((s) => s.kind === "other") ?? candidates[0];
    setSheet(first?.name ?? "");
  }, [candidates, sheet]);

  const columns = preview?.headers ?? [];
  const missing = REQUIRED_CLAIM_FIELDS.filter((f) => (mapping[f] ?? NOT_USED) === NOT_USED);

  const findColumns = async () => {
    setPreview(null);
    setResult(null);
    let src: ConversionSource | null = null;
    if (mode === "sheet") {
      if (sheet === "") return;
      src = { sheet };
    } else {
      try {
        const sel = await readSelection();
        if (sel === null) {
          setOutcome({ intent: "warning", title: "No range selected", text: "Select the export's cells in the workbook (header row included), then try again." });
          return;
        }
        src = sel;
      } catch (error) {
        setOutcome({ intent: "error", title: "Could not read the selection", text: errorText(error) });
        return;
      }
    }
    const p = await run("Reading the export", (context, o) => previewConversion(context, src, o));
    if (p === undefined) return;
    setSource(src);
    setPreview(p);
    setMapping({ ...p.mapping });
    setOutcome(null);
  };

  const convert = async () => {
    if (source === null || preview === null) return;
    const overrides = mappingOverrides(preview.mapping, mapping);
    const r = await run("Converting", (context, o) => convertToRegister(context, source, overrides, o));
    if (r === undefined) return;
    setResult(r);
    setOutcome({
      intent: r.leftOut.length > 0 ? "warning" : "success",
      title: "Converted",
      text: `Wrote ${r.lines.toLocaleString("en-US")} claim lines to the new sheet ${r.sheet}.` +
        (r.leftOut.length > 0 ? ` ${r.leftOut.length} rows were left out: see the list under Convert.` : "") +
        ` ${source.sheet} was not changed.`,
    });
    onChanged();
  };

  return (
    <section className={styles.panel} aria-labelledby="convert-heading">
      <h2 id="convert-heading" className={styles.heading}>Convert an export</h2>
      <p className={styles.hint}>
        Turns a practice-management export into a new Claims Register sheet. The export itself is not changed.
      </p>
      <RadioGroup
        value={mode}
        onChange={(_e, data) => setMode(data.value === "selection" ? "selection" : "sheet")}
        aria-label="Where the export is"
      >
        <Radio value="sheet" label="A whole sheet" />
        <Radio value="selection" label="The selected range" />
      </RadioGroup>
      {mode === "sheet" && (
        <Field label="Sheet holding the export">
          <Select value={sheet} onChange={(_e, data) => { setSheet(data.value); setPreview(null); setResult(null); }}>
            {candidates.length === 0 && <option value="">(no sheet with data)</option>}
            {candidates.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.row}>
        <Button onClick={() => void findColumns()} disabled={running !== null || (mode === "sheet" && sheet === "")}>
          Find columns
        </Button>
      </div>

      {preview !== null && source !== null && (
        <div data-testid="convert-preview">
          <h3 className={styles.heading}>Columns found</h3>
          <p>
            {preview.headerRow === null
              ? "No header row found: pick the columns below."
              : `Header in row ${preview.headerRow} of ${source.sheet}; ${preview.rowsBelowHeader.toLocaleString("en-US")} rows below it.`}
          </p>
          {preview.issues.length > 0 && (
            <ul className={`${styles.list} ${styles.problem}`} aria-label="Problems found in the export">
              {preview.issues.map((issue, i) => (
                <li key={i}>{issue}</li>
              ))}
            </ul>
          )}
          <table className={styles.table} aria-label="Column of the export for each field of the register">
            <thead>
              <tr>
                <th scope="col">Register field</th>
                <th scope="col">Export column</th>
              </tr>
            </thead>
            <tbody>
              {CLAIM_FIELDS.map((f) => {
                const id = `${ids}-map-${f}`;
                const required = REQUIRED_CLAIM_FIELDS.includes(f);
                return (
                  <tr key={f}>
                    <td>
                      <label htmlFor={id}>
                        {CLAIM_FIELD_HEADERS[f]}
                        {required && <span aria-hidden="true"> *</span>}
                      </label>
                    </td>
                    <td>
                      <Select
                        id={id}
                        size="small"
                        value={mapping[f] ?? NOT_USED}
                        aria-required={required}
                        onChange={(_e, data) => setMapping((m) => ({ ...m, [f]: data.value }))}
                      >
                        <option value={NOT_USED}>(not used)</option>
                        {/* Several columns found for one field ("F, G" for modifiers): offered as found. */}
                        {(mapping[f] ?? NOT_USED) !== NOT_USED && !columns.some((c) => c.column === mapping[f]) && (
                          <option value={mapping[f]}>columns {mapping[f]}</option>
                        )}
                        {columns.map((c) => (
                          <option key={c.column} value={c.column}>
                            {c.column}: {c.header}
                          </option>
                        ))}
                      </Select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {preview.unmapped.length > 0 && (
            <p className={styles.hint}>Columns not used: {preview.unmapped.map((c) => `${c.column} (${c.header})`).join(", ")}.</p>
          )}
          {missing.length > 0 && (
            <p className={styles.problem} role="alert">
              Pick a column for {missing.map((f) => CLAIM_FIELD_HEADERS[f]).join(", ")}: a claims register needs them.
            </p>
          )}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void convert()} disabled={running !== null || missing.length > 0}>
              Convert
            </Button>
          </div>
        </div>
      )}

      <div aria-live="polite" data-testid="convert-result">
        {result !== null && (
          <>
            <p>
              Wrote {result.lines.toLocaleString("en-US")} claim lines to <strong>{result.sheet}</strong>.
            </p>
            <LeftOutList rows={result.leftOut} hint="Choose a row to select its cell in the export." showPlace />
          </>
        )}
      </div>
    </section>
  );
}
