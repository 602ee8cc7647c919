/* Practice Ledger custom functions (namespace PRACTICE).
 * Each function is declared once, here: its JSDoc is the Excel help text and, through the
 * custom-functions-metadata plugin, the generated functions.json. The bodies only read arguments,
 * call src/core and map errors (see excelError.ts): no figure is computed in this folder. */

import { lineBalance } from "../core/claims/balance";
import { centsToNumber } from "../core/money/cents";
import { moneyArg } from "./cellReaders";
import { guarded } from "./excelError";

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
