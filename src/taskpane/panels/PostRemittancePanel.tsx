/* "Post remittance": payer ERA files (X12 835) posted into a NEW version of the claims register,
 * previewed first. Files are read in the pane (FileReader): nothing is uploaded anywhere. */
import { useState, type ChangeEvent } from "react";
import { Button, Field } from "@fluentui/react-components";
import { postRemittance, previewRemittance, type RemittancePreview } from "../operations";
import { dollars, dollarsText } from "../format";
import { useOperation } from "../useOperation";
import { useSelectCell } from "../useSelectCell";
import { usePanelStyles } from "./shared";

type RemittanceFile = { name: string; text: string };

/** A picked file's text, through FileReader (every webview Office uses has it); X12 is 8-bit text. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read`));
    reader.readAsText(file, "windows-1252");
  });
}

export function PostRemittancePanel() {
  const styles = usePanelStyles();
  const { run, running, setOutcome } = useOperation();
  const selectCell = useSelectCell();
  const [files, setFiles] = useState<RemittanceFile[]>([]);
  const [preview, setPreview] = useState<RemittancePreview | null>(null);
  /** True once the previewed files were posted: posting them again would only be refused. */
  const [posted, setPosted] = useState(false);

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const list = Array.from(e.target.files ?? []);
    setPreview(null);
    setPosted(false);
    setFiles(await Promise.all(list.map(async (f) => ({ name: f.name, text: await readText(f) }))));
  };

  const showPreview = async () => {
    const r = await run("Preview of the remittances", (context, o) => previewRemittance(context, files, o));
    if (r === undefined) return;
    setPreview(r);
    setPosted(false);
  };

  const post = async () => {
    const r = await run("Posting the remittances", (context, o) => postRemittance(context, files, o));
    if (r === undefined) return;
    setPreview(r);
    setPosted(true);
    const unmatched = r.claims.filter((c) => !c.matched).length;
    setOutcome({
      intent: unmatched > 0 ? "warning" : "success",
      title: "Remittances posted",
      text: `New sheets ${r.postedRegister} and ${r.journal}; your register was not changed.${unmatched > 0 ? ` ${unmatched} claims were not matched and not posted (listed below).` : ""}`,
    });
  };

  const unmatched = preview?.claims.filter((c) => !c.matched) ?? [];
  return (
    <section className={styles.panel} aria-labelledby="era-heading">
      <h2 id="era-heading" className={styles.heading}>Post remittance</h2>
      <p className={styles.hint}>
        Posts payer remittance files (ERA, X12 835) into a new version of the claims register with a posting journal. Each payment is
        balanced first; one already posted is refused. Preview, then post: your register is never edited.
      </p>
      <Field label="Remittance files (.835)">
        <input type="file" multiple accept=".835,.txt,.edi,.x12" aria-label="Remittance files" onChange={(e) => void pick(e)} />
      </Field>
      <div className={styles.row}>
        <Button onClick={() => void showPreview()} disabled={running !== null || files.length === 0}>Preview</Button>
        <Button appearance="primary" onClick={() => void post()} disabled={running !== null || preview === null || !preview.canPost || posted}>Post</Button>
      </div>
      <div aria-live="polite" data-testid="era-result">
        {preview !== null && (
          <>
            <table className={styles.table} aria-label="Payments">
              <thead><tr><th scope="col">Payment</th><th scope="col">Payer</th><th scope="col" className={styles.number}>Amount</th><th scope="col">Check</th></tr></thead>
              <tbody>
                {preview.json.transactions.map((t, i) => (
                  <tr key={i}>
                    <td>{t.trn ?? "(no TRN)"}</td><td>{t.payer ?? ""}</td><td className={styles.number}>{dollarsText(t.payment)}</td>
                    <td className={t.refused !== null ? styles.problem : undefined}>{t.refused === null ? "balanced" : `refused: ${t.refused}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className={styles.table} aria-label="Claims">
              <thead>
                <tr><th scope="col">Claim</th><th scope="col">Matched</th><th scope="col" className={styles.number}>Paid</th><th scope="col" className={styles.number}>Adjustments</th><th scope="col">Status</th></tr>
              </thead>
              <tbody>
                {preview.claims.map((c, i) => (
                  <tr key={i}>
                    <td>{c.claimId}</td><td>{c.matched ? "yes" : "no"}</td><td className={styles.number}>{dollars(c.paid)}</td>
                    <td className={styles.number}>{dollars(c.adjustments)}</td><td>{c.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {preview.json.providerAdjustments.length > 0 && (
              <p className={styles.hint}>
                Provider-level adjustments (not spread over claims): {preview.json.providerAdjustments.map((p) => `${p.reason} ${dollarsText(p.amount)}`).join(", ")}.
              </p>
            )}
            {unmatched.length > 0 && (
              <>
                <h3 className={styles.heading}>Not matched, not posted ({unmatched.length})</h3>
                <ul className={styles.list}>
                  {unmatched.slice(0, 200).map((c, i) => (
                    <li key={i}>
                      <Button appearance="transparent" size="small" onClick={() => void selectCell(c.cell)}>{c.cell.sheet}!{c.cell.address}</Button> claim {c.claimId} ({c.file})
                    </li>
                  ))}
                </ul>
              </>
            )}
            {preview.json.issues.length > 0 && (
              <>
                <h3 className={styles.heading}>Reported ({preview.json.issues.length})</h3>
                <ul className={styles.list} aria-label="Reported">
                  {preview.json.issues.slice(0, 200).map((i, k) => <li key={k}>{i.file}, segment {i.position} ({i.segment}): {i.message}</li>)}
                </ul>
                {preview.json.issues.length > 200 && <p className={styles.hint}>…and {preview.json.issues.length - 200} more.</p>}
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
