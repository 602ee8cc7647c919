import { CLAIM_DENIED as DENIED, CLAIM_SUBMITTED as SUBMITTED } from "../kpis/denialRates";
import { STATUS_DENIED, STATUS_DRAFT, type ClaimColumns } from "./claimColumns";
import type { MonthRange, MonthSpan } from "./monthSpan";

/** Months whose claims are tallied per pass over the lines: one bit of a claim's masks per month. */
const MONTHS_PER_PASS = 30;

/** Each claim's denial flags (CLAIM_SUBMITTED, CLAIM_DENIED) and charges over one period's lines. */
export interface PeriodClaims {
  flags: Uint8Array;
  charges: Float64Array;
}

/** The month span tallied: money per month (integer cents), claims per month, claims per period. */
export interface MonthTally {
  charges: Float64Array;
  payments: Float64Array;
  contractual: Float64Array;
  /** Σ balance; other adjustments = charges − payments − contractual − balances. */
  balances: Float64Array;
  /** Claims with a line in the month; with a submitted (not Draft) line; with a Denied line. */
  visits: Float64Array;
  submitted: Float64Array;
  denied: Float64Array;
  current: PeriodClaims;
  previous: PeriodClaims;
}

/** Per pass: each claim's months as bits (any line, a submitted line, a Denied line). */
interface ClaimMasks {
  seen: Uint32Array;
  sent: Uint32Array;
  refused: Uint32Array;
}

/**
 * Tallies the lines dated in the span by month (definitions.md, "Collection rates", "Denials":
 * a claim counts once in each month it has lines, and in a period over its lines of that period).
 * One pass over the lines for up to 30 months (the report's 13), one more per further 30 months.
 */
export function tallyMonths(cols: ClaimColumns, span: MonthSpan): MonthTally {
  const months = span.starts.length;
  const perMonth = (): Float64Array => new Float64Array(months);
  const perClaim = (): PeriodClaims => ({ flags: new Uint8Array(cols.claimCount), charges: new Float64Array(cols.claimCount) });
  const tally: MonthTally = {
    charges: perMonth(), payments: perMonth(), contractual: perMonth(), balances: perMonth(),
    visits: perMonth(), submitted: perMonth(), denied: perMonth(), current: perClaim(), previous: perClaim(),
  };
  const masks: ClaimMasks = { seen: new Uint32Array(cols.claimCount), sent: new Uint32Array(cols.claimCount), refused: new Uint32Array(cols.claimCount) };
  for (let base = 0; base < months; base += MONTHS_PER_PASS) {
    if (base > 0) for (const mask of [masks.seen, masks.sent, masks.refused]) mask.fill(0);
    passOverLines(cols, span, base, tally, masks);
    countClaims(masks, span, base, tally);
  }
  return tally;
}

/** One pass: money by month and claim charges by period (first pass only), claim masks of months base … base + 29. */
function passOverLines(cols: ClaimColumns, span: MonthSpan, base: number, tally: MonthTally, masks: ClaimMasks): void {
  const { dateOfService, charge, payments: paid, contractualAdjustment, balance, claim, status } = cols;
  const { firstDay, lastDay, monthOfDay } = span;
  const { charges, payments, contractual, balances } = tally;
  const { seen, sent, refused } = masks;
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
function countClaims(masks: ClaimMasks, span: MonthSpan, base: number, tally: MonthTally): void {
  const { seen, sent, refused } = masks;
  const currentBits = rangeBits(span.current, base), previousBits = rangeBits(span.previous, base);
  const currentFlags = tally.current.flags, previousFlags = tally.previous.flags;
  for (let g = 0; g < seen.length; g++) {
    if (seen[g] === 0) continue;
    const s = sent[g], r = refused[g];
    addBits(seen[g], tally.visits, base);
    addBits(s, tally.submitted, base);
    addBits(r, tally.denied, base);
    currentFlags[g] |= claimFlags(s & currentBits, r & currentBits);
    previousFlags[g] |= claimFlags(s & previousBits, r & previousBits);
  }
}

/** A claim's flags from its masks in a period: submitted with any submitted line, denied with any Denied line. */
function claimFlags(sentBits: number, refusedBits: number): number {
  return (sentBits !== 0 ? SUBMITTED : 0) | (refusedBits !== 0 ? DENIED : 0);
}

/** The bits of the months of `range` among months base … base + 29. */
function rangeBits(range: MonthRange, base: number): number {
  let bits = 0;
  for (let m = Math.max(range.first, base); m <= range.last && m < base + MONTHS_PER_PASS; m++) bits |= 1 << (m - base);
  return bits;
}

/** Adds 1 to counts[base + m] for each bit m set in `mask`. */
function addBits(mask: number, counts: Float64Array, base: number): void {
  let rest = mask;
  while (rest !== 0) {
    const low = rest & -rest;
    counts[base + 31 - Math.clz32(low)]++;
    rest ^= low;
  }
}
