/* Practice Ledger custom functions (namespace PRACTICE).
 * Each function is declared once, here: its JSDoc is the Excel help text and, through the
 * custom-functions-metadata plugin, the generated functions.json. The bodies only read arguments,
 * call src/core and map errors (see excelError.ts): no figure is computed in this folder.
 * Every argument is first made plain (excelArguments.ts): a formatted number or a plain data type
 * gives its value, an entity or image is refused naming the cell, a number no cell can hold is
 * refused; a result past 90 trillion (beyond exact cents) is #VALUE! with the reason.
 * Single-value functions RETURN their error (guarded); spilling functions THROW the error of the
 * whole result (guardedMatrix) and return per-cell errors only where their help says so. */

import { lineBalance } from "../core/claims/balance";
import { centsToNumber } from "../core/money/cents";
import { favorableCells, forecastCells, runRateCells, varianceCells, variancePctCells } from "./budget";
import { moneyArg } from "./cellReaders";
import { excelArguments } from "./excelArguments";
import { guarded, guardedMatrix } from "./excelError";
import { employerTaxesResult, fteValue, grossPayValue, overtimeResult } from "./payroll";
import { expectedFeeValue, feeVarianceValue, lineFromArgs, mpfsValue, underpaidTable } from "./feeSchedule";
import { ageBucketLabel, arAgingTable, collectionRateValue, daysInARValue, daysToPayResult, denialRateValue, payerMixTable } from "./revenueCycle";

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
  return guarded(
    () =>
      ({ charge, insurancePaid, patientPaid, contractualAdjustment, otherAdjustment } = excelArguments({
        charge,
        insurancePaid,
        patientPaid,
        contractualAdjustment,
        otherAdjustment,
      })),
    () =>
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
  return guarded(
    () => ({ workRVU, peRVU, mpRVU, workGPCI, peGPCI, mpGPCI, conversionFactor } = excelArguments({ workRVU, peRVU, mpRVU, workGPCI, peGPCI, mpGPCI, conversionFactor })),
    () => mpfsValue({ work: workRVU, pe: peRVU, mp: mpRVU }, { work: workGPCI, pe: peGPCI, mp: mpGPCI }, conversionFactor),
  );
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
  return guarded(
    () => ({ feeSchedule, payer, cpt, modifiers, units, placeOfService } = excelArguments({ feeSchedule, payer, cpt, modifiers, units, placeOfService })),
    () => expectedFeeValue(feeSchedule, () => lineFromArgs(payer, cpt, modifiers, units, placeOfService)),
  );
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
  return guarded(
    () =>
      ({ actualAllowed, feeSchedule, payer, cpt, modifiers, units, placeOfService } = excelArguments({ actualAllowed, feeSchedule, payer, cpt, modifiers, units, placeOfService })),
    () => feeVarianceValue(actualAllowed, feeSchedule, () => lineFromArgs(payer, cpt, modifiers, units, placeOfService)),
  );
}

/**
 * Lines paid off the fee schedule. The register range must start with its header row (e.g. Claims[#All]); columns are found by header name (claim, DOS, payer, charge, insurance paid, contractual adj, allowed, CPT, modifiers, units, POS, status). Spills Row | Claim | CPT | Payer | Expected | Actual | Variance, one row per adjudicated line whose variance is beyond the tolerance (underpaid first, most underpaid first, then overpaid), and a last row "Underpaid total" with the amount to recover. Denied lines are not checked. Register rows that cannot be read (blank or text dates, text or error values in amounts) are left out and the last row says how many, with the first one's reason, and how many lines had no rate. An unreadable fee schedule row is #VALUE!. When the table as a whole cannot be computed, the whole spill is that one error.
 * @customfunction UNDERPAID
 * @param register Claims register range including its header row.
 * @param feeSchedule Fee schedule range: Payer, CPT, Modifier, Amount, % of Medicare (with or without its header row).
 * @param [tolerance] Variance in dollars still counted as paid right (blank = 0.00).
 * @returns A table of under- and overpaid lines ending with the underpaid total.
 */
export function underpaid(register: any[][], feeSchedule: any[][], tolerance?: any): any[][] {
  return guardedMatrix(
    () => ({ register, feeSchedule, tolerance } = excelArguments({ register, feeSchedule, tolerance })),
    () => underpaidTable(register, feeSchedule, tolerance),
  );
}

/* ---------------------------------------------------------------- revenue cycle */

/**
 * Aging bucket of one line ("0-30", "31-60", "61-90", "91-120", "121+"): age = as-of date - date of service. A blank date of service gives a blank; text that is not a date or an error value is #VALUE!; a date of service after the as-of date is #N/A. A date of service of 0 (an empty cell as Excel for Windows passes it) gives a blank. Dates are Excel serials of the 1900 date system: in a workbook set to the 1904 date system (File > Options > Advanced; older Mac workbooks) the add-in cannot tell (Office.js does not say which system a workbook uses), so dates compared with each other (cells and DATE()) still age correctly, but a date given as text is 1,462 days off.
 * @customfunction AGEBUCKET
 * @param dateOfService Date of service of the line.
 * @param asOf As-of date, e.g. DATE(2026,10,31).
 * @param [bucketBounds] Upper bounds of the buckets in days, e.g. {30,60,90,120} (blank = MGMA buckets).
 * @returns The bucket label.
 */
export function ageBucket(dateOfService: any, asOf: any, bucketBounds?: any[][]): any {
  return guarded(
    () => ({ dateOfService, asOf, bucketBounds } = excelArguments({ dateOfService, asOf, bucketBounds })),
    () => ageBucketLabel(dateOfService, asOf, bucketBounds),
  );
}

/**
 * A/R aging at the as-of date: spills Bucket | Amount | Share | Lines with a header row and a Total row (Lines counts non-zero balances); with payers, a matrix Payer | each bucket | Total, one row per payer (case and spaces ignored) and a Total row. Credit balances are netted in. Lines dated after the as-of date are not aged; a last row counts them. A header row at the top of the ranges is skipped; a row blank in every range is skipped; a blank balance is 0; a blank date with a non-zero balance, text that is not an amount or date, or an error value is #VALUE! naming the cell. A blank payer shows as "(no payer)". When the table as a whole cannot be computed, the whole spill is that one error. A 0 where a date, status, code or payer belongs is read as a blank (Excel for Windows passes 0 for empty cells), and a row of zeros is skipped. Dates are Excel serials of the 1900 date system: in a workbook set to the 1904 date system (File > Options > Advanced; older Mac workbooks) the add-in cannot tell (Office.js does not say which system a workbook uses), so dates compared with each other (cells and DATE()) still age correctly, but a date given as text is 1,462 days off.
 * @customfunction ARAGING
 * @param balances Balance of each line (charge less payments and adjustments).
 * @param datesOfService Date of service of each line, same rows as balances.
 * @param asOf As-of date, e.g. DATE(2026,10,31).
 * @param [bucketBounds] Upper bounds of the buckets in days, e.g. {30,60,90,120} (blank = MGMA buckets).
 * @param [payers] Payer of each line: gives the per-payer matrix instead.
 * @returns The aging table.
 */
export function arAging(balances: any[][], datesOfService: any[][], asOf: any, bucketBounds?: any[][], payers?: any[][]): any[][] {
  return guardedMatrix(
    () => ({ balances, datesOfService, asOf, bucketBounds, payers } = excelArguments({ balances, datesOfService, asOf, bucketBounds, payers })),
    () => arAgingTable(balances, datesOfService, asOf, bucketBounds, payers),
  );
}

/**
 * Days in A/R = A/R total / average daily charges, where average daily charges = charges dated in the window ending on the as-of date / window days. A header row at the top is skipped; a row blank in every range is skipped; a blank amount is 0; a blank date with a non-zero balance or charge, text that is not an amount or date, or an error value is #VALUE! naming the cell. No charges in the window is #DIV/0!; a window under 1 day is #NUM!. A 0 where a date, status, code or payer belongs is read as a blank (Excel for Windows passes 0 for empty cells), and a row of zeros is skipped. Dates are Excel serials of the 1900 date system: in a workbook set to the 1904 date system (File > Options > Advanced; older Mac workbooks) the add-in cannot tell (Office.js does not say which system a workbook uses), so dates compared with each other (cells and DATE()) still age correctly, but a date given as text is 1,462 days off.
 * @customfunction DAYSINAR
 * @param balances Balance of each line.
 * @param datesOfService Date of service of each line.
 * @param charges Billed charge of each line.
 * @param asOf As-of date, e.g. DATE(2026,10,31).
 * @param [windowDays] Days of charges averaged (blank = 90; MGMA uses 365).
 * @returns Days in A/R.
 */
export function daysInAR(balances: any[][], datesOfService: any[][], charges: any[][], asOf: any, windowDays?: any): any {
  return guarded(
    () => ({ balances, datesOfService, charges, asOf, windowDays } = excelArguments({ balances, datesOfService, charges, asOf, windowDays })),
    () => daysInARValue(balances, datesOfService, charges, asOf, windowDays),
  );
}

/**
 * Collection rate of the lines given: net = payments / (charges - contractual adjustments) by default, gross = payments / charges. Payments may be two columns (insurance and patient): every cell is added. Net without adjustments is #VALUE! (pass the adjustments, or TRUE for gross). A header row at the top is skipped; blank rows are skipped; a blank amount is 0; text that is not an amount or an error value is #VALUE! naming the cell; a zero denominator is #DIV/0!. A 0 where a date, status, code or payer belongs is read as a blank (Excel for Windows passes 0 for empty cells), and a row of zeros is skipped.
 * @customfunction COLLECTIONRATE
 * @param payments Payments of each line: one column, or insurance and patient columns.
 * @param charges Billed charge of each line.
 * @param [contractualAdjustments] Contractual adjustment of each line (needed for the net rate).
 * @param [gross] TRUE for the gross rate (blank = FALSE, the net rate).
 * @returns The collection rate as a fraction (0.95 = 95 %).
 */
export function collectionRate(payments: any[][], charges: any[][], contractualAdjustments?: any[][], gross?: any): any {
  return guarded(
    () => ({ payments, charges, contractualAdjustments, gross } = excelArguments({ payments, charges, contractualAdjustments, gross })),
    () => collectionRateValue(payments, charges, contractualAdjustments, gross),
  );
}

/**
 * Denial rate: denied claims / submitted claims, or by dollars the charges of denied claims / charges of submitted claims. Lines are grouped into claims by claim number; a claim is submitted when any line's status is not Draft (a blank status counts as submitted) and denied when any line is Denied. A header row at the top is skipped; blank rows are skipped; a blank claim number, an unknown status, text in charges or an error value is #VALUE! naming the cell; no submitted claim is #DIV/0!. A 0 where a date, status, code or payer belongs is read as a blank (Excel for Windows passes 0 for empty cells), and a row of zeros is skipped.
 * @customfunction DENIALRATE
 * @param claimIds Claim number of each line.
 * @param statuses Status of each line (Draft, Submitted, Paid, Partially paid, Denied, Appealed, Written off, Closed).
 * @param [charges] Billed charge of each line (needed by dollars).
 * @param [byDollars] TRUE for the rate by dollars (blank = FALSE, by claims).
 * @returns The denial rate as a fraction.
 */
export function denialRate(claimIds: any[][], statuses: any[][], charges?: any[][], byDollars?: any): any {
  return guarded(
    () => ({ claimIds, statuses, charges, byDollars } = excelArguments({ claimIds, statuses, charges, byDollars })),
    () => denialRateValue(claimIds, statuses, charges, byDollars),
  );
}

/**
 * Days from a start date (submission, or date of service) to payment, over the lines with a payment date: the average (or the median) as a number; with payers, spills Payer | Paid lines | Average days | Median days and an "All payers" row. Lines without a payment date are not paid yet and are skipped. A header row at the top is skipped; blank rows are skipped; a blank start date with a payment date, a payment before its start, text that is not a date or an error value is #VALUE! naming the cell; no paid line is #DIV/0!. When the table as a whole cannot be computed, the whole spill is that one error. A 0 where a date, status, code or payer belongs is read as a blank (Excel for Windows passes 0 for empty cells), and a row of zeros is skipped. Dates are Excel serials of the 1900 date system: in a workbook set to the 1904 date system (File > Options > Advanced; older Mac workbooks) the add-in cannot tell (Office.js does not say which system a workbook uses), so dates compared with each other (cells and DATE()) still age correctly, but a date given as text is 1,462 days off.
 * @customfunction DAYSTOPAY
 * @param startDates Submission date (or date of service) of each line.
 * @param paymentDates Payment date of each line (blank = not paid yet).
 * @param [payers] Payer of each line: gives the per-payer table instead.
 * @param [median] TRUE for the median instead of the average (blank = FALSE).
 * @returns Days to pay, or a table per payer.
 */
export function daysToPay(startDates: any[][], paymentDates: any[][], payers?: any[][], median?: any): any[][] {
  return guardedMatrix(
    () => ({ startDates, paymentDates, payers, median } = excelArguments({ startDates, paymentDates, payers, median })),
    () => {
      const result = daysToPayResult(startDates, paymentDates, payers, median);
      return typeof result === "number" ? [[result]] : result;
    },
  );
}

/**
 * Payer mix: spills Payer | Charges | Share of charges | Payments | Share of payments | Collection ratio (payments / charges), one row per payer (names compared ignoring case and spaces, shown as first written), largest charges first, with a header row and a Total row. Payments may be two columns (insurance and patient). A header row at the top is skipped; blank rows are skipped; a blank amount is 0; a blank payer shows as "(no payer)"; text that is not an amount or an error value is #VALUE! naming the cell. A share with a zero total is blank. When the table as a whole cannot be computed, the whole spill is that one error. A 0 where a date, status, code or payer belongs is read as a blank (Excel for Windows passes 0 for empty cells), and a row of zeros is skipped.
 * @customfunction PAYERMIX
 * @param payers Payer of each line.
 * @param charges Billed charge of each line.
 * @param payments Payments of each line: one column, or insurance and patient columns.
 * @returns The payer mix table.
 */
export function payerMix(payers: any[][], charges: any[][], payments: any[][]): any[][] {
  return guardedMatrix(
    () => ({ payers, charges, payments } = excelArguments({ payers, charges, payments })),
    () => payerMixTable(payers, charges, payments),
  );
}

/* ---------------------------------------------------------------- payroll */

/**
 * Gross pay of one employee for one pay period, exact to the cent (rounded once, half up). Hourly (payPeriodsPerYear blank): rate x (regular + PTO hours) + rate x 1.5 x overtime hours (FLSA) + rate x 2 x double-time hours. Salaried (payPeriodsPerYear given): rate is the annual salary, pay = salary / pay periods; a non-exempt employee's overtime is paid 1.5 x the regular rate = the period's salary / the hours it covers (29 CFR 778.113); PTO is within the salary. Blank hours are 0; text that is not a number, a negative number or an error value is #VALUE!.
 * @customfunction GROSSPAY
 * @param rate Hourly rate in dollars (e.g. 23.125), or the annual salary when payPeriodsPerYear is given.
 * @param [regularHours] Straight-time hours worked (required for hourly pay); for a salary, the hours it covers in the period (blank = 40 x 52 / pay periods, 80 for biweekly).
 * @param [overtimeHours] Overtime hours, paid 1.5 x the regular rate (blank = 0).
 * @param [ptoHours] Paid time off hours, at the straight rate (blank = 0; within a salary).
 * @param [doubleTimeHours] Double-time hours, paid 2 x (California, over 12 h in a day; blank = 0).
 * @param [payPeriodsPerYear] For a salary: 52 weekly, 26 biweekly, 24 semimonthly, 12 monthly (blank = hourly pay).
 * @param [exempt] For a salary: TRUE when exempt from overtime (29 CFR part 541), so overtime hours earn nothing extra (blank = FALSE).
 * @returns Gross wages of the period in dollars.
 */
export function grossPay(rate: any, regularHours?: any, overtimeHours?: any, ptoHours?: any, doubleTimeHours?: any, payPeriodsPerYear?: any, exempt?: any): any {
  return guarded(
    () =>
      ({ rate, regularHours, overtimeHours, ptoHours, doubleTimeHours, payPeriodsPerYear, exempt } = excelArguments({
        rate,
        regularHours,
        overtimeHours,
        ptoHours,
        doubleTimeHours,
        payPeriodsPerYear,
        exempt,
      })),
    () => grossPayValue(rate, regularHours, overtimeHours, ptoHours, doubleTimeHours, payPeriodsPerYear, exempt),
  );
}

/**
 * Overtime hours from daily hours (FLSA: hours over 40 in a workweek at 1.5 x; each workweek stands alone, no averaging). Without dates the hours are the days of one workweek, in order (at most 7); with dates they are grouped into workweeks starting on workweekStart, and hours on the same date are added. With californiaDaily, a day's hours over 8 are overtime and over 12 double time (Labor Code 510; the seventh-day rule is not applied), and only straight-time hours count toward the weekly 40. Returns the overtime hours (1.5 x; double time not included), or with detail TRUE spills Workweek | Regular | Overtime | Double time (the workweek's first day as a date serial) and a Total row. A header row at the top is skipped; a blank hours cell is 0; a blank date with hours, text that is not a number or date, a negative number or an error value is #VALUE! naming the cell. When the table as a whole cannot be computed, the whole spill is that one error. A 0 where a date, status, code or payer belongs is read as a blank (Excel for Windows passes 0 for empty cells), and a row of zeros is skipped. Dates are Excel serials of the 1900 date system: in a 1904 date system workbook (which Office.js cannot detect) weekdays, and so workweeks, are wrong; use the 1900 date system.
 * @customfunction OVERTIME
 * @param hoursByDay Hours worked each day (a column or a row), e.g. 8, 9.5, 7.75.
 * @param [dates] Date of each day, same rows as hoursByDay (blank = the hours are one workweek).
 * @param [workweekStart] First day of the workweek: 1 = Sunday ... 7 = Saturday, as WEEKDAY gives, or a day name (blank = Sunday).
 * @param [californiaDaily] TRUE to apply California's daily overtime (over 8 h at 1.5 x, over 12 h at 2 x) (blank = FALSE).
 * @param [detail] TRUE to spill regular, overtime and double-time hours per workweek (blank = FALSE, the overtime hours).
 * @returns Overtime hours, or the table of hours by workweek.
 */
export function overtime(hoursByDay: any[][], dates?: any[][], workweekStart?: any, californiaDaily?: any, detail?: any): any[][] {
  return guardedMatrix(
    () => ({ hoursByDay, dates, workweekStart, californiaDaily, detail } = excelArguments({ hoursByDay, dates, workweekStart, californiaDaily, detail })),
    () => overtimeResult(hoursByDay, dates, workweekStart, californiaDaily, detail),
  );
}

/**
 * Employer payroll taxes on one employee's wages of one payroll, for budgeting the employer's cost: this is not a withholding engine (no income tax, no employee share, no additional 0.9 % Medicare, which the employee alone pays). Spills Tax | Amount for Social Security (6.2 % of wages under the $184,500 yearly base), Medicare (1.45 % of all wages), FUTA (0.6 % of the first $7,000), SUTA (the practice's own rate and base; 0 until set) and Total, using the 2026 rates unless a Settings range is given; the year-to-date wages before this payroll decide how much is still under each wage base. Each tax is rounded to the cent half up on the year's taxable wages, so a year's payrolls add up. With tax, returns that one amount. A blank or unreadable wages, a negative ytdWagesBefore or an unreadable setting is #VALUE!; settings warnings (a SUTA rate without its wage base) show as Note rows. When the table as a whole cannot be computed, the whole spill is that one error.
 * @customfunction EMPLOYERTAXES
 * @param wages Gross wages of this payroll for the employee.
 * @param [ytdWagesBefore] The employee's wages paid earlier in the same calendar year (blank = 0).
 * @param [settings] Settings range of 2 columns, setting name and value, e.g. "SUTA rate" 2.7%, "SUTA wage base" $7,000 (blank = the 2026 rates; names not about payroll are skipped).
 * @param [tax] "Social Security", "Medicare", "FUTA", "SUTA" or "Total" to return that amount alone (blank = the whole table).
 * @returns The employer taxes table, or one tax in dollars.
 */
export function employerTaxes(wages: any, ytdWagesBefore?: any, settings?: any[][], tax?: any): any[][] {
  return guardedMatrix(
    () => ({ wages, ytdWagesBefore, settings, tax } = excelArguments({ wages, ytdWagesBefore, settings, tax })),
    () => employerTaxesResult(wages, ytdWagesBefore, settings, tax),
  );
}

/**
 * Full-time equivalent: hours / (standard week hours x weeks), capped at 1.0 (overtime does not make more than one person). Over a range, each cell is one employee's hours and their FTEs, each capped on its own, are added (the staff's total FTE). Blank cells are skipped; a text first cell is a header; other text, a negative number or an error value is #VALUE!; standard week x weeks of 0 is #DIV/0!.
 * @customfunction FTE
 * @param hours Hours worked (paid) in the span, or a range of each employee's hours.
 * @param [standardWeekHours] Hours of a full-time week (blank = 40).
 * @param [weeks] Weeks the hours cover (blank = 52, a year).
 * @returns The FTE (1 = full time).
 */
export function fte(hours: any[][], standardWeekHours?: any, weeks?: any): any {
  return guarded(
    () => ({ hours, standardWeekHours, weeks } = excelArguments({ hours, standardWeekHours, weeks })),
    () => fteValue(hours, standardWeekHours, weeks),
  );
}

/* ---------------------------------------------------------------- budget */

/**
 * Budget variance = actual - budget, for one cell or element by element over ranges of the same shape (a single budget cell is repeated), spilling one result per cell. The sign is the same for revenue and expense lines (see PRACTICE.FAVORABLE for which is good news). A blank actual (month not booked yet) gives a blank; a blank budget is 0; positions where both cells are labels or blank (a header row, a category column) give a blank; text that is not an amount or an error value is #VALUE! in that position only. Mismatched shapes make the whole spill #VALUE!; on Excel builds that do not show errors inside a spilled array (office-js issue 2174) one bad cell also shows #VALUE! for the whole spill. An actual of 0 counts as not booked yet (Excel for Windows passes 0 for an empty cell): type a booked zero as $0.00 text.
 * @customfunction VARIANCE
 * @param actual Actual amount, or a range of actual amounts.
 * @param budget Budgeted amount, or a range of the same shape.
 * @returns Actual minus budget in dollars, one per cell.
 */
export function variance(actual: any[][], budget: any[][]): any[][] {
  return guardedMatrix(
    () => ({ actual, budget } = excelArguments({ actual, budget })),
    () => varianceCells(actual, budget),
  );
}

/**
 * Budget variance % = (actual - budget) / budget, blank where the budget is 0 or blank; one cell or element by element over ranges of the same shape (a single budget cell is repeated), spilling one result per cell. A blank actual (month not booked yet) gives a blank; positions where both cells are labels or blank give a blank; text that is not an amount or an error value is #VALUE! in that position only. Mismatched shapes make the whole spill #VALUE!; on Excel builds that do not show errors inside a spilled array (office-js issue 2174) one bad cell also shows #VALUE! for the whole spill. An actual of 0 counts as not booked yet (Excel for Windows passes 0 for an empty cell): type a booked zero as $0.00 text.
 * @customfunction VARIANCEPCT
 * @param actual Actual amount, or a range of actual amounts.
 * @param budget Budgeted amount, or a range of the same shape.
 * @returns The variance as a fraction of the budget (0.05 = 5 % over), one per cell.
 */
export function variancePct(actual: any[][], budget: any[][]): any[][] {
  return guardedMatrix(
    () => ({ actual, budget } = excelArguments({ actual, budget })),
    () => variancePctCells(actual, budget),
  );
}

/**
 * Whether a budget variance is favorable: for expense (and capital) lines actual below budget, for revenue lines actual above budget. TRUE favorable, FALSE unfavorable, blank when on budget or not booked yet; element by element over ranges like PRACTICE.VARIANCE. An unknown line type is #VALUE! in that position. Mismatched shapes make the whole spill #VALUE!; on Excel builds that do not show errors inside a spilled array (office-js issue 2174) one bad cell also shows #VALUE! for the whole spill. An actual of 0 counts as not booked yet (Excel for Windows passes 0 for an empty cell): type a booked zero as $0.00 text.
 * @customfunction FAVORABLE
 * @param actual Actual amount, or a range of actual amounts.
 * @param budget Budgeted amount, or a range of the same shape.
 * @param lineType "revenue", "expense" or "capital" (or a category name that says which, e.g. "Rent"), one for all or a range of the same shape.
 * @returns TRUE, FALSE or blank, one per cell.
 */
export function favorable(actual: any[][], budget: any[][], lineType: any[][]): any[][] {
  return guardedMatrix(
    () => ({ actual, budget, lineType } = excelArguments({ actual, budget, lineType })),
    () => favorableCells(actual, budget, lineType),
  );
}

/**
 * Forecast for the year = actual year to date (months 1 to asOfMonth) + the budget of the months after it. One budget line is a row (or a column) of months starting with the first month of the budget year; a block of several rows is one line per row (months across) and spills one forecast per row, a header row giving a blank. A label first cell (the category) is skipped. A blank actual counts 0 (not booked); actuals after the as-of month are not read; budgets must hold 12 months. Text that is not an amount or an error value is #VALUE! naming the cell. When the table as a whole cannot be computed, the whole spill is that one error.
 * @customfunction FORECAST
 * @param actuals Actual amounts by month, from the first month of the year (at least asOfMonth months).
 * @param budgets Budgeted amounts of the 12 months, same lines as actuals.
 * @param asOfMonth Months elapsed, 1 to 12 (10 = through October for a calendar year).
 * @returns The forecast for the year in dollars, one per line.
 */
export function forecast(actuals: any[][], budgets: any[][], asOfMonth: any): any[][] {
  return guardedMatrix(
    () => ({ actuals, budgets, asOfMonth } = excelArguments({ actuals, budgets, asOfMonth })),
    () => forecastCells(actuals, budgets, asOfMonth),
  );
}

/**
 * Run rate for the year = actual year to date / months elapsed x 12, rounded once to the cent. Actuals are a row (or a column) of months starting with the first month of the year, or a block of one line per row (months across) spilling one run rate per row. A label first cell is skipped; a blank month counts 0; months after asOfMonth are not read; text that is not an amount or an error value is #VALUE! naming the cell. When the table as a whole cannot be computed, the whole spill is that one error.
 * @customfunction RUNRATE
 * @param actuals Actual amounts by month, from the first month of the year (at least asOfMonth months).
 * @param asOfMonth Months elapsed, 1 to 12 (10 = through October for a calendar year).
 * @returns The yearly run rate in dollars, one per line.
 */
export function runRate(actuals: any[][], asOfMonth: any): any[][] {
  return guardedMatrix(
    () => ({ actuals, asOfMonth } = excelArguments({ actuals, asOfMonth })),
    () => runRateCells(actuals, asOfMonth),
  );
}
