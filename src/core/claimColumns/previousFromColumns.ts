import { firstOfMonth, type Day } from "../dates/day";
import type { CollectionRates } from "../kpis/collectionRates";
import type { DenialRates } from "../kpis/denialRates";
import { reportingPeriod } from "../kpis/reportingPeriod";
import type { ClaimColumns } from "./claimColumns";
import { collectionOfIndexes } from "./collectionFromColumns";
import { denialsOfIndexes } from "./denialsFromColumns";

/**
 * previousPeriodFigures over columns: the collection and denial rates of the 12 months ending
 * with the month before the as-of month, from the same register (for the tiles' change vs last month).
 */
export function previousFromColumns(cols: ClaimColumns): { asOf: Day; collections: CollectionRates; denials: DenialRates } {
  const previousAsOf: Day = firstOfMonth(cols.asOf) - 1;
  const { from, to } = reportingPeriod(previousAsOf);
  const dos = cols.dateOfService;
  const indexes = new Int32Array(dos.length);
  let n = 0;
  for (let i = 0; i < dos.length; i++) if (dos[i] >= from && dos[i] <= to) indexes[n++] = i;
  const lines = indexes.subarray(0, n);
  return { asOf: previousAsOf, collections: collectionOfIndexes(cols, lines), denials: denialsOfIndexes(cols, lines) };
}
