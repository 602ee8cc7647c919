import type { CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import { parseMoney } from "../cells/parseMoney";
import { lineBalance, type BalanceParts } from "../claims/balance";
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

const negativeAdjustments = (l: BalanceParts): Cents => Math.min(0, l.contractualAdjustment) + Math.min(0, l.otherAdjustment);

/**
 * Reconciles every line's balance (definitions.md: charge − payments − adjustments) against the
 * export's own balance column. Two systematic sign differences are recognised, corrected and said:
 * adjustments written as negative amounts (most lines with a negative adjustment agree once it
 * counts as a reduction: their signs are turned), and credit balances written without their
 * minus (OpenEMR's CSV strips a leading "-": the computed negative balance is kept). Every other
 * difference is counted, summed and listed (sheet, row); the computed balance is used.
 *
 * The decision is made from counts (AdjustmentSignCounts) and each line checked on its own
 * (BalanceChecker): a reading that sees the lines twice without keeping them uses the same parts.
 */
export function reconcileBalances(
  lines: readonly ClaimLine[],
  grid: readonly (readonly CellValue[])[],
  balanceColumn: number,
  column: string,
  sheet?: string,
): ReconciledLines {
  const exported: (Cents | null)[] = new Array<Cents | null>(lines.length);
  const counts = new AdjustmentSignCounts();
  for (let i = 0; i < lines.length; i++) {
    const row = grid[lines[i].row - 1];
    const e = exportedBalance(Array.isArray(row) ? row : null, balanceColumn);
    exported[i] = e;
    if (e !== null) counts.add(lines[i], e);
  }
  const checker = new BalanceChecker(column, sheet, counts);
  const out = lines.map((l, i) => checker.check(l, exported[i]));
  return { lines: out, check: checker.result, notes: checker.notes(), issues: checker.issues };
}

/** The export's own balance in a row's cells (its balance column), or null when the cell holds no amount. */
export function exportedBalance(cells: readonly CellValue[] | null, balanceColumn: number): Cents | null {
  const parsed = parseMoney(cells === null ? null : cells[balanceColumn]);
  return parsed.kind === "value" ? parsed.value : null;
}

/**
 * Over the lines whose export's balance holds an amount: how many have a negative adjustment, and
 * how many of those agree with the export only once it counts as a reduction.
 */
export class AdjustmentSignCounts {
  withNegative = 0;
  agreeTurned = 0;

  add(line: BalanceParts, exported: Cents): void {
    const neg = negativeAdjustments(line);
    if (neg === 0) return;
    this.withNegative++;
    const balance = lineBalance(line);
    if (balance !== exported && balance + 2 * neg === exported) this.agreeTurned++;
  }

  /** Adjustments written negative: systematic when most such lines agree only once turned. */
  decide(): boolean {
    return this.withNegative > 0 && this.agreeTurned * 2 > this.withNegative;
  }
}

/**
 * Each line checked against the export's balance, one at a time, once the adjustments' sign is
 * decided (AdjustmentSignCounts): the agreeing and disagreeing lines counted, each disagreement
 * listed and warned of.
 */
export class BalanceChecker {
  /** The check so far. */
  readonly result: BalanceCheck;
  readonly issues: InputIssue[] = [];
  private readonly turn: boolean;

  constructor(private readonly column: string, private readonly sheet: string | undefined, counts: AdjustmentSignCounts) {
    this.turn = counts.decide();
    this.result = {
      column, linesChecked: 0, agreeing: 0, disagreements: 0, disagreementTotal: 0, rows: [],
      adjustmentSignsCorrected: this.turn ? counts.withNegative : 0, unsignedCreditBalances: 0,
    };
  }

  /** The line as used (adjustments turned when decided), checked against `exported` (null: no amount in the balance cell). */
  check(original: ClaimLine, exported: Cents | null): ClaimLine {
    const line = this.turn && negativeAdjustments(original) !== 0
      ? { ...original, contractualAdjustment: Math.abs(original.contractualAdjustment), otherAdjustment: Math.abs(original.otherAdjustment) }
      : original;
    if (exported === null) return line;
    const check = this.result;
    const e = exported;
    check.linesChecked++;
    const computed = lineBalance(line);
    if (computed === e) check.agreeing++;
    else if (computed < 0 && e === -computed) {
      check.agreeing++;
      check.unsignedCreditBalances++;
    } else {
      const sheet = this.sheet;
      check.disagreements++;
      check.disagreementTotal += computed - e;
      check.rows.push({ ...(sheet !== undefined ? { sheet } : {}), row: original.row, exported: e, computed });
      const issue: InputIssue = {
        row: original.row, column: this.column, severity: "warning", field: "balance",
        message: `the export's balance ${formatCents(e)} differs from charge − payments − adjustments = ${formatCents(computed)}; the computed balance is used`,
      };
      if (sheet !== undefined) issue.sheet = sheet;
      this.issues.push(issue);
    }
    return line;
  }

  /** What was corrected and found, in words. */
  notes(): string[] {
    const check = this.result;
    const column = this.column;
    const notes: string[] = [];
    if (this.turn) notes.push(`${check.adjustmentSignsCorrected} lines had their adjustments written as negative amounts (the export's Balance column shows them reducing the balance); they were read as reductions`);
    if (check.unsignedCreditBalances > 0) notes.push(`${check.unsignedCreditBalances} credit balances are written without their minus sign in column ${column} (as OpenEMR's CSV export writes them); the computed, negative balances are used`);
    if (check.disagreements > 0) notes.push(`${check.disagreements} of ${check.linesChecked} lines disagree with the export's balance (column ${column}) by ${formatCents(check.disagreementTotal)} in all; the computed balances are used and the lines are listed`);
    else if (check.linesChecked > 0) notes.push(`every line's balance agrees with the export's balance column ${column} (${check.linesChecked} lines)`);
    return notes;
  }
}
