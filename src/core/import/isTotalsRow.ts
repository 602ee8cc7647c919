import { isBlankCell, showCell, type CellValue } from "../cells/cellValue";
import { parseDate } from "../cells/parseDate";
import { parseMoney } from "../cells/parseMoney";
import { dayFromExcelSerial } from "../dates/excelSerial";
import type { ClaimField } from "../claims/claimLine";

const MONEY_FIELDS: readonly ClaimField[] = [
  "charge", "insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment", "allowed",
];

function words(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

/**
 * True when a text names a total: "Total", "Totals", "Grand Total", "Subtotal", "Sub-total",
 * "Totals for Aetna", "** Total **", "Page total", "Report total", "Aetna Total:".
 */
export function isTotalsText(text: string): boolean {
  if (!/tot/i.test(text)) return false;
  const w = words(text);
  if (w === "") return false;
  return (
    /^(grand |sub |page |report |claim |payer |provider |patient |group |final )?totals?\b/.test(w) ||
    /\bsub ?totals?\b/.test(w) ||
    /\b(grand|page|report) totals?\b/.test(w) ||
    /\btotals?$/.test(w)
  );
}

/** Safe reads: a throw from a parser never leaves this module. */
function hasMoney(value: CellValue): boolean {
  try {
    return parseMoney(value).kind === "value";
  } catch {
    return false;
  }
}

function hasDate(value: CellValue): boolean {
  try {
    return parseDate(value).kind === "value";
  } catch {
    return false;
  }
}

/**
 * Why a row of a claims export is a totals row, or null when it is not one:
 * - a text cell reads as a total ("Total", "Grand Total", "Subtotal", "Totals for Aetna",
 *   "** Total **", "Page total", "Report total"); except when the row has a claim number that is
 *   not itself total wording and a readable date of service, so that a real line for a payer named
 *   "Total Health Care" is kept;
 * - or the row has no claim number and no date of service but holds amounts.
 * `mapping` gives the 0-based column of each field.
 */
export function totalsRowReason(row: readonly CellValue[], mapping: Partial<Record<ClaimField, number>>): string | null {
  const cells: readonly CellValue[] = Array.isArray(row) ? row : [];
  const claimCell = cellAt(cells, mapping, "claimId");
  // A row with a claim number (not itself total wording) and a date of service is a line whatever
  // its other texts say: the common row is told without looking at them (issue 13).
  if (looksLikeLine(claimCell, cellAt(cells, mapping, "dateOfService"))) return null;
  let label: string | undefined;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (typeof cell === "string" && isTotalsText(cell)) {
      label = cell;
      break;
    }
  }
  if (label !== undefined) return `totals row ("${showCell(label.trim())}")`;
  if (isBlankCell(claimCell) && isBlankCell(cellAt(cells, mapping, "dateOfService")) && MONEY_FIELDS.some((f) => hasMoney(cellAt(cells, mapping, f)))) {
    return "totals row: amounts with no claim number and no date of service";
  }
  return null;
}

/** A claim number that is not total wording, and a readable date of service. */
function looksLikeLine(claimCell: CellValue, dateCell: CellValue): boolean {
  if (isBlankCell(claimCell) || (typeof claimCell === "string" && isTotalsText(claimCell))) return false;
  // A date serial (the common cell) is read at once: parseDate reads a number as dayFromExcelSerial does.
  return typeof dateCell === "number" ? dayFromExcelSerial(dateCell) !== null : hasDate(dateCell);
}

function cellAt(cells: readonly CellValue[], mapping: Partial<Record<ClaimField, number>>, field: ClaimField): CellValue {
  const column = mapping[field];
  return column === undefined ? null : cells[column];
}

/** True for a subtotal, payer total, page total or grand total row of a claims export. */
export function isTotalsRow(row: readonly CellValue[], mapping: Partial<Record<ClaimField, number>>): boolean {
  return totalsRowReason(row, mapping) !== null;
}
