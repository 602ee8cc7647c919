/**
 * The Excel JavaScript API requirement sets the Office.js renderer and reader use, each with what
 * it is needed for. The highest is ExcelApi 1.8 (Worksheet.showGridlines); nothing here needs 1.9
 * or later. Sets are cumulative, but each one is checked and named so the message says exactly
 * what is missing.
 *
 * Which Excel runs Practice Ledger is decided first by the manifest's SharedRuntime 1.1 and
 * CustomFunctionsRuntime 1.2 (Office does not load the add-in without them), per Microsoft's
 * requirement-set tables:
 * - SharedRuntime 1.1: web; Windows Microsoft 365 (and retail perpetual) Version 2002 (Build
 *   12527.20092); Windows volume-licensed Excel 2021 Version 2108; Mac 16.35; not on iPad.
 *   https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets
 * - CustomFunctionsRuntime 1.2: web; Windows Microsoft 365 Version 1909; Windows retail perpetual
 *   Version 2311 (Build 17029.20126); Windows volume-licensed Office 2021 Version 2108; Mac 16.34.
 *   https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets
 * So volume-licensed Excel 2019 and 2016 (which have neither) cannot run it, and retail Excel
 * 2016/2019/2021 only once updated to Version 2311. SUPPORTED_EXCEL says it in the user's words.
 */

/** Where Practice Ledger runs, in the user's words (the pane, the error messages, the README). */
export const SUPPORTED_EXCEL =
  "Excel on the web; Excel for Microsoft 365 on Windows (Version 2002 or later) or on Mac (16.35 or later); " +
  "retail Excel 2016, 2019, 2021 or 2024 on Windows updated to Version 2311 or later; volume-licensed Excel LTSC 2021 or 2024. " +
  "Not volume-licensed Excel 2019 or 2016, and not Excel on iPad";

export interface RequirementUse {
  set: "ExcelApi";
  version: string;
  neededFor: string;
}

export const REQUIREMENTS: readonly RequirementUse[] = [
  { set: "ExcelApi", version: "1.1", neededFor: "writing values, formulas, number formats, fonts, fills, borders, charts and tables; selecting a cell" },
  { set: "ExcelApi", version: "1.2", neededFor: "column widths and merged cells" },
  { set: "ExcelApi", version: "1.3", neededFor: "table totals rows" },
  { set: "ExcelApi", version: "1.4", neededFor: "reading used ranges (getUsedRangeOrNullObject)" },
  { set: "ExcelApi", version: "1.6", neededFor: "conditional formats (data bars, highlighted thresholds, the fee check's highlight)" },
  { set: "ExcelApi", version: "1.7", neededFor: "frozen header rows, tab colours, row blocks (getRangeByIndexes) and chart series" },
  { set: "ExcelApi", version: "1.8", neededFor: "hiding gridlines and drop-down lists (data validation)" },
];

/** The highest requirement set used. */
export const HIGHEST_REQUIREMENT = "ExcelApi 1.8";

export interface RequirementCheck {
  ok: boolean;
  missing: RequirementUse[];
  /** A plain sentence for the task pane when something is missing; null when all is there. */
  message: string | null;
}

/**
 * Checks the requirement sets with the host's test, normally
 * `(name, version) => Office.context.requirements.isSetSupported(name, version)`.
 */
export function checkRequirements(isSetSupported: (name: string, version: string) => boolean): RequirementCheck {
  const missing = REQUIREMENTS.filter((r) => {
    try {
      return !isSetSupported(r.set, r.version);
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return { ok: true, missing: [], message: null };
  const list = missing.map((r) => `${r.set} ${r.version} (${r.neededFor})`).join("; ");
  return {
    ok: false,
    missing,
    message:
      `This version of Excel lacks what Practice Ledger needs to read the workbook and write report sheets: ${list}. ` +
      `Practice Ledger runs in: ${SUPPORTED_EXCEL}.`,
  };
}
