import { NoRegisterError, planEraPosting, postingSheets, type EraPosting } from "../../core/era/postEraWorkbook";
import { claimKey } from "../../core/era/matchLines";
import type { RemittanceInput } from "../../core/era/postRemittances";
import type { PostingJson } from "../../core/era/resultJson";
import type { Cents } from "../../core/money/cents";
import { OperationCancelled, OperationError } from "./errors";
import { checkCancelled, progress, type OperationOptions } from "./options";
import { readSheets, removeSheets, renderNewSheet } from "./workbook";

/** One claim of the preview: matched or not, paid, adjustments, the new status; `cell` selects it in the register. */
export interface RemittanceClaimRow {
  file: string;
  claimId: string;
  matched: boolean;
  paid: Cents;
  adjustments: Cents;
  patientResponsibility: Cents;
  status: string;
  /** The claim's first line in the register (claim ID column), or the register's claim ID header when absent. */
  cell: { sheet: string; address: string };
}

export interface RemittancePreview {
  registerSheet: string;
  claims: RemittanceClaimRow[];
  /** The post-era JSON of the same posting (transactions with refusals, PLB, issues). */
  json: PostingJson;
  /** Whether posting would change anything (a transaction not refused). */
  canPost: boolean;
}

/**
 * Reads the open workbook and plans posting the 835 files (reading, balancing, matching: all in
 * src/core/era); writes nothing. Syncs: those of reading the sheets.
 */
export async function previewRemittance(context: Excel.RequestContext, files: readonly RemittanceInput[], options: OperationOptions = {}): Promise<RemittancePreview> {
  progress(options, 0, "Reading the register and earlier posting journals…");
  const posting = await plan(context, files, options);
  progress(options, 1, "Preview ready");
  return preview(posting);
}

/**
 * Posts the 835 files into NEW sheets: a new version of the register ("Claims Register (posted)")
 * and a "Posting Journal"; the user's register is never edited. The workbook is read again, so
 * the posting is the one of the workbook as it is now (a payment posted meanwhile is refused).
 * A failure or a cancel removes the sheets this created.
 */
export async function postRemittance(context: Excel.RequestContext, files: readonly RemittanceInput[], options: OperationOptions = {}): Promise<RemittancePreview & { postedRegister: string; journal: string }> {
  progress(options, 0, "Reading the register and earlier posting journals…");
  const posting = await plan(context, files, options);
  const result = preview(posting);
  if (!result.canPost) throw new OperationError("Nothing to post: every payment was refused (see the preview for why).");
  const postedAt = new Date().toISOString().replace("T", " ").slice(0, 19) + " UTC";
  const sheets = postingSheets(posting, postedAt);
  progress(options, 0.4, "Writing the new version of the register…");
  const created: string[] = [];
  try {
    const register = await renderNewSheet(context, sheets.register, options, true);
    created.push(register.name);
    progress(options, 0.75, "Writing the posting journal…");
    const journal = await renderNewSheet(context, sheets.journal, options, false);
    created.push(journal.name);
    progress(options, 1, "Done");
    return { ...result, postedRegister: register.name, journal: journal.name };
  } catch (error) {
    const left = await removeSheets(context, created);
    const tail = created.length === 0 ? "" : left.length > 0 ? ` Delete "${left.join('", "')}" by hand.` : " The sheets it had created were removed.";
    if (error instanceof OperationCancelled) throw new OperationCancelled(`Cancelled.${tail} The register was not changed.`);
    if (error instanceof OperationError) throw new OperationError(`${error.message}${tail}`, undefined, error);
    throw error;
  }
}

async function plan(context: Excel.RequestContext, files: readonly RemittanceInput[], options: OperationOptions): Promise<EraPosting> {
  if (files.length === 0) throw new OperationError("Pick one or more .835 remittance files first.");
  const sheets = await readSheets(context, undefined, options);
  checkCancelled(options);
  try {
    return planEraPosting(sheets, files);
  } catch (error) {
    if (error instanceof NoRegisterError) throw new OperationError(`Nothing to post into: ${error.message}. Set up or convert a Claims Register first.`);
    throw error;
  }
}

function preview(posting: EraPosting): RemittancePreview {
  const sheet = posting.registerSheet;
  const column = posting.register.mapping.claimId ?? "A";
  const headerRow = posting.register.headerRow ?? 1;
  const firstRow = new Map<string, number>();
  for (const l of posting.register.lines) if (!firstRow.has(claimKey(l.claimId))) firstRow.set(claimKey(l.claimId), l.row);
  const claims = posting.result.claims.map((c): RemittanceClaimRow => {
    const row = c.lines.find((l) => l.row !== null)?.row ?? firstRow.get(claimKey(c.claimId)) ?? headerRow;
    const statuses = [...new Set(c.lines.map((l) => l.status))];
    return {
      file: c.file, claimId: c.claimId, matched: c.matched, paid: c.paid,
      adjustments: c.lines.reduce((s, l) => s + l.contractualAdjustment + l.otherAdjustment, 0),
      patientResponsibility: c.patientResponsibility,
      status: c.matched ? statuses.join(" / ") || "Posted" : "Not posted",
      cell: { sheet, address: `${column}${row}` },
    };
  });
  return { registerSheet: sheet, claims, json: posting.json, canPost: posting.result.transactions.some((t) => t.refused === null) };
}
