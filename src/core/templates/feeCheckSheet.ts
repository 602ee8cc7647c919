import { excelSerialFromDay, isoFromDay } from "../dates";
import type { Day } from "../dates/day";
import type { FeeCheck } from "../feeSchedule/checkFees";
import { centsToNumber } from "../money/cents";
import { SheetBuilder } from "../sheet/sheetBuilder";
import type { CellStyleName, SheetDescription } from "../sheet/sheetDescription";

/** "Fee Check 2026-10-31". */
export function feeCheckSheetName(date: Day): string {
  return `Fee Check ${isoFromDay(date)}`;
}

export interface FeeCheckSheetOptions {
  /** The register's sheet name (the lines' rows are its rows). */
  registerSheet: string;
  feeScheduleSheet: string;
  date: Day;
  tolerance: number;
}

/**
 * Where the underpaid lines' table is on the fee check sheet: its header row, and the columns (1-based)
 * of each line's identity (claim, CPT, date of service), which the register's highlight rule matches
 * against (src/office/operations/feeCheck.ts), so the highlight follows the line through a sort.
 */
export const FEE_CHECK_LAYOUT = { linesHeaderRow: 5, claimColumn: 2, cptColumn: 3, dateOfServiceColumn: 8 } as const;

/**
 * The discrepancy sheet of a fee check (definitions.md, "Fee schedule and underpayments"): the
 * underpaid lines (register row, claim, CPT, payer, expected, actual, variance), most underpaid
 * first, with their total; then the total to recover by payer; then a line on what was not
 * checked. Money in dollars with the money format; the variances are exact cents.
 */
export function feeCheckSheet(check: FeeCheck, options: FeeCheckSheetOptions): SheetDescription {
  const b = new SheetBuilder(feeCheckSheetName(options.date), [14, 14, 10, 26, 14, 14, 14, 14]);
  const header = (labels: string[]): number => b.line(labels.map((value) => ({ value, styles: ["tableHeader" as CellStyleName] })));
  b.line([{ value: "Fee check: underpaid lines", styles: ["title"] }]);
  b.line([{ value: `Register "${options.registerSheet}" against fee schedule "${options.feeScheduleSheet}", on ${isoFromDay(options.date)}; tolerance $${centsToNumber(options.tolerance).toFixed(2)}.`, styles: ["subtitle"] }]);
  b.line([{ value: "Expected = fee schedule rate × units (modifier rules of CMS); actual = the allowed amount, else charge − contractual adjustment; variance = actual − expected.", styles: ["note"] }]);
  b.skip();
  const underpaid = check.discrepancies.filter((d) => d.kind === "underpaid");
  const first = header(["Register row", "Claim", "CPT", "Payer", "Expected", "Actual", "Variance", "Date of service"]);
  for (const d of underpaid) {
    b.line([
      { value: d.row, format: "integer" }, { value: d.claimId }, { value: d.cpt }, { value: d.payer },
      { value: centsToNumber(d.expected), format: "money" }, { value: centsToNumber(d.actual), format: "money" }, { value: centsToNumber(d.variance), format: "money" },
      { value: excelSerialFromDay(d.dateOfService), format: "date" },
    ]);
  }
  if (underpaid.length > 0) {
    b.table({ name: "FeeCheckLines", range: { fromRow: first, fromCol: 1, toRow: first + underpaid.length, toCol: 8 }, style: "TableStyleLight9" });
  } else {
    b.line([{ value: "No underpaid line: every checked line was paid at least its expected allowed amount.", styles: ["note"] }]);
  }
  b.line([
    { value: "Total to recover", styles: ["total"] }, { value: null, styles: ["total"] }, { value: null, styles: ["total"] }, { value: `${underpaid.length} lines`, styles: ["total"] },
    { value: null, styles: ["total"] }, { value: null, styles: ["total"] }, { value: centsToNumber(check.underpaidTotal), format: "money", styles: ["total"] },
  ]);

  b.skip();
  b.line([{ value: "To recover by payer", styles: ["section"] }]);
  header(["Payer", "Lines", "Amount"]);
  for (const p of check.underpaidByPayer) b.line([{ value: p.payer }, { value: p.lines, format: "integer" }, { value: centsToNumber(p.amount), format: "money" }]);
  b.line([
    { value: "Total", styles: ["total"] },
    { value: check.underpaidByPayer.reduce((n, p) => n + p.lines, 0), format: "integer", styles: ["total"] },
    { value: centsToNumber(check.underpaidTotal), format: "money", styles: ["total"] },
  ]);

  b.skip();
  b.line([{ value: `Checked ${check.checkedLines} lines; ${check.notAdjudicatedLines} not yet adjudicated, ${check.deniedLines} denied (not checked), ${check.unmatchedLines} without a matching rate; ${check.discrepancies.length - underpaid.length} overpaid lines (total ${centsToNumber(check.overpaidTotal).toFixed(2)}).`, styles: ["note"] }]);
  b.line([{ value: `Checked on ${isoFromDay(options.date)}`, styles: ["note"] }, { value: excelSerialFromDay(options.date), format: "date", styles: ["note"] }]);
  return b.build({ freezeRows: FEE_CHECK_LAYOUT.linesHeaderRow, showGridLines: true, tabColor: "C00000" });
}
