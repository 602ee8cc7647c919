import ExcelJS from "exceljs";
import { CLAIM_FIELD_HEADERS, CLAIM_FIELDS, type ClaimField, type ClaimLine } from "../core/claims/claimLine";
import { centsToNumber } from "../core/money/cents";
import { excelSerialFromDay } from "../core/dates/excelSerial";
import { NUMBER_FORMATS } from "../core/sheet/sheetDescription";
import type { SamplePractice } from "../sample/types";

const MONEY_FIELDS = new Set<ClaimField>(["charge", "insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment", "allowed"]);
const DATE_FIELDS = new Set<ClaimField>(["dateOfService", "submittedDate", "lastPaymentDate"]);

function claimCell(line: ClaimLine, field: ClaimField): ExcelJS.CellValue {
  const v = line[field];
  if (v === null || v === undefined) return null;
  if (MONEY_FIELDS.has(field)) return centsToNumber(v as number);
  if (DATE_FIELDS.has(field)) return excelSerialFromDay(v as number);
  if (field === "modifiers") return (v as string[]).join(" ") || null;
  return v as ExcelJS.CellValue;
}

/**
 * The sample practice as the workbook a manager would keep: a Claims Register, a Fee Schedule, and
 * a Settings sheet with the practice's name, each a plain sheet with one header row. Dates are
 * Excel serials with a date format, amounts numbers with a money format.
 */
export function sampleWorkbook(sample: SamplePractice): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Practice Ledger (sample practice)";

  const claims = wb.addWorksheet("Claims Register", { views: [{ state: "frozen", ySplit: 1 }] });
  claims.addRow(CLAIM_FIELDS.map((f) => CLAIM_FIELD_HEADERS[f]));
  for (const line of sample.claims) claims.addRow(CLAIM_FIELDS.map((f) => claimCell(line, f)));
  CLAIM_FIELDS.forEach((f, i) => {
    const col = claims.getColumn(i + 1);
    col.width = f === "payer" || f === "provider" ? 22 : 13;
    if (MONEY_FIELDS.has(f)) col.numFmt = NUMBER_FORMATS.money;
    if (DATE_FIELDS.has(f)) col.numFmt = NUMBER_FORMATS.date;
  });
  claims.getRow(1).font = { bold: true };
  claims.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CLAIM_FIELDS.length } };

  const fees = wb.addWorksheet("Fee Schedule", { views: [{ state: "frozen", ySplit: 1 }] });
  fees.addRow(["Payer", "CPT", "Modifier", "Allowed Amount", "% of Medicare"]);
  for (const row of sample.feeSchedule) {
    fees.addRow([row.payer, row.cpt, row.modifier, row.kind === "fixed" ? centsToNumber(row.amount) : null, row.kind === "percentOfMedicare" ? `${trimPercent(row.percent)}%` : null]);
  }
  fees.getRow(1).font = { bold: true };
  fees.getColumn(1).width = 26;
  fees.getColumn(4).numFmt = NUMBER_FORMATS.money;
  fees.getColumn(4).width = 16;
  fees.getColumn(5).width = 14;

  const settings = wb.addWorksheet("Settings");
  settings.addRow(["Setting", "Value"]);
  settings.addRow(["Practice name", sample.practice.name]);
  settings.addRow(["Physicians", sample.practice.physicians.map((p) => p.name).join(", ")]);
  settings.getRow(1).font = { bold: true };
  settings.getColumn(1).width = 30;
  settings.getColumn(2).width = 50;
  return wb;
}

/** "1.15" → "115" (percentage points, as the fee schedule sheet shows them). */
function trimPercent(fraction: string): string {
  const [whole, decimals = ""] = fraction.split(".");
  const points = `${whole}${decimals.padEnd(2, "0").slice(0, 2)}.${decimals.slice(2)}`.replace(/^0+(?=\d)/, "");
  return points.replace(/\.?0*$/, "") || "0";
}
