import { DEFAULT_AGING_BUCKETS } from "../aging/agingBuckets";
import type { ArAging } from "../aging/arAging";
import { arAgingOfBalances } from "../aging/arAgingOfBalances";
import type { ClaimColumns } from "./claimColumns";

/** arAging (definitions.md, "A/R and aging") by date of service with the default buckets, over columns. */
export function agingFromColumns(cols: ClaimColumns): ArAging {
  return arAgingOfBalances(cols.dateOfService, cols.balance, cols.dateOfService.length, cols.asOf, DEFAULT_AGING_BUCKETS);
}
