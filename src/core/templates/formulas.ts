/**
 * The A1-style formulas of the templates' calculated columns. Plain A1 references (not structured
 * "[@Charge]" references) so that Office.js and ExcelJS write them alike and an Excel table copies
 * them down as rows are added.
 */

/**
 * The as-of date a formula counts from: the Settings sheet's as-of cell when it holds a date,
 * else today (definitions.md, "As-of date and period"). `asOfCell` is a reference such as
 * "Settings!$B$6", or undefined for TODAY() alone.
 */
export function asOfExpression(asOfCell?: string): string {
  return asOfCell === undefined ? "TODAY()" : `IF(ISNUMBER(${asOfCell}),${asOfCell},TODAY())`;
}

/**
 * Balance of a line = charge − insurance paid − patient paid − contractual adjustment − other
 * adjustment (definitions.md, "The claims register"), rounded to the cent; blank while the charge is.
 */
export function balanceFormula(row: number, c: { charge: string; insurancePaid: string; patientPaid: string; contractualAdjustment: string; otherAdjustment: string }): string {
  const r = (col: string): string => `${col}${row}`;
  return `=IF(${r(c.charge)}="","",ROUND(${r(c.charge)}-${r(c.insurancePaid)}-${r(c.patientPaid)}-${r(c.contractualAdjustment)}-${r(c.otherAdjustment)},2))`;
}

/** The MGMA buckets of definitions.md, "A/R and aging": upper bound in days and label. */
export const AGE_BUCKET_LABELS = ["0-30", "31-60", "61-90", "91-120", "121+"] as const;

/** Label of a line whose date of service is after the as-of date (counted, not aged). */
export const AFTER_AS_OF_LABEL = "After as-of";

/**
 * Age bucket of a line by date of service: age = as-of − DOS in days, buckets 0-30, 31-60, 61-90,
 * 91-120, 121+ (definitions.md, "A/R and aging"); "After as-of" for a DOS after the as-of date;
 * blank while the DOS is.
 */
export function ageBucketFormula(row: number, dosColumn: string, asOfCell?: string): string {
  const dos = `INT(${dosColumn}${row})`;
  const asOf = asOfExpression(asOfCell);
  const age = `${asOf}-${dos}`;
  return (
    `=IF(${dosColumn}${row}="","",IF(${dos}>${asOf},"${AFTER_AS_OF_LABEL}",` +
    `IF(${age}<=30,"0-30",IF(${age}<=60,"31-60",IF(${age}<=90,"61-90",IF(${age}<=120,"91-120","121+"))))))`
  );
}
