/**
 * The Excel JavaScript API requirement sets the Office.js renderer and reader use, each with what
 * it is needed for. The highest is ExcelApi 1.8 (Worksheet.showGridlines), which Excel on the web,
 * Excel on Windows (Microsoft 365, Excel 2019 and later) and Excel on Mac (Microsoft 365, Excel
 * 2019 and later) all support; nothing here needs 1.9 or later. Sets are cumulative, but each one
 * is checked and named so the message says exactly what is missing.
 */

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
      `Use Excel on the web, or Excel for Microsoft 365 (or Excel 2019 or later) on Windows or Mac.`,
  };
}
