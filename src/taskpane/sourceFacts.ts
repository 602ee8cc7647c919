/* What the pane says about the claims source of a Convert, a report or a fee check, from the
 * reader's `source` summary (the same facts as the command line's and the JSON's `source`): the
 * words only, every figure comes from the core. */
import { CLAIM_FIELD_HEADERS, CLAIM_FIELDS, type ClaimField } from "../core/claims/claimLine";
import type { BalancesAsOf, SourceSummaryJson } from "../core/report/sourceSummary";
import { countText, dollarsText, isoText } from "./format";

export interface SourceFactLines {
  /** Read as what, from which header row. */
  layout: string;
  /** Said with warning intent: money fields with no column, balance disagreements. */
  warnings: string[];
  /** Further facts: money-looking columns not used, ambiguities, assumptions, notes. */
  facts: string[];
  /** Each register field and its column ("E (Ins Paid)"), or "no column". */
  fields: { field: ClaimField; label: string; column: string | null }[];
}

const label = (f: string): string => CLAIM_FIELD_HEADERS[f as ClaimField] ?? f;

export function sourceFactLines(s: SourceSummaryJson): SourceFactLines {
  const rows = s.headerRows.length > 0 ? ` (header row ${s.headerRows.map((r) => r.toLocaleString("en-US")).join(" and ")})` : "";
  const warnings: string[] = [];
  if (s.columns.missingMoney.length > 0) {
    warnings.push(`No column for ${s.columns.missingMoney.map(label).join(", ")}: read as $0.00 on every line, so balances and A/R include what was paid or adjusted. Pick the column if the export has one.`);
  }
  const c = s.balanceCheck;
  if (c !== null && c.disagreements > 0) {
    warnings.push(`The sheet's balance column (${c.column}) disagrees with the computed balance on ${countText(c.disagreements, "line")} of ${c.linesChecked.toLocaleString("en-US")}, by ${dollarsText(c.disagreementTotal)} in all.`);
  }
  const facts: string[] = [];
  if (c !== null && c.disagreements === 0) facts.push(`Balances agree with the sheet's balance column (${c.column}) on all ${countText(c.linesChecked, "line")}.`);
  if (c !== null && c.adjustmentSignsCorrected > 0) facts.push(`Adjustments written without their minus sign were corrected on ${countText(c.adjustmentSignsCorrected, "line")}.`);
  // The export's own balance column is used, for the balance check: not a money column left out.
  const money = s.columns.notUsed.filter((u) => u.looksLikeMoney && u.column !== s.columns.balanceColumn);
  if (money.length > 0) facts.push(`Money columns not used: ${money.map((u) => `${u.column} (${u.header})`).join(", ")}.`);
  for (const a of s.columns.ambiguous) facts.push(`Columns ${a.columns.join(", ")} could all be ${label(a.field)}; ${a.chosen} was used.`);
  for (const a of s.assumptions) facts.push(`Assumed: ${a}.`);
  for (const o of s.otherSheets) facts.push(`Sheet "${o.sheet}" was not used: ${o.reason}.`);
  const fields = CLAIM_FIELDS.map((f) => {
    const found = s.columns.fields[f];
    if (found === null || found === undefined) return { field: f, label: CLAIM_FIELD_HEADERS[f], column: null };
    const byType = found.synonym !== null && found.synonym.startsWith("by transaction type") ? `, ${found.synonym}` : "";
    return { field: f, label: CLAIM_FIELD_HEADERS[f], column: `${found.column}${found.header !== "" ? ` (${found.header})` : ""}${byType}` };
  });
  return { layout: `Read as ${s.layout}${rows}.`, warnings, facts, fields };
}

/** Whether the source facts call for a warning (a money field with no column, balances that disagree). */
export function sourceNeedsWarning(s: SourceSummaryJson | null): boolean {
  return s !== null && (s.columns.missingMoney.length > 0 || (s.balanceCheck !== null && s.balanceCheck.disagreements > 0));
}

/**
 * What the A/R balances are as of (the reader's `ar.balancesAsOf`): rolled back to the as-of date
 * from a ledger's posting dates, or the export's own balances, said when the date is past.
 * Null when there is nothing to say (the export's balances at an as-of date not in the past).
 */
export function balancesAsOfText(balancesAsOf: BalancesAsOf, asOfIso: string, todayIso: string): string | null {
  if (balancesAsOf === "asOfDate") return `Balances were rolled back to ${isoText(asOfIso)} from the ledger's posting dates: postings after that date are not counted.`;
  if (asOfIso < todayIso) return `Balances are as of the export, not as they stood on ${isoText(asOfIso)}: the register has no posting dates to roll them back, so A/R is aged at that date from the export's balances.`;
  return null;
}
