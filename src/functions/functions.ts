/* Practice Ledger custom functions (namespace PRACTICE).
 * Each function is declared once, here: its JSDoc is the Excel help text and, through the
 * custom-functions-metadata plugin, the generated functions.json. The bodies only read arguments,
 * call src/core and map errors (see excelError.ts): no figure is computed in this folder. */

import { lineBalance } from "../core/claims/balance";
import { centsToNumber } from "../core/money/cents";
import { moneyArg } from "./cellReaders";
import { guarded } from "./excelError";
import { expectedFeeValue, feeVarianceValue, lineFromArgs, mpfsValue, underpaidTable } from "./feeSchedule";
import {
  ageBucketLabel,
  arAgingTable,
  collectionRateValue,
  daysInARValue,
  daysToPayResult,
  denialRateValue,
  payerMixTable,
} from "./revenueCycle";

/**
 * Balance of one claim line: charge minus insurance paid, patient paid, contractual and other adjustments.
 * @customfunction BALANCE
 * @param charge Billed charge of the line.
 * @param [insurancePaid] Payments received from payers (blank = 0).
 * @param [patientPaid] Payments received from the patient (blank = 0).
 * @param [contractualAdjustment] Contractual write-down (blank = 0).
 * @param [otherAdjustment] Every other write-off (blank = 0).
 * @returns The balance in dollars, exact to the cent; negative is a credit balance.
 */
export function balance(charge: any, insurancePaid?: any, patientPaid?: any, contractualAdjustment?: any, otherAdjustment?: any): any {
  return guarded(() =>
    centsToNumber(
      lineBalance({
        charge: moneyArg(charge, "charge"),
        insurancePaid: moneyArg(insurancePaid, "insurancePaid", 0),
        patientPaid: moneyArg(patientPaid, "patientPaid", 0),
        contractualAdjustment: moneyArg(contractualAdjustment, "contractualAdjustment", 0),
        otherAdjustment: moneyArg(otherAdjustment, "otherAdjustment", 0),
      }),
    ),
  );
}

/* ---------------------------------------------------------------- fee schedule */

/**
 * Medicare fee schedule amount: [(work RVU x work GPCI) + (PE RVU x PE GPCI) + (MP RVU x MP GPCI)] x conversion factor, computed exactly and rounded to the cent, half up. Blank or text that is not a number, or a negative value, is #VALUE!.
 * @customfunction MPFS
 * @param workRVU Work relative value units of the code.
 * @param peRVU Practice expense RVUs (non-facility for the office, POS 11; facility for hospital settings).
 * @param mpRVU Malpractice (professional liability) RVUs.
 * @param workGPCI Work geographic practice cost index of the locality.
 * @param peGPCI Practice expense GPCI of the locality.
 * @param mpGPCI Malpractice GPCI of the locality.
 * @param [conversionFactor] Dollars per RVU (blank = CY2026 non-qualifying APM 33.4009; qualifying APM 33.5675; CY2025 32.3465).
 * @returns The Medicare amount in dollars, to the cent.
 */
export function mpfs(workRVU: any, peRVU: any, mpRVU: any, workGPCI: any, peGPCI: any, mpGPCI: any, conversionFactor?: any): any {
  return guarded(() => mpfsValue({ work: workRVU, pe: peRVU, mp: mpRVU }, { work: workGPCI, pe: peGPCI, mp: mpGPCI }, conversionFactor));
}

/**
 * Expected allowed amount of a line from a fee schedule range: rate x units, where a row for one of the line's modifiers wins, else modifier 50 = 150 %, 51 = 50 %, 80/81/82 = 16 %, AS = 13.6 %; percent-of-Medicare rows take the amount of the range's own "Medicare" row for the code. Rounded once to the cent. The range's first row may be a header (Payer, CPT, Modifier, Amount, % of Medicare, matched by name) or the columns are taken in that order; blank rows are skipped; a row that cannot be read (text or an error value in Amount, no payer, no rate) is #VALUE! naming it; no matching rate is #N/A.
 * @customfunction EXPECTEDFEE
 * @param feeSchedule Fee schedule range: Payer, CPT, Modifier, Amount, % of Medicare (with or without its header row).
 * @param payer Payer of the line, as named in the fee schedule (case and spaces ignored).
 * @param cpt CPT or HCPCS code of the line.
 * @param [modifiers] Modifiers of the line, e.g. "26" or "50, 51" (blank = none).
 * @param [units] Units billed (blank = 1).
 * @param [placeOfService] Place of service code, e.g. 11 (blank = office rates).
 * @returns The expected allowed amount in dollars, to the cent.
 */
export function expectedFee(feeSchedule: any[][], payer: any, cpt: any, modifiers?: any, units?: any, placeOfService?: any): any {
  return guarded(() => expectedFeeValue(feeSchedule, () => lineFromArgs(payer, cpt, modifiers, units, placeOfService)));
}

/**
 * Variance of a line's actual allowed amount from the fee schedule: actual allowed - expected allowed (negative = underpaid). Reads the fee schedule as PRACTICE.EXPECTEDFEE does (#N/A when no rate matches, #VALUE! naming an unreadable row); a blank or unreadable actualAllowed is #VALUE!.
 * @customfunction FEEVARIANCE
 * @param actualAllowed Allowed amount the payer actually applied (the allowed column, or charge minus contractual adjustment).
 * @param feeSchedule Fee schedule range: Payer, CPT, Modifier, Amount, % of Medicare (with or without its header row).
 * @param payer Payer of the line, as named in the fee schedule.
 * @param cpt CPT or HCPCS code of the line.
 * @param [modifiers] Modifiers of the line, e.g. "26" or "50, 51" (blank = none).
 * @param [units] Units billed (blank = 1).
 * @param [placeOfService] Place of service code, e.g. 11.
 * @returns Actual minus expected allowed, in dollars, to the cent.
 */
export function feeVariance(actualAllowed: any, feeSchedule: any[][], payer: any, cpt: any, modifiers?: any, units?: any, placeOfService?: any): any {
  return guarded(() => feeVarianceValue(actualAllowed, feeSchedule, () => lineFromArgs(payer, cpt, modifiers, units, placeOfService)));
}

/**
 * Lines paid off the fee schedule. The register range must start with its header row (e.g. Claims[#All]); columns are found by header name (claim, DOS, payer, charge, insurance paid, contractual adj, allowed, CPT, modifiers, units, POS, status). Spills Row | Claim | CPT | Payer | Expected | Actual | Variance, one row per adjudicated line whose variance is beyond the tolerance (underpaid first, most underpaid first, then overpaid), and a last row "Underpaid total" with the amount to recover. Denied lines are not checked. Register rows that cannot be read (blank or text dates, text or error values in amounts) are left out and the last row says how many, with the first one's reason, and how many lines had no rate. An unreadable fee schedule row is #VALUE!.
 * @customfunction UNDERPAID
 * @param register Claims register range including its header row.
 * @param feeSchedule Fee schedule range: Payer, CPT, Modifier, Amount, % of Medicare (with or without its header row).
 * @param [tolerance] Variance in dollars still counted as paid right (blank = 0.00).
 * @returns A table of under- and overpaid lines ending with the underpaid total.
 */
export function underpaid(register: any[][], feeSchedule: any[][], tolerance?: any): any[][] {
  return guarded(() => underpaidTable(register, feeSchedule, tolerance)) as any[][];
}

/* ---------------------------------------------------------------- revenue cycle */

/**
 * Aging bucket of one line ("0-30", "31-60", "61-90", "91-120", "121+"): age = as-of date - date of service. A blank date of service gives a blank; text that is not a date or an error value is #VALUE!; a date of service after the as-of date is #N/A.
 * @customfunction AGEBUCKET
 * @param dateOfService Date of service of the line.
 * @param asOf As-of date, e.g. DATE(2026,10,31).
 * @param [bucketBounds] Upper bounds of the buckets in days, e.g. {30,60,90,120} (blank = MGMA buckets).
 * @returns The bucket label.
 */
export function ageBucket(dateOfService: any, asOf: any, bucketBounds?: any[][]): any {
  return guarded(() => ageBucketLabel(dateOfService, asOf, bucketBounds));
}

/**
 * A/R aging at the as-of date: spills Bucket | Amount | Share | Lines with a header row and a Total row (Lines counts non-zero balances); with payers, a matrix Payer | each bucket | Total, one row per payer (case and spaces ignored) and a Total row. Credit balances are netted in. Lines dated after the as-of date are not aged; a last row counts them. A header row at the top of the ranges is skipped; a row blank in every range is skipped; a blank balance is 0; a blank date with a non-zero balance, text that is not an amount or date, or an error value is #VALUE! naming the cell. A blank payer shows as "(no payer)".
 * @customfunction ARAGING
 * @param balances Balance of each line (charge less payments and adjustments).
 * @param datesOfService Date of service of each line, same rows as balances.
 * @param asOf As-of date, e.g. DATE(2026,10,31).
 * @param [bucketBounds] Upper bounds of the buckets in days, e.g. {30,60,90,120} (blank = MGMA buckets).
 * @param [payers] Payer of each line: gives the per-payer matrix instead.
 * @returns The aging table.
 */
export function arAging(balances: any[][], datesOfService: any[][], asOf: any, bucketBounds?: any[][], payers?: any[][]): any[][] {
  return guarded(() => arAgingTable(balances, datesOfService, asOf, bucketBounds, payers)) as any[][];
}

/**
 * Days in A/R = A/R total / average daily charges, where average daily charges = charges dated in the window ending on the as-of date / window days. A header row at the top is skipped; a row blank in every range is skipped; a blank amount is 0; a blank date with a non-zero balance or charge, text that is not an amount or date, or an error value is #VALUE! naming the cell. No charges in the window is #DIV/0!; a window under 1 day is #NUM!.
 * @customfunction DAYSINAR
 * @param balances Balance of each line.
 * @param datesOfService Date of service of each line.
 * @param charges Billed charge of each line.
 * @param asOf As-of date, e.g. DATE(2026,10,31).
 * @param [windowDays] Days of charges averaged (blank = 90; MGMA uses 365).
 * @returns Days in A/R.
 */
export function daysInAR(balances: any[][], datesOfService: any[][], charges: any[][], asOf: any, windowDays?: any): any {
  return guarded(() => daysInARValue(balances, datesOfService, charges, asOf, windowDays));
}

/**
 * Collection rate of the lines given: net = payments / (charges - contractual adjustments) by default, gross = payments / charges. Payments may be two columns (insurance and patient): every cell is added. Net without adjustments is #VALUE! (pass the adjustments, or TRUE for gross). A header row at the top is skipped; blank rows are skipped; a blank amount is 0; text that is not an amount or an error value is #VALUE! naming the cell; a zero denominator is #DIV/0!.
 * @customfunction COLLECTIONRATE
 * @param payments Payments of each line: one column, or insurance and patient columns.
 * @param charges Billed charge of each line.
 * @param [contractualAdjustments] Contractual adjustment of each line (needed for the net rate).
 * @param [gross] TRUE for the gross rate (blank = FALSE, the net rate).
 * @returns The collection rate as a fraction (0.95 = 95 %).
 */
export function collectionRate(payments: any[][], charges: any[][], contractualAdjustments?: any[][], gross?: any): any {
  return guarded(() => collectionRateValue(payments, charges, contractualAdjustments, gross));
}

/**
 * Denial rate: denied claims / submitted claims, or by dollars the charges of denied claims / charges of submitted claims. Lines are grouped into claims by claim number; a claim is submitted when any line's status is not Draft (a blank status counts as submitted) and denied when any line is Denied. A header row at the top is skipped; blank rows are skipped; a blank claim number, an unknown status, text in charges or an error value is #VALUE! naming the cell; no submitted claim is #DIV/0!.
 * @customfunction DENIALRATE
 * @param claimIds Claim number of each line.
 * @param statuses Status of each line (Draft, Submitted, Paid, Partially paid, Denied, Appealed, Written off, Closed).
 * @param [charges] Billed charge of each line (needed by dollars).
 * @param [byDollars] TRUE for the rate by dollars (blank = FALSE, by claims).
 * @returns The denial rate as a fraction.
 */
export function denialRate(claimIds: any[][], statuses: any[][], charges?: any[][], byDollars?: any): any {
  return guarded(() => denialRateValue(claimIds, statuses, charges, byDollars));
}

/**
 * Days from a start date (submission, or date of service) to payment, over the lines with a payment date: the average (or the median) as a number; with payers, spills Payer | Paid lines | Average days | Median days and an "All payers" row. Lines without a payment date are not paid yet and are skipped. A header row at the top is skipped; blank rows are skipped; a blank start date with a payment date, a payment before its start, text that is not a date or an error value is #VALUE! naming the cell; no paid line is #DIV/0!.
 * @customfunction DAYSTOPAY
 * @param startDates Submission date (or date of service) of each line.
 * @param paymentDates Payment date of each line (blank = not paid yet).
 * @param [payers] Payer of each line: gives the per-payer table instead.
 * @param [median] TRUE for the median instead of the average (blank = FALSE).
 * @returns Days to pay, or a table per payer.
 */
export function daysToPay(startDates: any[][], paymentDates: any[][], payers?: any[][], median?: any): any[][] {
  return guarded(() => {
    const result = daysToPayResult(startDates, paymentDates, payers, median);
    return typeof result === "number" ? [[result]] : result;
  }) as any[][];
}

/**
 * Payer mix: spills Payer | Charges | Share of charges | Payments | Share of payments | Collection ratio (payments / charges), one row per payer (names compared ignoring case and spaces, shown as first written), largest charges first, with a header row and a Total row. Payments may be two columns (insurance and patient). A header row at the top is skipped; blank rows are skipped; a blank amount is 0; a blank payer shows as "(no payer)"; text that is not an amount or an error value is #VALUE! naming the cell. A share with a zero total is blank.
 * @customfunction PAYERMIX
 * @param payers Payer of each line.
 * @param charges Billed charge of each line.
 * @param payments Payments of each line: one column, or insurance and patient columns.
 * @returns The payer mix table.
 */
export function payerMix(payers: any[][], charges: any[][], payments: any[][]): any[][] {
  return guarded(() => payerMixTable(payers, charges, payments)) as any[][];
}
