import { PAYROLL_SETTINGS_2026 } from "../payroll/settings";
import { centsToNumber } from "../money/cents";
import { SheetBuilder } from "../sheet/sheetBuilder";
import type { CellStyleName, NumberFormatName, SheetDescription } from "../sheet/sheetDescription";
import { AGE_BUCKET_LABELS } from "./formulas";

/** The note the Settings sheet carries above its payroll rates (definitions.md, "Payroll"). */
export const PAYROLL_NOTE = "Practice Ledger computes employer payroll cost for budgeting; it is not a withholding engine.";

/** Name of the Settings sheet the templates' formulas refer to. */
export const SETTINGS_SHEET_NAME = "Settings";

/** Rows of the Settings template (1-based): title, note, blank, then the table's header at row 4. */
export const SETTINGS_ROWS = {
  header: 4,
  practiceName: 5,
  asOf: 6,
  overBudgetThreshold: 7,
  agingBuckets: 8,
  socialSecurityRate: 9,
  socialSecurityWageBase: 10,
  medicareRate: 11,
  futaRate: 12,
  futaWageBase: 13,
  sutaRate: 14,
  sutaWageBase: 15,
  standardWeekHours: 16,
  overtimeMultiplier: 17,
} as const;

/** Absolute references to the Settings template's cells that other templates' formulas use. */
export const SETTINGS_CELLS = {
  asOf: `${SETTINGS_SHEET_NAME}!$B$${SETTINGS_ROWS.asOf}`,
  standardWeekHours: `${SETTINGS_SHEET_NAME}!$B$${SETTINGS_ROWS.standardWeekHours}`,
  overtimeMultiplier: `${SETTINGS_SHEET_NAME}!$B$${SETTINGS_ROWS.overtimeMultiplier}`,
} as const;

export interface SettingsTemplateOptions {
  practiceName?: string;
}

/**
 * The Settings sheet: practice name, as-of date, over-budget threshold, aging buckets and the 2026
 * payroll rates (PAYROLL_SETTINGS_2026, definitions.md "Payroll") as an Excel table of Setting,
 * Value, Note, under the note that Practice Ledger is no withholding engine. The labels are the
 * ones the settings reader (src/core/report/settingsSheet.ts) and the report look for.
 */
export function settingsTemplate(options: SettingsTemplateOptions = {}): SheetDescription {
  const b = new SheetBuilder(SETTINGS_SHEET_NAME, [30, 22, 60]);
  b.line([{ value: "Practice Ledger settings", styles: ["title"] }]);
  b.line([{ value: PAYROLL_NOTE, styles: ["note"] }]);
  b.skip();
  const header = b.line(["Setting", "Value", "Note"].map((value) => ({ value, styles: ["tableHeader" as CellStyleName] })));
  const s = PAYROLL_SETTINGS_2026;
  const rows: [string, string | number | null, NumberFormatName | undefined, string][] = [
    ["Practice name", options.practiceName ?? "", undefined, "shown in the title of each report"],
    ["As-of date", null, "date", "ages and report periods count from this date; leave blank for today"],
    ["Over budget threshold", 0.05, "percent1", "a budget line counts as over budget when year to date it runs over by more than this share"],
    ["Aging buckets (days)", AGE_BUCKET_LABELS.join(", "), undefined, "MGMA survey buckets, by date of service"],
    ["Social Security rate", Number(s.socialSecurityRate), "percent2", "employer share (IRC 3111(a)), 2026"],
    ["Social Security wage base", centsToNumber(s.socialSecurityWageBase), "money", "per employee per calendar year, 2026 (SSA)"],
    ["Medicare rate", Number(s.medicareRate), "percent2", "employer share on all wages (IRC 3111(b))"],
    ["FUTA rate", Number(s.futaRate), "percent2", "6.0 % less the 5.4 % state credit"],
    ["FUTA wage base", centsToNumber(s.futaWageBase), "money", "first $7,000 per employee per year"],
    ["SUTA rate", Number(s.sutaRate), "percent2", "your state's rate for the practice: enter it each January"],
    ["SUTA wage base", centsToNumber(s.sutaWageBase ?? 0), "money", "your state's wage base: enter it each January"],
    ["Standard work week hours", Number(s.standardWeekHours), "ratio2", "FLSA: hours over 40 in a workweek are overtime"],
    ["Overtime multiplier", Number(s.overtimeMultiplier), "ratio2", "1.5 × the regular rate (FLSA)"],
  ];
  for (const [label, value, format, note] of rows) {
    b.line([{ value: label, styles: ["label"] }, { value, format }, { value: note, styles: ["note"] }]);
  }
  const last = b.row - 1;
  b.table({ name: "PracticeSettings", range: { fromRow: header, fromCol: 1, toRow: last, toCol: 3 }, style: "TableStyleLight9" });
  return b.build({ freezeRows: header, showGridLines: true, tabColor: "7F7F7F" });
}
