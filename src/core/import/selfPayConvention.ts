import { isBlankCell } from "../cells/cellValue";
import type { RawClaimRow } from "../claims/readClaimLines";

/**
 * OpenEMR's Collections Report leaves Insurance blank when no insurance was billed: the patient
 * pays. Rows with a blank payer read as payer "Self-pay", payer class Self-pay; the assumption is
 * returned in words (null when no row had a blank payer). Other layouts keep a blank payer as an
 * error on its row.
 */
export function blankPayerIsSelfPay(rows: readonly RawClaimRow[]): { rows: RawClaimRow[]; assumption: string | null } {
  let selfPay = 0;
  const out = rows.map((r) => {
    if (!isBlankCell(r.cells.payer)) return r;
    selfPay++;
    return { row: r.row, cells: { ...r.cells, payer: "Self-pay", payerClass: r.cells.payerClass ?? "Self-pay" } };
  });
  return { rows: out, assumption: selfPayAssumption(selfPay) };
}

/** The assumption in words when `lines` rows had a blank payer read as self-pay; null when none had. */
export function selfPayAssumption(lines: number): string | null {
  return lines > 0 ? `a blank Insurance cell is self-pay (OpenEMR's convention): ${lines} lines read as payer "Self-pay"` : null;
}
