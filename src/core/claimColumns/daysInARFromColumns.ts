import type { DaysInAR } from "../aging/daysInAR";
import { Money } from "../money/cents";
import { ratio } from "../money/ratio";
import type { ClaimColumns } from "./claimColumns";

/** daysInAR (definitions.md, "Days in A/R") with the default 90-day window, over columns. */
export function daysInARFromColumns(cols: ClaimColumns, windowDays = 90): DaysInAR {
  const { asOf, dateOfService, balance, charge } = cols;
  const windowStart = asOf - (windowDays - 1);
  let arTotal = 0;
  let windowCharges = 0;
  for (let i = 0; i < dateOfService.length; i++) {
    const dos = dateOfService[i];
    if (dos > asOf) continue;
    arTotal += balance[i];
    if (dos >= windowStart) windowCharges += charge[i];
  }
  return {
    arTotal, windowCharges, windowDays,
    averageDailyCharges: new Money(windowCharges).dividedBy(windowDays * 100),
    daysInAR: ratio(new Money(arTotal).times(windowDays), windowCharges),
  };
}
