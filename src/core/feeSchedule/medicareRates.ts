import Decimal from "decimal.js";
import { dollarsFromCents } from "../money/cents";
import type { FeeScheduleRow } from "./feeScheduleRow";
import { normalizeCpt, payerKey } from "./keys";
import { medicareAmount, type RvuComponents } from "./medicareAmount";
import { practiceExpenseSetting } from "./placeOfService";
import { isMedicarePayer } from "./isMedicarePayer";

/**
 * The Medicare amount in dollars (exact, unrounded) for a code at a place of service, or null when
 * there is none. Percent-of-Medicare fee schedule rows are priced with it.
 */
export type MedicareRates = (cpt: string, placeOfService: string | null) => Decimal | null;

/**
 * Medicare amounts taken from the schedule itself: the fixed rows, without modifier, of the payer
 * named `medicarePayerName` (compared trimmed and case-insensitively), or by default of traditional
 * Medicare under any spelling ("Medicare", "Medicare Part B", "MEDICARE B": isMedicarePayer).
 * Such a row has one amount for every place of service.
 */
export function medicareRatesFromSchedule(rows: readonly FeeScheduleRow[], medicarePayerName?: string): MedicareRates {
  const wanted = medicarePayerName === undefined ? null : payerKey(medicarePayerName);
  const amounts = new Map<string, Decimal>();
  for (const row of rows) {
    if (row.kind !== "fixed" || row.amount === null || row.modifier !== null) continue;
    if (wanted !== null ? payerKey(row.payer) !== wanted : !isMedicarePayer(row.payer)) continue;
    const cpt = normalizeCpt(row.cpt);
    if (!amounts.has(cpt)) amounts.set(cpt, dollarsFromCents(row.amount)); // the first row wins
  }
  return (cpt) => amounts.get(normalizeCpt(cpt)) ?? null;
}

/** One code of the PFS relative value file. A null PE RVU means the code is not priced in that setting ("NA"). */
export interface RvuRow {
  cpt: string;
  work: Decimal.Value;
  nonFacilityPE: Decimal.Value | null;
  facilityPE: Decimal.Value | null;
  malpractice: Decimal.Value;
}

/**
 * Medicare amounts computed from RVUs with one locality's GPCIs and a conversion factor
 * (definitions.md: POS 11 takes the non-facility PE RVU, hospital settings the facility PE RVU;
 * see practiceExpenseSetting). Amounts are computed once per code, exact; the first row of a code
 * wins. Inputs must be numbers or numeric strings (decimal.js throws on anything else).
 */
export function medicareRatesFromRvus(
  rvuRows: readonly RvuRow[],
  gpcis: RvuComponents,
  conversionFactor: Decimal.Value,
): MedicareRates {
  const amounts = new Map<string, { facility: Decimal | null; nonFacility: Decimal | null }>();
  for (const r of rvuRows) {
    const cpt = normalizeCpt(r.cpt);
    if (amounts.has(cpt)) continue;
    const priced = (pe: Decimal.Value | null): Decimal | null =>
      pe === null ? null : medicareAmount({ work: r.work, practiceExpense: pe, malpractice: r.malpractice }, gpcis, conversionFactor);
    amounts.set(cpt, { facility: priced(r.facilityPE), nonFacility: priced(r.nonFacilityPE) });
  }
  return (cpt, placeOfService) => {
    const a = amounts.get(normalizeCpt(cpt));
    if (a === undefined) return null;
    return practiceExpenseSetting(placeOfService) === "facility" ? a.facility : a.nonFacility;
  };
}

