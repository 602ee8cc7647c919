import type { CellValue } from "../cells/cellValue";
import { columnLetter } from "../cells/issue";
import { payrollSettingsFromRows, type PayrollSettingsRead, type SettingRow } from "../payroll/settingsFromRows";

/** Words that mark a payroll setting's name (to find the Settings sheet, and its name column). */
const SETTING_WORDS = /social security|oasdi|medicare|futa|suta|\bsui\b|unemployment|overtime|work ?week/i;

function settingLabels(grid: readonly (readonly CellValue[] | undefined)[]): Map<number, number> {
  const byColumn = new Map<number, number>();
  for (const row of grid) {
    if (!Array.isArray(row)) continue;
    row.forEach((cell, c) => {
      if (typeof cell === "string" && SETTING_WORDS.test(cell) && cell.length <= 60) byColumn.set(c, (byColumn.get(c) ?? 0) + 1);
    });
  }
  return byColumn;
}

/** How many payroll-setting names a sheet holds (2 or more makes it a Settings sheet by content). */
export function settingsSheetScore(grid: readonly (readonly CellValue[])[]): number {
  let best = 0;
  for (const n of settingLabels(grid).values()) best = Math.max(best, n);
  return best;
}

/**
 * Reads the payroll settings of a Settings sheet (definitions.md, "Payroll": the rates live in a
 * settings table seeded with the 2026 values): the names are in the column holding the most
 * payroll-setting names (column A by default), each value in the cell to its right. Other rows
 * (practice name, notes) are skipped; unreadable values are issues naming sheet, row and column,
 * and keep the 2026 default. Never throws.
 */
export function readPayrollSettingsSheet(grid: readonly (readonly CellValue[])[], sheet: string): PayrollSettingsRead {
  let nameColumn = 0;
  let most = 0;
  for (const [c, n] of settingLabels(grid)) {
    if (n > most || (n === most && c < nameColumn)) {
      nameColumn = c;
      most = n;
    }
  }
  const rows: SettingRow[] = [];
  grid.forEach((row, r) => {
    if (!Array.isArray(row)) return;
    rows.push({ row: r + 1, cells: { setting: row[nameColumn], value: row[nameColumn + 1] } });
  });
  return payrollSettingsFromRows(rows, {
    sheet,
    columns: { setting: columnLetter(nameColumn + 1), value: columnLetter(nameColumn + 2) },
  });
}
