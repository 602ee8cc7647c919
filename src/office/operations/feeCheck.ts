import type { CellValue } from "../../core/cells/cellValue";
import { columnLetter } from "../../core/cells/issue";
import { checkFees } from "../../core/feeSchedule/checkFees";
import type { Cents } from "../../core/money/cents";
import { UnusableInputError, workbookReport } from "../../core/report/workbookReport";
import { FEE_CHECK_LAYOUT, feeCheckSheet } from "../../core/templates/feeCheckSheet";
import { quoteSheet } from "./setUpSheets";
import { OperationCancelled, OperationError, toOperationError } from "./errors";
import { checkCancelled, progress, type OperationOptions } from "./options";
import { readSheets, removeSheets, renderNewSheet, today } from "./workbook";
import { registerFor } from "./registerFor";

/** Colours of the highlight (Excel's "Light red fill with dark red text"). */
export const UNDERPAID_FILL = "#FFC7CE";
export const UNDERPAID_FONT = "#9C0006";

/** Where a line's identity is in the register: 1-based header row and column letters. */
export interface RegisterKeyColumns {
  headerRow: number;
  claimId: string;
  cpt: string;
  dateOfService: string;
}

/**
 * The custom-formula rule that highlights the underpaid lines in the register, keyed on each line's
 * identity (claim id + CPT + date of service) rather than its row number, so that sorting,
 * filtering or inserting rows in the register keeps the highlight on the right lines: a register
 * row is highlighted when the Fee Check sheet's table of underpaid lines has a line with its claim,
 * CPT and date, `=COUNTIFS('Fee Check …'!$B$6:$B$9,$A2,'Fee Check …'!$C$6:$C$9,$I2,'Fee Check …'!$H$6:$H$9,$B2)>0`.
 * The references without $ on the row are relative to the applied range's top-left cell (the
 * first data row), as Excel reads a conditional format's formula. A formula rule may refer to
 * another sheet (Excel 2010 and later). Removable like any rule (Home › Conditional Formatting ›
 * Manage Rules); deleting the Fee Check sheet turns it off. No cell value changes.
 * Two register lines with the same claim, CPT and date are both highlighted when one is underpaid.
 */
export function underpaidRuleFormula(feeCheckSheet: string, underpaidLines: number, register: RegisterKeyColumns): string {
  const first = FEE_CHECK_LAYOUT.linesHeaderRow + 1;
  const last = FEE_CHECK_LAYOUT.linesHeaderRow + Math.max(1, underpaidLines);
  const sheet = quoteSheet(feeCheckSheet);
  const col = (n: number): string => { const l = columnLetter(n); return `${sheet}!$${l}$${first}:$${l}$${last}`; };
  const row = register.headerRow + 1;
  return `=COUNTIFS(${col(FEE_CHECK_LAYOUT.claimColumn)},$${register.claimId}${row},${col(FEE_CHECK_LAYOUT.cptColumn)},$${register.cpt}${row},${col(FEE_CHECK_LAYOUT.dateOfServiceColumn)},$${register.dateOfService}${row})>0`;
}

/**
 * Fee check on the open workbook (definitions.md, "Fee schedule and underpayments"): reads the
 * claims register and the fee schedule (found as the report finds them), runs checkFees, writes a
 * new "Fee Check YYYY-MM-DD" sheet (underpaid lines and the total to recover by payer), and adds to
 * the register the one change this makes to a user's sheet: conditional formatting that
 * highlights the underpaid rows (underpaidRuleFormulas), never a cell value. If adding it fails,
 * the new sheet is removed and so is any rule added. Syncs: reading, 2 for the sheet, 1 for the rules.
 */
export async function runFeeCheck(
  context: Excel.RequestContext,
  options: { tolerance?: Cents; claimsSheet?: string } & OperationOptions = {},
): Promise<{ sheet: string; register: string; underpaidTotal: Cents; underpaidLines: number; byPayer: { payer: string; lines: number; amount: Cents }[] }> {
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

  if (underpaid.length > 0) {
    progress(o, 0.85, "Highlighting the underpaid rows in the register…");
    const grid = sheets.find((s) => s.name === registerSheet)?.grid ?? [];
    const area = dataArea(grid, report.claims.headerRow ?? 1);
    const added: Excel.ConditionalFormat[] = [];
    try {
      checkCancelled(o);
      const keys = registerKeys(report.claims.mapping, report.claims.headerRow ?? 1);
      if (keys === null) throw new OperationError(`"${registerSheet}" has no CPT column to tell its lines apart.`);
      const range = context.workbook.worksheets.getItem(registerSheet).getRange(area);
      const formula = underpaidRuleFormula(name, underpaid.length, keys);
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = formula;
      cf.custom.format.fill.color = UNDERPAID_FILL;
      cf.custom.format.font.color = UNDERPAID_FONT;
      added.push(cf);
      await context.sync();
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
  }
  progress(o, 1, "Done");
  return {
    sheet: name,
    register: registerSheet,
    underpaidTotal: check.underpaidTotal,
    underpaidLines: underpaid.length,
    byPayer: check.underpaidByPayer.map((p) => ({ payer: p.payer, lines: p.lines, amount: p.amount })),
  };
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
