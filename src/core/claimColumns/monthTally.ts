import { denialRatesOfClaims } from "../kpis/denialRates";
import { STATUS_DENIED, STATUS_DRAFT, type ClaimColumns } from "./claimColumns";
import { addBits, claimFlags, MONTHS_PER_PASS, rangeBits } from "./monthBits";
import type { MonthSpan } from "./monthSpan";
import { monthColumns, type MonthColumns, type MonthTally } from "./monthTallyTypes";

/** Each claim's denial flags (CLAIM_SUBMITTED, CLAIM_DENIED) and charges over one period's lines. */
interface PeriodClaims {
  flags: Uint8Array;
  charges: Float64Array;
}

/** Per pass: each claim's months as bits (any line, a submitted line, a Denied line). */
interface ClaimMasks {
  seen: Uint32Array;
  sent: Uint32Array;
  refused: Uint32Array;
}

/**
 * Tallies the lines dated in the span by month (definitions.md, "Collection rates", "Denials":
 * a claim counts once in each month it has lines, and in a period over its lines of that period),
 * in any line order: arrays per claim. One pass over the lines for up to 30 months (the report's
 * 13), one more per further 30 months. Registers that list each claim's lines together take
 * tallyMonthsClaimsTogether instead (the same tally without the arrays per claim).
 */
export function tallyMonths(cols: ClaimColumns, span: MonthSpan): MonthTally {
  const months = span.starts.length;
  const byMonth = monthColumns(months);
  const perClaim = (): PeriodClaims => ({ flags: new Uint8Array(cols.claimCount), charges: new Float64Array(cols.claimCount) });
  const current = perClaim(), previous = perClaim();
  const masks: ClaimMasks = { seen: new Uint32Array(cols.claimCount), sent: new Uint32Array(cols.claimCount), refused: new Uint32Array(cols.claimCount) };
  for (let base = 0; base < months; base += MONTHS_PER_PASS) {
    if (base > 0) for (const mask of [masks.seen, masks.sent, masks.refused]) mask.fill(0);
    passOverLines(cols, span, base, { byMonth, current, previous, masks });
    countClaims(span, base, { byMonth, current, previous, masks });
  }
  return {
    byMonth,
    currentDenials: denialRatesOfClaims(current.flags, current.charges),
    previousDenials: denialRatesOfClaims(previous.flags, previous.charges),
  };
}

/** What a pass adds to. */
interface PassTally {
  byMonth: MonthColumns;
  current: PeriodClaims;
  previous: PeriodClaims;
  masks: ClaimMasks;
}

/** One pass: money by month and claim charges by period (first pass only), claim masks of months base … base + 29. */
function passOverLines(cols: ClaimColumns, span: MonthSpan, base: number, tally: PassTally): void {
  const { dateOfService, charge, payments: paid, contractualAdjustment, balance, claim, status } = cols;
  const { firstDay, lastDay, monthOfDay } = span;
  const { charges, payments, contractual, balances } = tally.byMonth;
  const { seen, sent, refused } = tally.masks;
  const withMoney = base === 0;
  const currentFrom = span.current.first, previousFrom = span.previous.first, previousTo = span.previous.last;
  const currentCharges = tally.current.charges, previousCharges = tally.previous.charges;
  for (let i = 0; i < dateOfService.length; i++) {
    const dos = dateOfService[i];
    if (!(dos >= firstDay && dos <= lastDay)) continue;
    const m = monthOfDay[dos - firstDay];
    const c = claim[i];
    if (withMoney) {
      const amount = charge[i];
      charges[m] += amount;
      payments[m] += paid[i];
      contractual[m] += contractualAdjustment[i];
      balances[m] += balance[i];
      if (m >= currentFrom) currentCharges[c] += amount;
      if (m >= previousFrom && m <= previousTo) previousCharges[c] += amount;
    }
    const bit = m - base;
    if (bit < 0 || bit >= MONTHS_PER_PASS) continue;
    const mask = 1 << bit;
    seen[c] |= mask;
    const s = status[i];
    if (s !== STATUS_DRAFT) sent[c] |= mask;
    if (s === STATUS_DENIED) refused[c] |= mask;
  }
}

/** The claims of one pass: counted per month, and flagged per period. */
function countClaims(span: MonthSpan, base: number, tally: PassTally): void {
  const { seen, sent, refused } = tally.masks;
  const { visits, submitted, denied } = tally.byMonth;
  const currentBits = rangeBits(span.current, base), previousBits = rangeBits(span.previous, base);
  const currentFlags = tally.current.flags, previousFlags = tally.previous.flags;
  for (let g = 0; g < seen.length; g++) {
    if (seen[g] === 0) continue;
    const s = sent[g], r = refused[g];
    addBits(seen[g], visits, base);
    addBits(s, submitted, base);
    addBits(r, denied, base);
    currentFlags[g] |= claimFlags(s & currentBits, r & currentBits);
    previousFlags[g] |= claimFlags(s & previousBits, r & previousBits);
  }
}
