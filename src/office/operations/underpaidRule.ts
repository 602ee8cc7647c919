/* The Fee check's highlight rule in the register: its formula, and how the add-in tells its own
 * rules from the user's so that a re-run replaces the one it added before. */
import { columnLetter } from "../../core/cells/issue";
import { FEE_CHECK_LAYOUT } from "../../core/templates/feeCheckSheet";
import { quoteSheet } from "./setUpSheets";

/** Where a line's identity is in the register: 1-based header row and column letters. */
export interface RegisterKeyColumns {
  headerRow: number;
  claimId: string;
  cpt: string;
  dateOfService: string;
}

/**
 * A register cell as an exact COUNTIFS criterion. COUNTIFS reads `?` and `*` in a criterion as
 * wildcards and `~` as the escape before them ("A question mark matches any single character; an
 * asterisk matches any sequence of characters. If you want to find an actual question mark or
 * asterisk, type a tilde (~) before the character": Microsoft, "WorksheetFunction.CountIfs method
 * (Excel)", https://learn.microsoft.com/en-us/office/vba/api/excel.worksheetfunction.countifs), so
 * a claim id "A*1" would match "A-51" too. Each of `~`, `*`, `?` gets a `~` before it (the tilde
 * first, so the ones added are not doubled). A number still matches as a number: COUNTIFS compares
 * a criterion that reads as a number with numeric cells.
 */
export function exactCriterion(cell: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","~~"),"*","~*"),"?","~?")`;
}

/**
 * The custom-formula rule that highlights the underpaid lines in the register, keyed on each line's
 * identity (claim id + CPT + date of service) rather than its row number, so that sorting,
 * filtering or inserting rows in the register keeps the highlight on the right lines: a register
 * row is highlighted when the Fee Check sheet's table of underpaid lines has a line with its claim,
 * CPT and date, `=COUNTIFS('Fee Check …'!$B$6:$B$9,SUBSTITUTE(…$A2…),'Fee Check …'!$C$6:$C$9,SUBSTITUTE(…$I2…),'Fee Check …'!$H$6:$H$9,$B2)>0`
 * (claim id and CPT matched exactly: exactCriterion; the date is a serial number).
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
  return `=COUNTIFS(${col(FEE_CHECK_LAYOUT.claimColumn)},${exactCriterion(`$${register.claimId}${row}`)},` +
    `${col(FEE_CHECK_LAYOUT.cptColumn)},${exactCriterion(`$${register.cpt}${row}`)},` +
    `${col(FEE_CHECK_LAYOUT.dateOfServiceColumn)},$${register.dateOfService}${row})>0`;
}

/**
 * Whether a conditional-format formula is one the Fee check added: a COUNTIFS over a "Fee Check
 * YYYY-MM-DD" sheet's claim column from the lines table's first row (or over #REF! once that
 * sheet was deleted, as Excel rewrites it), in the form above or the earlier one without
 * SUBSTITUTE, or the first design's `=ISNUMBER(MATCH(ROW(),{…},0))`. A user's own rule has
 * neither shape, so it is never taken for ours.
 */
export function isUnderpaidRule(formula: string): boolean {
  const f = formula.trim();
  if (/^=ISNUMBER\(MATCH\(ROW\(\),\{[\d,]+\},0\)\)$/i.test(f)) return true;
  const claim = columnLetter(FEE_CHECK_LAYOUT.claimColumn);
  const first = FEE_CHECK_LAYOUT.linesHeaderRow + 1;
  const sheet = String.raw`(?:'Fee Check \d{4}-\d{2}-\d{2}(?: \(\d+\))?'|#REF)`;
  return new RegExp(String.raw`^=COUNTIFS\(${sheet}!(?:\$${claim}\$${first}:\$${claim}\$\d+|#REF!),`, "i").test(f.replace(/''/g, "'")) &&
    /\)>0$/.test(f);
}
