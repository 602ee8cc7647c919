import { denialRatesOfTotals } from "../kpis/denialRates";
import { STATUS_DENIED, STATUS_DRAFT, type ClaimColumns } from "./claimColumns";
import { addBits, MONTHS_PER_PASS, rangeBits } from "./monthBits";
import type { MonthSpan } from "./monthSpan";
import { monthColumns, type MonthColumns, type MonthTally } from "./monthTallyTypes";

/** A claim being read (its claim group, −1 before the first): its months as bits (any line, a submitted line, a Denied line) and its charges per period. */
interface OpenClaim {
  group: number;
  seen: number;
  sent: number;
  refused: number;
  currentCharges: number;
  previousCharges: number;
}

/** Per period: submitted claims, denied claims, submitted charges, denied charges (at 0 the period, at 4 the previous). */
type DenialTotals = Float64Array;

/**
 * tallyMonths for a register that lists each claim's lines together (claimsListedTogether) over
 * a span of at most 30 months: one pass, the claim being read kept in one small record and counted when
 * the next claim starts, so no arrays per claim (690,000 claims in a million lines).
 */
export function tallyMonthsClaimsTogether(cols: ClaimColumns, span: MonthSpan): MonthTally {
  const tally = new MonthTallyClaimsTogether(span);
  tally.add(cols);
  return tally.finish();
}

/**
 * tallyMonthsClaimsTogether over chunks of the register, in order: the claim being read when a
 * chunk ends stays open into the next. State: the months, 8 totals and the open claim.
 */
export class MonthTallyClaimsTogether {
  private readonly byMonth: MonthColumns;
  private readonly totals: DenialTotals = new Float64Array(8);
  private readonly open: OpenClaim = { group: -1, seen: 0, sent: 0, refused: 0, currentCharges: 0, previousCharges: 0 };

  constructor(private readonly span: MonthSpan) {
    if (span.starts.length > MONTHS_PER_PASS) throw new RangeError(`at most ${MONTHS_PER_PASS} months in one pass`);
    this.byMonth = monthColumns(span.starts.length);
  }

  add(cols: ClaimColumns): void {
    addLines(cols, this.span, this.byMonth, this.totals, this.open);
  }

  finish(): MonthTally {
    const { span, byMonth, totals, open } = this;
    closeClaim(open, byMonth, totals, rangeBits(span.current, 0), rangeBits(span.previous, 0));
    open.group = -1;
    return {
      byMonth,
      currentDenials: denialRatesOfTotals(totals[0], totals[1], totals[2], totals[3]),
      previousDenials: denialRatesOfTotals(totals[4], totals[5], totals[6], totals[7]),
    };
  }
}

/**
 * The pass over the lines, in a function of its own that ends with the loop: V8 compiles a long
 * loop while it runs, and code after it that only the compiled loop reached first (the last
 * claim's count, the result) sent it back to the interpreter on every call.
 */
function addLines(cols: ClaimColumns, span: MonthSpan, byMonth: MonthColumns, totals: DenialTotals, open: OpenClaim): void {
  const { dateOfService, charge, payments: paid, contractualAdjustment, balance, claim, status } = cols;
  const { firstDay, lastDay, monthOfDay } = span;
  const { charges, payments, contractual, balances } = byMonth;
  const currentBits = rangeBits(span.current, 0), previousBits = rangeBits(span.previous, 0);
  let openGroup = open.group;
  for (let i = 0; i < dateOfService.length; i++) {
    const dos = dateOfService[i];
    if (!(dos >= firstDay && dos <= lastDay)) continue;
    const m = monthOfDay[dos - firstDay];
    const amount = charge[i];
    charges[m] += amount;
    payments[m] += paid[i];
    contractual[m] += contractualAdjustment[i];
    balances[m] += balance[i];
    if (claim[i] !== openGroup) {
      closeClaim(open, byMonth, totals, currentBits, previousBits);
      open.group = openGroup = claim[i];
    }
    const bit = 1 << m;
    open.seen |= bit;
    const s = status[i];
    if (s !== STATUS_DRAFT) open.sent |= bit;
    if (s === STATUS_DENIED) open.refused |= bit;
    if ((currentBits & bit) !== 0) open.currentCharges += amount;
    if ((previousBits & bit) !== 0) open.previousCharges += amount;
  }
}

/** Counts the claim read so far (if any) in its months and periods, and empties it for the next. */
function closeClaim(open: OpenClaim, byMonth: MonthColumns, totals: DenialTotals, currentBits: number, previousBits: number): void {
  if (open.seen === 0) return;
  addBits(open.seen, byMonth.visits, 0);
  addBits(open.sent, byMonth.submitted, 0);
  addBits(open.refused, byMonth.denied, 0);
  addClaim(totals, 0, open.sent & currentBits, open.refused & currentBits, open.currentCharges);
  addClaim(totals, 4, open.sent & previousBits, open.refused & previousBits, open.previousCharges);
  open.seen = open.sent = open.refused = 0;
  open.currentCharges = open.previousCharges = 0;
}
/** A claim in a period's denial totals: submitted with a submitted line there, denied with a Denied line there. */
function addClaim(totals: DenialTotals, at: number, sentBits: number, refusedBits: number, claimCharges: number): void {
  if (sentBits === 0) return;
  totals[at]++;
  totals[at + 2] += claimCharges;
  if (refusedBits !== 0) {
    totals[at + 1]++;
    totals[at + 3] += claimCharges;
  }
}
