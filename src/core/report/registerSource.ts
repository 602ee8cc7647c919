import type { ClaimsRegisterRead } from "../import/readClaimsRegister";
import { sourceSummaryJson, type SourceSummaryJson } from "./sourceSummary";

/**
 * The source facts of one register read (layout, each field's column or none, columns not used,
 * money fields without a column, ambiguities, balance check, assumptions), in the same shape as the
 * report's `summary.source`, for a host that reads a sheet without making a report (Convert).
 */
export function registerSourceSummary(read: ClaimsRegisterRead, sheet: string): SourceSummaryJson {
  return sourceSummaryJson({
    name: `sheet "${sheet}"`,
    columns: read.source,
    balanceCheck: read.balanceCheck,
    balancesAsOf: read.balancesAsOf ?? "export",
    otherSheets: [],
    notes: [],
  });
}
