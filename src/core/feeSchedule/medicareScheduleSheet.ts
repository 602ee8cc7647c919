import type { CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import { readFeeScheduleExport } from "../import/readFeeScheduleExport";
import type { FeeScheduleRow } from "./feeScheduleRow";
import { readFeeScheduleRows } from "./readFeeScheduleRows";

/**
 * A separate Medicare fee schedule: a sheet named for Medicare or the Physician Fee Schedule
 * ("Medicare 2026", "MPFS", "PFS rates") with a CPT column and an amount column but no payer
 * column. Its rows are read as the payer "Medicare", so that percent-of-Medicare rows of the
 * payers' schedule find their Medicare amount. Null when the sheet is not one.
 */
export function readMedicareScheduleSheet(sheet: { name: string; grid: readonly (readonly CellValue[])[] }): { sheet: string; rows: FeeScheduleRow[]; issues: InputIssue[] } | null {
  if (!/medicare|\bm?pfs\b|physician fee schedule|\bcms\b/i.test(sheet.name)) return null;
  const exported = readFeeScheduleExport(sheet.grid, { sheet: sheet.name });
  if (exported.headerRow === null || exported.mapping.payer !== undefined || exported.mapping.amount === undefined) return null;
  const rows = exported.rows.map((r) => ({ row: r.row, cells: { ...r.cells, payer: "Medicare" } }));
  const read = readFeeScheduleRows(rows, { sheet: sheet.name, columns: exported.mapping });
  if (read.rows.length === 0) return null;
  return { sheet: sheet.name, rows: read.rows, issues: [...exported.issues, ...read.issues] };
}
