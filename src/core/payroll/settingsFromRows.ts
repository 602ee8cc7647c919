import Decimal from "decimal.js";
import { cellErrorText, isBlankCell, showCell, type CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import { parseMoney } from "../cells/parseMoney";
import { Money } from "../money/cents";
import { PAYROLL_SETTINGS_2026, type PayrollSettings } from "./settings";

/** One row of the workbook's Settings table: a setting's name and its value. */
export interface SettingRow {
  /** 1-based row number in the sheet. */
  row: number;
  cells: { setting: CellValue; value: CellValue };
}

export interface PayrollSettingsOptions {
  /** Sheet name, for messages. */
  sheet?: string;
  /** Column (letter or header) of the name and of the value, for messages. */
  columns?: { setting?: string; value?: string };
  /** Values a row does not set; default PAYROLL_SETTINGS_2026. */
  defaults?: PayrollSettings;
}

export interface PayrollSettingsRead {
  settings: PayrollSettings;
  issues: InputIssue[];
}

type SettingKey = keyof PayrollSettings;
type SettingKind = "rate" | "money" | "moneyOrNone" | "hours" | "multiplier";

const KINDS: Record<SettingKey, SettingKind> = {
  socialSecurityRate: "rate",
  socialSecurityWageBase: "money",
  medicareRate: "rate",
  futaRate: "rate",
  futaWageBase: "money",
  sutaRate: "rate",
  sutaWageBase: "moneyOrNone",
  standardWeekHours: "hours",
  overtimeMultiplier: "multiplier",
};

/** Names a practice may write, compared without case, spaces or punctuation. */
const NAMES: Record<string, SettingKey> = {};
const addNames = (key: SettingKey, ...names: string[]): void => {
  for (const n of names) NAMES[nameKey(n)] = key;
};
addNames("socialSecurityRate", "Social Security rate", "SS rate", "OASDI rate", "FICA Social Security rate");
addNames("socialSecurityWageBase", "Social Security wage base", "SS wage base", "OASDI wage base", "Social Security base");
addNames("medicareRate", "Medicare rate", "FICA Medicare rate");
addNames("futaRate", "FUTA rate", "Federal unemployment rate");
addNames("futaWageBase", "FUTA wage base", "Federal unemployment wage base", "FUTA base");
addNames("sutaRate", "SUTA rate", "State unemployment rate", "SUI rate");
addNames("sutaWageBase", "SUTA wage base", "State unemployment wage base", "SUI wage base", "SUTA base");
addNames("standardWeekHours", "Standard work week", "Standard work week hours", "Standard workweek", "Standard workweek hours",
  "Standard week hours", "Overtime threshold", "Weekly overtime threshold");
addNames("overtimeMultiplier", "Overtime multiplier", "Overtime rate multiplier", "Overtime factor");

function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * Reads the payroll settings from the Settings table (definitions.md, "Payroll": rates live in a
 * settings table seeded with the 2026 values). Rates are read as "6.2%" or 0.062 (a number above
 * 1 is refused: it is ambiguous); wage bases as amounts ("$184,500"); a blank SUTA wage base
 * means "no limit". Rows whose name is not a payroll setting are skipped silently (the table may
 * hold other settings); an unreadable value is an error and the default is kept. Never throws.
 */
export function payrollSettingsFromRows(
  rows: readonly SettingRow[],
  options: PayrollSettingsOptions = {},
): PayrollSettingsRead {
  const settings: PayrollSettings = { ...(options.defaults ?? PAYROLL_SETTINGS_2026) };
  const issues: InputIssue[] = [];
  const seenAt = new Map<SettingKey, number>();

  for (const raw of rows) {
    const report = (severity: "error" | "warning", message: string, found?: CellValue): void => {
      const issue: InputIssue = { row: raw.row, severity, message, field: "value" };
      if (options.sheet !== undefined) issue.sheet = options.sheet;
      if (options.columns?.value !== undefined) issue.column = options.columns.value;
      if (found !== undefined && !isBlankCell(found)) issue.found = showCell(found);
      issues.push(issue);
    };
    const name = raw.cells?.setting;
    if (typeof name !== "string") continue;
    const key = NAMES[nameKey(name)];
    if (key === undefined) continue;
    const first = seenAt.get(key);
    if (first !== undefined) {
      report("warning", `"${name.trim()}" is already set in row ${first}; this row is ignored`, raw.cells.value);
      continue;
    }
    seenAt.set(key, raw.row);
    const value = raw.cells.value;
    const kind = KINDS[key];
    if (isBlankCell(value)) {
      if (kind === "moneyOrNone") settings.sutaWageBase = null;
      else report("warning", `"${name.trim()}" has no value; the default is used`);
      continue;
    }
    switch (kind) {
      case "rate": {
        const rate = readRate(value);
        if (typeof rate === "string") report("error", `${name.trim()}: ${rate}; the default is used`, value);
        else (settings[key] as string) = rate.toFixed();
        break;
      }
      case "money":
      case "moneyOrNone": {
        const parsed = parseMoney(value);
        if (parsed.kind !== "value") report("error", `${name.trim()}: ${parsed.kind === "invalid" ? parsed.message : "blank"}; the default is used`, value);
        else if (parsed.value < 0) report("error", `${name.trim()}: a wage base cannot be negative; the default is used`, value);
        else (settings[key] as number) = parsed.value;
        break;
      }
      case "hours":
      case "multiplier": {
        const n = readPlainNumber(value);
        const ok = n !== null && (kind === "hours" ? n.gt(0) && n.lte(168) : n.gte(1) && n.lte(3));
        if (!ok || n === null) {
          report("error", `${name.trim()}: expected ${kind === "hours" ? "hours between 0 and 168, e.g. 40" : "a multiplier such as 1.5"}; the default is used`, value);
        } else {
          (settings[key] as string) = n.toFixed();
        }
        break;
      }
    }
  }
  if (settings.sutaWageBase === 0 && !new Money(settings.sutaRate).isZero()) {
    const at = seenAt.get("sutaRate") ?? seenAt.get("sutaWageBase") ?? 0;
    const issue: InputIssue = {
      row: at, severity: "warning", field: "sutaWageBase",
      message: "a SUTA rate is set but the SUTA wage base is 0, so no state unemployment tax is counted; enter the state's wage base (blank = no limit)",
    };
    if (options.sheet !== undefined) issue.sheet = options.sheet;
    issues.push(issue);
  }
  return { settings, issues };
}

/** "6.2%", "6.2 %", 0.062, "0.062" → 0.062; a message when unreadable or outside 0 … 1. */
function readRate(value: CellValue): Decimal | string {
  const error = cellErrorText(value);
  if (error !== null) return `the cell holds the error ${error}, not a rate`;
  let rate: Decimal | null = null;
  if (typeof value === "string" && /%\s*$/.test(value)) {
    const n = readPlainNumber(value.trim().replace(/\s*%$/, ""));
    rate = n === null ? null : n.dividedBy(100);
  } else {
    const n = readPlainNumber(value);
    if (n !== null && n.gt(1)) return "a rate above 1 is ambiguous; write 6.2% or 0.062";
    rate = n;
  }
  if (rate === null) return "not a rate (write 6.2% or 0.062)";
  if (rate.isNegative() || rate.gt(1)) return "a rate must be between 0% and 100%";
  return rate;
}

/** A finite number, or text holding a plain decimal number, as an exact Decimal; else null. */
export function readPlainNumber(value: CellValue): Decimal | null {
  if (typeof value === "number") return Number.isFinite(value) ? new Money(value) : null;
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/,/g, "");
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return null;
  return new Money(text);
}
