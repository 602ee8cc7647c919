/* Custom functions entry point (namespace PRACTICE). Each function is declared once, with its
 * JSDoc as the Excel help text; functions.json is generated from these comments at build time. */

import { lineBalanceFromCells } from "./balanceFunction";

/**
 * Balance of one claim line: charge − insurance paid − patient paid − contractual adjustment − other adjustment.
 * @customfunction BALANCE
 * @param charge Billed charge of the line.
 * @param insurancePaid Payments received from payers (blank = 0).
 * @param patientPaid Payments received from the patient (blank = 0).
 * @param contractualAdjustment Contractual write-down (blank = 0).
 * @param otherAdjustment Every other write-off (blank = 0).
 * @returns The balance, rounded to the cent.
 */
export function balance(charge: any, insurancePaid?: any, patientPaid?: any, contractualAdjustment?: any, otherAdjustment?: any): any {
  return lineBalanceFromCells(charge, insurancePaid, patientPaid, contractualAdjustment, otherAdjustment);
}
