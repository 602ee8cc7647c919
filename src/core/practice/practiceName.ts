/* The practice's name as the workbook already says it: the Settings sheet's "Practice name" cell,
 * else an export's own title line ("Practice: Riverside Family Medicine", as practice-management
 * systems print it above the header). */
import type { CellValue } from "../cells/cellValue";

const SETTINGS_LABEL = /^practice( name)?$/i;
const TITLE = /^practice(?: name)?\s*:\s*(.+?)\s*$/i;

/** The name found in the sheets' first rows, or null. Settings wins over an export's title. */
export function practiceNameIn(sheets: readonly { name: string; grid: readonly (readonly CellValue[])[] }[]): string | null {
  for (const s of sheets) {
    for (const row of s.grid.slice(0, 60)) {
      if (!Array.isArray(row)) continue;
      for (let c = 0; c + 1 < row.length; c++) {
        const cell = row[c];
        const next = row[c + 1];
        if (typeof cell === "string" && SETTINGS_LABEL.test(cell.trim()) && typeof next === "string" && next.trim() !== "") return next.trim();
      }
    }
  }
  for (const s of sheets) {
    for (const row of s.grid.slice(0, 10)) {
      if (!Array.isArray(row)) continue;
      for (const cell of row) {
        const m = typeof cell === "string" ? TITLE.exec(cell.trim()) : null;
        if (m !== null && m[1] !== "") return m[1];
      }
    }
  }
  return null;
}
