/* "Convert": a practice-management export (a sheet, or the selected range) becomes a new Claims
 * Register; the original stays untouched. The mapping the reader found is shown, one dropdown per
 * canonical field listing the source columns, and can be changed before converting. An export
 * whose header row is not recognised can be pointed at ("Use this row as the header"). Rows left
 * out are listed with the reason; each one selects its source cell. Progress and the result show
 * beside the button used. */
import { useEffect, useId, useMemo, useState } from "react";
import { Button, Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { CLAIM_FIELD_HEADERS, CLAIM_FIELDS, REQUIRED_CLAIM_FIELDS, type ClaimField } from "../../core/claims/claimLine";
import { missingMoneyFields } from "../../core/import/sourceColumns";
import type { SourceSummaryJson } from "../../core/report/sourceSummary";
import { convertToRegister, previewConversion, type ConversionPreview, type ConversionSource, type SheetOverview } from "../operations";
import { countText } from "../format";
import { reasonKinds, splitLeftOut } from "../leftOut";
import { mappingOverrides, NOT_USED, type Mapping } from "../mapping";
import { OperationStatus } from "../OperationStatus";
import { readSelection } from "../selection";
import { errorText, useOperation } from "../useOperation";
import { LeftOutList } from "./LeftOutList";
import { SourceFacts } from "./SourceFacts";
import { sourceNeedsWarning } from "../sourceFacts";
import { usePanelStyles } from "./shared";

export interface ConvertPanelProps {
  sheets: SheetOverview[] | null;
  onChanged: () => void;
  /** Told the name of the register written, so the other tasks use it rather than its source. */
  onConverted?: (sheet: string) => void;
}

type ConvertResult = Awaited<ReturnType<typeof convertToRegister>>;

/** The preview's source facts with the money fields missing under the columns chosen so far (missingMoneyFields). */
function withChosenColumns(source: SourceSummaryJson, mapping: Mapping): SourceSummaryJson {
  const chosen: Mapping = {};
  for (const [f, c] of Object.entries(mapping) as [ClaimField, string | undefined][]) if (c !== undefined && c !== NOT_USED) chosen[f] = c;
  return { ...source, columns: { ...source.columns, missingMoney: missingMoneyFields(chosen) } };
}
/** Converting is the usual source: sheets that hold something and are not Practice Ledger's own output. */
function sourceCandidates(sheets: SheetOverview[] | null): SheetOverview[] {
  return (sheets ?? []).filter((s) => s.rows > 0 && s.kind !== "report");
}

export function ConvertPanel({ sheets, onChanged, onConverted }: ConvertPanelProps) {
  const styles = usePanelStyles();
  const { run, busy, setOutcome } = useOperation();
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
  // Columns no field takes with the current choices ("F, G": modifiers over two columns).
  const taken = new Set(Object.values(mapping).flatMap((v) => (v ?? "").split(/\s*,\s*/)));
  const unused = columns.filter((c) => !taken.has(c.column));

  const readPreview = async (src: ConversionSource) => {
    const p = await run("Reading the export", (context, o) => previewConversion(context, src, o));
    if (p === undefined) return;
    setSource(src);
    setPreview(p);
    setMapping({ ...p.mapping });
  };

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
    await readPreview(src);
  };

  /** "Use this row as the header": the row of the cell selected in the export. */
  const useSelectedRow = async () => {
    let sel: { sheet: string; address: string } | null;
    try {
      sel = await readSelection();
    } catch (error) {
      setOutcome({ intent: "error", title: "Could not read the selection", text: errorText(error) });
      return;
    }
    const row = sel === null ? null : /^\$?[A-Z]{1,3}\$?(\d+)/i.exec(sel.address)?.[1];
    if (sel === null || row === undefined || row === null) {
      setOutcome({ intent: "warning", title: "No cell selected", text: "Click a cell of the export's header row (the row naming its columns), then choose Use this row as the header." });
      return;
    }
    setResult(null);
    await readPreview({ sheet: sel.sheet, headerRow: Number(row) });
  };

  const convert = async () => {
    if (source === null || preview === null) return;
    const overrides = mappingOverrides(preview.mapping, mapping);
    const r = await run("Converting", (context, o) => convertToRegister(context, source, overrides, o));
    if (r === undefined) return;
    setResult(r);
    const { expected, problems } = splitLeftOut(r.leftOut);
    setOutcome({
      intent: problems.length > 0 || sourceNeedsWarning(r.source) ? "warning" : "success",
      title: "Converted",
      text: `Wrote ${countText(r.lines, "claim line")} to the new sheet ${r.sheet}; the Physician report and the Fee check now use it.` +
        (problems.length > 0 ? ` ${countText(problems.length, "row")} could not be used: see the list below.` : "") +
        (expected.length > 0 ? ` Left out as expected: ${countText(expected.length, "row")} (${reasonKinds(expected)}).` : "") +
        (sourceNeedsWarning(r.source) ? " Check how the export was read, below." : "") +
        ` ${source.sheet} was not changed.`,
    });
    onConverted?.(r.sheet);
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
        <Button onClick={() => void findColumns()} disabled={busy || (mode === "sheet" && sheet === "")}>
          Find columns
        </Button>
      </div>
      {preview === null && <OperationStatus />}

      {preview !== null && source !== null && (
        <div data-testid="convert-preview" className={styles.panel}>
          <h3 className={styles.heading}>Columns found</h3>
          {preview.headerRow === null ? (
            <div data-testid="no-header">
              <p className={styles.problem}>No header row found in {source.sheet}.</p>
              <p className={styles.hint}>Click a cell of the row that names the export&apos;s columns, then:</p>
              <Button onClick={() => void useSelectedRow()} disabled={busy}>Use this row as the header</Button>
            </div>
          ) : (
            <p>
              Header in row {preview.headerRow.toLocaleString("en-US")} of {source.sheet}; {countText(preview.rowsBelowHeader, "row")} below it.{" "}
              <Button size="small" appearance="transparent" onClick={() => void useSelectedRow()} disabled={busy}>Use the selected row instead</Button>
            </p>
          )}
          {preview.source !== null && preview.source.layout === "transaction ledger" && (
            <p className={styles.hint} data-testid="ledger-preview">
              One row per transaction: the postings roll up to {countText(preview.lines, "claim line")}. Every money field comes from the amount column by transaction type; choose a column of its own for one only if this is not a ledger.
            </p>
          )}
          {preview.source !== null && <SourceFacts source={withChosenColumns(preview.source, mapping)} showFields={false} />}
          {preview.issues.length > 0 && (
            <ul className={`${styles.list} ${styles.problem}`} aria-label="Problems found in the export">
              {preview.issues.map((issue, i) => (
                <li key={i}>{issue}</li>
              ))}
            </ul>
          )}
          {preview.headerRow !== null && (
            <>
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
              {unused.length > 0 && (
                <p className={styles.hint}>Columns not used: {unused.map((c) => `${c.column} (${c.header})`).join(", ")}.</p>
              )}
              {missing.length > 0 && (
                <p className={styles.problem} role="alert">
                  Pick a column for {missing.map((f) => CLAIM_FIELD_HEADERS[f]).join(", ")}: a claims register needs them.
                </p>
              )}
              <div className={styles.row}>
                <Button appearance="primary" onClick={() => void convert()} disabled={busy || missing.length > 0}>
                  Convert
                </Button>
              </div>
            </>
          )}
          <OperationStatus />
        </div>
      )}

      <div aria-live="polite" data-testid="convert-result">
        {result !== null && (
          <>
            <p>
              Wrote {countText(result.lines, "claim line")} to <strong>{result.sheet}</strong>.
            </p>
            <SourceFacts source={result.source} />
            <LeftOutList rows={result.leftOut} hint="Choose a row to select its cell in the export." showPlace />
          </>
        )}
      </div>
    </section>
  );
}
