import type { CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import { parseMoney } from "../cells/parseMoney";
import { lineBalance } from "../claims/balance";
import type { ClaimLine } from "../claims/claimLine";
import { formatCents, type Cents } from "../money/cents";

/** The computed balances checked against the export's own balance column. */
export interface BalanceCheck {
  /** Column letter of the export's balance. */
  column: string;
  /** Lines whose balance cell held an amount. */
  linesChecked: number;
  /** Lines whose computed balance (after any sign correction) equals the export's. */
  agreeing: number;
  disagreements: number;
  /** Σ (computed − export's) over the disagreeing lines. */
  disagreementTotal: Cents;
  /** Each disagreeing line: where, the export's balance and the computed one. */
  rows: { sheet?: string; row: number; exported: Cents; computed: Cents }[];
  /** Lines whose adjustments were written negative and were read as reductions (their sign turned). */
  adjustmentSignsCorrected: number;
  /** Credit balances the export wrote without their minus sign (the computed, negative, balance is used). */
  unsignedCreditBalances: number;
}

export interface ReconciledLines {
  lines: ClaimLine[];
  check: BalanceCheck;
  notes: string[];
  /** One warning per disagreeing line. */
  issues: InputIssue[];
}

const negativeAdjustments = (l: ClaimLine): Cents => Math.min(0, l.contractualAdjustment) + Math.min(0, l.otherAdjustment);

/**
 * Reconciles every line's balance (definitions.md: charge − payments − adjustments) against the
 * export's own balance column. Two systematic sign differences are recognised, corrected and said:
 * adjustments written as negative amounts (most lines with a negative adjustment agree once it
 * counts as a reduction: their signs are turned), and credit balances written without their
 * minus (OpenEMR's CSV strips a leading "-": the computed negative balance is kept). Every other
 * difference is counted, summed and listed (sheet, row); the computed balance is used.
 */
export function reconcileBalances(
  lines: readonly ClaimLine[],
  grid: readonly (readonly CellValue[])[],
  balanceColumn: number,
  column: string,
  sheet?: string,
): ReconciledLines {
  const exported = new Map<ClaimLine, Cents>();
  for (const line of lines) {
    const row = grid[line.row - 1];
    const parsed = parseMoney(Array.isArray(row) ? row[balanceColumn] : null);
    if (parsed.kind === "value") exported.set(line, parsed.value);
  }
  // Adjustments written negative: systematic when most such lines agree only once turned.
  let withNegative = 0;
  let agreeTurned = 0;
  for (const [line, e] of exported) {
    const neg = negativeAdjustments(line);
    if (neg === 0) continue;
    withNegative++;
    if (lineBalance(line) !== e && lineBalance(line) + 2 * neg === e) agreeTurned++;
  }
  const turn = withNegative > 0 && agreeTurned * 2 > withNegative;
  const out = lines.map((l) =>
    turn && negativeAdjustments(l) !== 0
      ? { ...l, contractualAdjustment: Math.abs(l.contractualAdjustment), otherAdjustment: Math.abs(l.otherAdjustment) }
      : l,
  );
  const check: BalanceCheck = {
    column, linesChecked: exported.size, agreeing: 0, disagreements: 0, disagreementTotal: 0, rows: [],
    adjustmentSignsCorrected: turn ? withNegative : 0, unsignedCreditBalances: 0,
  };
  const issues: InputIssue[] = [];
  lines.forEach((original, i) => {
    const e = exported.get(original);
    if (e === undefined) return;
    const computed = lineBalance(out[i]);
    if (computed === e) check.agreeing++;
    else if (computed < 0 && e === -computed) {
      check.agreeing++;
      check.unsignedCreditBalances++;
    } else {
      check.disagreements++;
      check.disagreementTotal += computed - e;
      check.rows.push({ ...(sheet !== undefined ? { sheet } : {}), row: original.row, exported: e, computed });
      const issue: InputIssue = {
        row: original.row, column, severity: "warning", field: "balance",
        message: `the export's balance ${formatCents(e)} differs from charge − payments − adjustments = ${formatCents(computed)}; the computed balance is used`,
      };
      if (sheet !== undefined) issue.sheet = sheet;
      issues.push(issue);
    }
  });
  const notes: string[] = [];
  if (turn) notes.push(`${withNegative} lines had their adjustments written as negative amounts (the export's Balance column shows them reducing the balance); they were read as reductions`);
  if (check.unsignedCreditBalances > 0) notes.push(`${check.unsignedCreditBalances} credit balances are written without their minus sign in column ${column} (as OpenEMR's CSV export writes them); the computed, negative balances are used`);
  if (check.disagreements > 0) notes.push(`${check.disagreements} of ${check.linesChecked} lines disagree with the export's balance (column ${column}) by ${formatCents(check.disagreementTotal)} in all; the computed balances are used and the lines are listed`);
  else if (check.linesChecked > 0) notes.push(`every line's balance agrees with the export's balance column ${column} (${check.linesChecked} lines)`);
  return { lines: out, check, notes, issues };
}
