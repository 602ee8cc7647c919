import type { SheetDescription } from "../sheet/sheetDescription";
import { budgetTemplate } from "./budgetTemplate";
import { claimsRegisterTemplate } from "./claimsRegisterTemplate";
import { feeScheduleTemplate } from "./feeScheduleTemplate";
import { payrollTemplate } from "./payrollTemplate";
import { SETTINGS_CELLS, settingsTemplate } from "./settingsTemplate";

export type TemplateKind = "claimsRegister" | "feeSchedule" | "budget" | "payroll" | "settings";

export const TEMPLATE_KINDS: readonly TemplateKind[] = ["settings", "claimsRegister", "feeSchedule", "budget", "payroll"];

/** The sheet name each template wants. */
export const TEMPLATE_SHEET_NAMES: Record<TemplateKind, string> = {
  claimsRegister: "Claims Register",
  feeSchedule: "Fee Schedule",
  budget: "Budget",
  payroll: "Payroll",
  settings: "Settings",
};

export interface TemplateOptions {
  /**
   * Whether the workbook has (or will have) the Settings template's sheet: the claims register's
   * Age Bucket and the budget's year to date then count from its as-of cell, and payroll takes
   * its week hours and overtime multiplier from it. Default false: TODAY(), 40 and 1.5.
   */
  withSettings?: boolean;
  /** Another as-of cell ("Settings!$C$3"), when the workbook's Settings sheet keeps it elsewhere. */
  asOfCell?: string;
  /** Other cells for the week hours and overtime multiplier, likewise. */
  standardWeekHoursCell?: string;
  overtimeMultiplierCell?: string;
  /** Budget year (default 2026). */
  year?: number;
  practiceName?: string;
}

/** The sheet description of a template (Set up). */
export function templateSheet(kind: TemplateKind, options: TemplateOptions = {}): SheetDescription {
  const asOfCell = options.asOfCell ?? (options.withSettings === true ? SETTINGS_CELLS.asOf : undefined);
  switch (kind) {
    case "claimsRegister":
      return claimsRegisterTemplate({ asOfCell });
    case "feeSchedule":
      return feeScheduleTemplate();
    case "budget":
      return budgetTemplate({ year: options.year ?? 2026, asOfCell });
    case "payroll":
      return payrollTemplate({
        standardWeekHoursCell: options.standardWeekHoursCell ?? (options.withSettings === true ? SETTINGS_CELLS.standardWeekHours : undefined),
        overtimeMultiplierCell: options.overtimeMultiplierCell ?? (options.withSettings === true ? SETTINGS_CELLS.overtimeMultiplier : undefined),
      });
    case "settings":
      return settingsTemplate({ practiceName: options.practiceName });
  }
}
