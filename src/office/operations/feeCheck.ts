import type { CellValue } from "../../core/cells/cellValue";
import { columnLetter } from "../../core/cells/issue";
import { checkFees } from "../../core/feeSchedule/checkFees";
import type { Cents } from "../../core/money/cents";
import type { SourceSummaryJson } from "../../core/report/sourceSummary";
import { UnusableInputError, workbookReport } from "../../core/report/workbookReport";
import { feeCheckSheet } from "../../core/templates/feeCheckSheet";
import { OperationCancelled, OperationError, toOperationError } from "./errors";
import { checkCancelled, progress, type OperationOptions } from "./options";
import { readSheets, removeSheets, renderNewSheet, today } from "./workbook";
import { registerFor } from "./registerFor";
import { isUnderpaidRule, underpaidRuleFormula, type RegisterKeyColumns } from "./underpaidRule";

export { underpaidRuleFormula, type RegisterKeyColumns } from "./underpaidRule";

/** Colours of the highlight (Excel's "Light red fill with dark red text"). */
export const UNDERPAID_FILL = "#FFC7CE";
export const UNDERPAID_FONT = "#9C0006";

/**
 * Fee check on the open workbook (definitions.md, "Fee schedule and underpayments"): reads the
 * claims register and the fee schedule (found as the report finds them), runs checkFees, writes a
 * new "Fee Check YYYY-MM-DD" sheet (underpaid lines and the total to recover by payer), and adds to
 * the register the one change this makes to a user's sheet: conditional formatting that
 * highlights the underpaid rows (underpaidRuleFormula), never a cell value. A rule an earlier run
 * added (isUnderpaidRule) is replaced, not stacked: it is deleted once the new one is in. If adding
 * it fails, the new sheet is removed and so is any rule added; the earlier rule stays. With no
 * underpaid line, the earlier rule is removed (it would mark stale lines). `replacedHighlights`:
 * how many earlier rules went. Syncs: reading, 2 for the sheet, 1 to find the register's rules (+1
 * to read their formulas when it has custom rules), 1 to add and remove.
 */
export async function runFeeCheck(
  context: Excel.RequestContext,
  options: { tolerance?: Cents; claimsSheet?: string } & OperationOptions = {},
): Promise<{ sheet: string; register: string; underpaidTotal: Cents; underpaidLines: number; byPayer: { payer: string; lines: number; amount: Cents }[]; source: SourceSummaryJson | null; replacedHighlights: number }> {
  const o: OperationOptions = { onProgress: options.onProgress, signal: options.signal };
  const tolerance = Math.abs(options.tolerance ?? 0);
  progress(o, 0, "Reading the register and the fee schedule…");
  const sheets = await readSheets(context, undefined, o);
  progress(o, 0.4, "Checking each line against the fee schedule…");
  const date = today();
  let report: ReturnType<typeof workbookReport>;
  try {
    const claimsSheet = registerFor(sheets, options.claimsSheet);
    report = workbookReport(sheets, { asOf: date, feeTolerance: tolerance, ...(claimsSheet !== undefined ? { claimsSheet } : {}) });
  } catch (error) {
    if (error instanceof UnusableInputError) throw new OperationError(`The fee check could not run: ${error.message}.`);
    throw error;
  }
  const registerSheet = report.claims.sheet ?? "";
  if (report.feeSchedule === null) {
    throw new OperationError("The fee check needs a fee schedule: no sheet has a header naming payer, CPT and an allowed amount or a percentage of Medicare. Set up a Fee Schedule sheet and fill it in.");
  }
  if (report.feeSchedule.rows.length === 0) {
    throw new OperationError(`The fee schedule "${report.feeSchedule.sheet}" has no rate that could be read.`, { sheet: report.feeSchedule.sheet, address: "A1" });
  }
  const check = checkFees(report.claims.lines, report.feeSchedule.rows, { tolerance });
  const underpaid = check.discrepancies.filter((d) => d.kind === "underpaid");
  checkCancelled(o);

  progress(o, 0.6, "Writing the discrepancy sheet…");
  const description = feeCheckSheet(check, { registerSheet, feeScheduleSheet: report.feeSchedule.sheet, date, tolerance });
  const { name } = await renderNewSheet(context, description, o, true);

  progress(o, 0.85, underpaid.length > 0 ? "Highlighting the underpaid rows in the register…" : "Checking the register's highlight…");
  const grid = sheets.find((s) => s.name === registerSheet)?.grid ?? [];
  const area = dataArea(grid, report.claims.headerRow ?? 1);
  const added: Excel.ConditionalFormat[] = [];
  let replaced = 0;
  try {
    checkCancelled(o);
    const range = context.workbook.worksheets.getItem(registerSheet).getRange(area);
    // An earlier run's rule goes, also when no line is underpaid now: it would mark stale lines.
    const earlier = await earlierUnderpaidRules(context, range);
    if (underpaid.length > 0) {
      const keys = registerKeys(report.claims.mapping, report.claims.headerRow ?? 1);
      if (keys === null) throw new OperationError(`"${registerSheet}" has no CPT column to tell its lines apart.`);
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = underpaidRuleFormula(name, underpaid.length, keys);
      cf.custom.format.fill.color = UNDERPAID_FILL;
      cf.custom.format.font.color = UNDERPAID_FONT;
      added.push(cf);
    }
    for (const old of earlier) old.delete();
    if (added.length > 0 || earlier.length > 0) await context.sync();
    replaced = earlier.length;
  } catch (error) {
    // No transaction across a batch: the rules added before the failure stay. Deleting them in
    // order in one batch removes those; the first one never added stops the batch there.
    for (const cf of added) cf.delete();
    try {
      await context.sync();
    } catch {
      // A rule that was never added: the ones before it are gone.
    }
    const left = await removeSheets(context, [name]);
    const tail = left.length > 0 ? ` Delete "${name}" by hand.` : ` The sheet "${name}" was removed.`;
    if (error instanceof OperationCancelled) throw new OperationCancelled(`Cancelled.${tail} The register was not changed.`);
    throw new OperationError(`The underpaid rows could not be highlighted in "${registerSheet}": ${toOperationError(error).message}${tail} The register's cells were not changed.`, { sheet: registerSheet, address: area.split(":")[0] }, error);
  }
  progress(o, 1, "Done");
  return {
    sheet: name,
    register: registerSheet,
    underpaidTotal: check.underpaidTotal,
    underpaidLines: underpaid.length,
    byPayer: check.underpaidByPayer.map((p) => ({ payer: p.payer, lines: p.lines, amount: p.amount })),
    source: report.summary.source,
    replacedHighlights: replaced,
  };
}

/**
 * The conditional formats on the register's data rows that an earlier Fee check added (their
 * formula: isUnderpaidRule). `Range.conditionalFormats` is "a collection of all the conditional
 * formats that are overlap the range" (Microsoft, "Excel.ConditionalFormatCollection class",
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformatcollection, ExcelApi
 * 1.6); a custom rule's formula is `custom.rule.formula`, loaded only for the Custom ones. Syncs: 1,
 * plus 1 when there are custom rules.
 */
async function earlierUnderpaidRules(context: Excel.RequestContext, range: Excel.Range): Promise<Excel.ConditionalFormat[]> {
  const all = range.conditionalFormats;
  all.load("items/type");
  await context.sync();
  const custom = all.items.filter((cf) => String(cf.type) === "Custom");
  if (custom.length === 0) return [];
  for (const cf of custom) cf.custom.rule.load("formula");
  await context.sync();
  return custom.filter((cf) => typeof cf.custom.rule.formula === "string" && isUnderpaidRule(cf.custom.rule.formula));
}

/** The register's claim, CPT and date-of-service columns (the first letter of each), or null without a CPT column. */
export function registerKeys(mapping: Partial<Record<string, string>>, headerRow: number): RegisterKeyColumns | null {
  const letter = (f: string): string | null => /^[A-Z]{1,3}/.exec(mapping[f] ?? "")?.[0] ?? null;
  const claimId = letter("claimId");
  const cpt = letter("cpt");
  const dateOfService = letter("dateOfService");
  if (claimId === null || cpt === null || dateOfService === null) return null;
  return { headerRow, claimId, cpt, dateOfService };
}

/** The register's data rows below the header, across its used columns ("A2:S1001"). */
export function dataArea(grid: readonly (readonly CellValue[])[], headerRow: number): string {
  let first = Infinity;
  let last = 0;
  for (const row of grid) {
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      if (row[c] === "" || row[c] === null || row[c] === undefined) continue;
      if (c < first) first = c;
      if (c > last) last = c;
    }
  }
  if (!Number.isFinite(first)) first = 0;
  const lastRow = Math.max(headerRow + 1, grid.length);
  return `${columnLetter(first + 1)}${headerRow + 1}:${columnLetter(last + 1)}${lastRow}`;
}
