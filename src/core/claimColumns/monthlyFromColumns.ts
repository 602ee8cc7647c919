import { firstOfMonth, lastOfMonth, type Day } from "../dates/day";
import { ratio } from "../money/ratio";
import type { MonthFigures } from "../report/monthlyTrend";
import { STATUS_DENIED, STATUS_DRAFT, type ClaimColumns } from "./claimColumns";

/** Months tallied per pass: one bit of a claim's masks per month. */
const MONTHS_PER_PASS = 30;

/**
 * monthlyTrend (the period month by month, by date of service) over columns: per month the
 * charges, payments and net collection rate of its lines (definitions.md, "Collection rates"),
 * its visits (distinct claims with a line in the month) and its denial rate by claims (HFMA,
 * definitions.md "Denials", each claim counted over its lines of that month only). A claim's
 * months are bits of three masks (any line, a submitted line, a Denied line), so a claim whose
 * lines fall in several months counts once in each, as monthlyTrend counts it.
 */
export function monthlyFromColumns(cols: ClaimColumns): MonthFigures[] {
  const { period, periodIndexes, dateOfService, charge, payments: paid, contractualAdjustment } = cols;
  const starts: Day[] = [];
  for (let m = firstOfMonth(period.from); m <= period.to; m = lastOfMonth(m) + 1) starts.push(m);
  const months = starts.length;
  const first = starts[0] ?? period.from;
  // Month of each day of the period (period lines only have DOS in it).
  const monthOfDay = new Int32Array(Math.max(0, period.to - first + 1));
  for (let m = 0; m < months; m++) monthOfDay.fill(m, starts[m] - first, m + 1 < months ? starts[m + 1] - first : monthOfDay.length);
  const charges = new Float64Array(months), payments = new Float64Array(months), contractual = new Float64Array(months);
  const visits = new Float64Array(months), submitted = new Float64Array(months), denied = new Float64Array(months);
  for (let k = 0; k < periodIndexes.length; k++) {
    const i = periodIndexes[k];
    const m = monthOfDay[dateOfService[i] - first];
    charges[m] += charge[i];
    payments[m] += paid[i];
    contractual[m] += contractualAdjustment[i];
  }
  for (let base = 0; base < months; base += MONTHS_PER_PASS) countClaimsByMonth(cols, monthOfDay, first, base, { visits, submitted, denied });
  return starts.map((month, m) => ({
    month,
    charges: charges[m],
    payments: payments[m],
    visits: visits[m],
    netCollectionRate: ratio(payments[m], charges[m] - contractual[m]),
    denialRate: ratio(denied[m], submitted[m]),
  }));
}

/** Per month counts of claims: with any line, with a submitted line, with a Denied line. */
interface ClaimCounts {
  visits: Float64Array;
  submitted: Float64Array;
  denied: Float64Array;
}

/**
 * Adds to `out` the claims of months base … base + MONTHS_PER_PASS − 1: each claim's months are
 * bits of three masks (any line, a submitted line, a Denied line), then counted bit by bit.
 */
function countClaimsByMonth(cols: ClaimColumns, monthOf: Int32Array, firstDay: number, base: number, out: ClaimCounts): void {
  const { periodIndexes, dateOfService, claim, status } = cols;
  const seen = new Uint32Array(cols.claimCount), sent = new Uint32Array(cols.claimCount), refused = new Uint32Array(cols.claimCount);
  for (let k = 0; k < periodIndexes.length; k++) {
    const i = periodIndexes[k];
    const m = monthOf[dateOfService[i] - firstDay] - base;
    if (m < 0 || m >= MONTHS_PER_PASS) continue;
    const bit = 1 << m;
    const g = claim[i];
    seen[g] |= bit;
    const s = status[i];
    if (s !== STATUS_DRAFT) sent[g] |= bit;
    if (s === STATUS_DENIED) refused[g] |= bit;
  }
  for (let g = 0; g < seen.length; g++) {
    addBits(seen[g], out.visits, base);
    addBits(sent[g], out.submitted, base);
    addBits(refused[g], out.denied, base);
  }
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
