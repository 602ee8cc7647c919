/* Styles and labels shared by the panels. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { SheetKind, TemplateKind } from "../operations";

export const usePanelStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th": { textAlign: "left", fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: "4px 6px 4px 0" },
    "& td": { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "4px 6px 4px 0", verticalAlign: "top" },
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  figures: {
    display: "grid",
    gridTemplateColumns: "auto auto",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    "& dt": { color: tokens.colorNeutralForeground2 },
    "& dd": { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  problem: { color: tokens.colorPaletteDarkOrangeForeground1 },
  using: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap", fontSize: tokens.fontSizeBase200 },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0` },
});

export const SHEET_KIND_LABELS: Record<SheetKind, string> = {
  claims: "Claims register",
  feeSchedule: "Fee schedule",
  budget: "Budget",
  payroll: "Payroll",
  settings: "Settings",
  report: "Report",
  other: "Other",
};

/** What a sheet holds, in the manager's words: a budget-shaped sheet named Actuals is the Actuals. */
export function sheetKindLabel(sheet: { name: string; kind: SheetKind }): string {
  if (sheet.kind === "budget" && /^actuals?\b/i.test(sheet.name.trim())) return "Actuals";
  return SHEET_KIND_LABELS[sheet.kind];
}

/** Set up's checkboxes, in the order the issue lists them. */
export const TEMPLATE_CHOICES: { kind: TemplateKind; label: string; what: string }[] = [
  { kind: "budget", label: "Budget", what: "MGMA expense categories, revenue and capital lines, months across, variance" },
  { kind: "payroll", label: "Payroll", what: "one row per employee per pay period, overtime by workweek, gross pay" },
  { kind: "claimsRegister", label: "Claims Register", what: "one row per claim line, balance and age bucket calculated" },
  { kind: "feeSchedule", label: "Fee Schedule", what: "allowed amount per payer, CPT and modifier" },
  { kind: "settings", label: "Settings", what: "practice name, as-of date and the 2026 payroll rates" },
];

export const TEMPLATE_LABELS: Record<TemplateKind, string> = Object.fromEntries(TEMPLATE_CHOICES.map((c) => [c.kind, c.label])) as Record<TemplateKind, string>;
