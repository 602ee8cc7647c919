/** Small workbooks for the operations' tests: an export, a register with a fee schedule. */
import { excelSerialFromDay } from "../../../src/core/dates/excelSerial";
import { dayFromYMD } from "../../../src/core/dates/day";
import type { GridCell } from "../helpers";

export const serial = (y: number, m: number, d: number): number => excelSerialFromDay(dayFromYMD(y, m, d) as number);

/**
 * A practice-management export: two title lines, a blank row, the header at row 4, five data rows
 * (row 7 has an unreadable date, row 9 a blank payer), a totals row and a footer.
 */
export function exportGrid(): GridCell[][] {
  return [
    ["Riverside Family Medicine: Charges and payments"],
    ["Run date: 11/02/2026"],
    [],
    ["Claim #", "DOS", "Primary Insurance", "CPT Code", "Billed Amt", "Ins Pmt", "Pt Pmt", "Contractual", "Status"],
    ["C-1001", serial(2026, 9, 1), "Aetna", "99213", 150, 90, 0, 60, "Paid"],
    ["C-1002", serial(2026, 9, 3), "Medicare", "99214", 200, 0, 0, 0, "Submitted"],
    ["C-1003", "32/13/2026", "Aetna", "99213", 150, 0, 0, 0, "Submitted"],
    ["C-1004", serial(2026, 10, 5), "Cigna", "99203", 180.5, 100, 20.25, 40, "Paid"],
    ["C-1005", serial(2026, 10, 6), null, "99213", 150, 0, 0, 0, "Submitted"],
    ["Total", null, null, null, 830.5, 190, 20.25, 100, null],
    ["End of report"],
  ];
}

/** Register header of the fee-check fixture (canonical headers, the columns the check needs). */
export const FEE_REGISTER_HEADER = ["Claim ID", "Date of Service", "Payer", "Charge", "Insurance Paid", "Patient Paid", "Contractual Adj", "Allowed", "CPT", "Status"];

/**
 * Register for the fee check, rows 2-6:
 * row 2 Aetna 99213 allowed 90.00 vs rate 100.00 → underpaid 10.00;
 * row 3 Aetna 99213 allowed 100.00 → exact;
 * row 4 Medicare 99213 allowed 72.50 vs rate 80.00 → underpaid 7.50;
 * row 5 Aetna 99214 (no rate) → unmatched;
 * row 6 Aetna 99213 allowed 95.25, status Paid → underpaid 4.75.
 */
export function feeRegisterGrid(): GridCell[][] {
  const d = serial(2026, 9, 15);
  return [
    FEE_REGISTER_HEADER,
    ["A-1", d, "Aetna", 150, 90, 0, 60, 90, "99213", "Paid"],
    ["A-2", d, "Aetna", 150, 100, 0, 50, 100, "99213", "Paid"],
    ["M-1", d, "Medicare", 120, 58, 14.5, 47.5, 72.5, "99213", "Paid"],
    ["A-3", d, "Aetna", 200, 120, 0, 80, 120, "99214", "Paid"],
    ["A-4", d, "Aetna", 150, 95.25, 0, 54.75, 95.25, "99213", "Paid"],
  ];
}

export function feeScheduleGrid(): GridCell[][] {
  return [
    ["Payer", "CPT", "Modifier", "Allowed Amount", "% of Medicare"],
    ["Aetna", "99213", null, 100, null],
    ["Medicare", "99213", null, 80, null],
  ];
}
