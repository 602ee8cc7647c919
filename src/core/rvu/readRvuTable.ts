import Decimal from "decimal.js";
import { isBlankCell, showCell, type CellValue } from "../cells/cellValue";
import { columnLetter, type InputIssue } from "../cells/issue";
import { normalizeCpt, normalizeModifier } from "../feeSchedule/keys";
import { findRvuHeader } from "./rvuHeaderRow";
import type { RvuTableRead, WorkRvuRow } from "./workRvuRow";

type Grid = readonly (readonly CellValue[])[];

/**
 * Reads an RVU table from a sheet: a header (in the first 30 rows, one row or two: findRvuHeader)
 * naming a CPT/HCPCS column and a work RVU column, as CMS's PFS relative value file does ("HCPCS",
 * "MOD", "WORK RVU"), or a fee schedule sheet with a Work RVU column. Null when the sheet has no such header.
 * Each row needs a code and a work RVU (a number ≥ 0); a row without, with "NA" or text for the
 * RVU, or with more than one modifier is left out with an error naming sheet, row and column. A
 * later row for the same code and modifier is ignored (the first wins), with a warning only when
 * its work RVU differs (a fee schedule repeats the code once per payer). Never throws.
 */
export function readRvuTable(grid: Grid, sheet: string): RvuTableRead | null {
  const header = findRvuHeader(grid);
  if (header === null) return null;
  const cptCol = header.columns.cpt as number;
  const workCol = header.columns.work as number;
  const modCol = header.columns.modifier;
  const headerRow = header.rows[header.rows.length - 1];

  const rows: WorkRvuRow[] = [];
  const issues: InputIssue[] = [];
  const first = new Map<string, WorkRvuRow>();
  let rowsRead = 0;
  for (let r = headerRow; r < grid.length; r++) {
    const cells = Array.isArray(grid[r]) ? (grid[r] as readonly CellValue[]) : [];
    const cptCell = cells[cptCol];
    const workCell = cells[workCol];
    const modCell = modCol === undefined ? null : cells[modCol];
    if (isBlankCell(cptCell) && isBlankCell(workCell) && isBlankCell(modCell)) continue;
    rowsRead++;
    const row = r + 1;
    const problem = (column: number, message: string, found?: CellValue, severity: "error" | "warning" = "error"): void => {
      const issue: InputIssue = { sheet, row, column: columnLetter(column + 1), severity, message };
      if (found !== undefined && !isBlankCell(found)) issue.found = showCell(found);
      issues.push(issue);
    };
    const cpt = codeText(cptCell);
    const work = workRvu(workCell);
    const modifier = modCell === null || isBlankCell(modCell) ? null : codeText(modCell);
    let ok = true;
    if (cpt === null) {
      problem(cptCol, isBlankCell(cptCell) ? "CPT/HCPCS code is blank" : "CPT/HCPCS code is not a code", cptCell);
      ok = false;
    }
    if (typeof work === "string") {
      problem(workCol, work, workCell);
      ok = false;
    }
    if (modCol !== undefined && !isBlankCell(modCell) && (modifier === null || /[\s,;/|]/.test(modifier))) {
      problem(modCol, "one modifier per RVU row", modCell);
      ok = false;
    }
    if (!ok || cpt === null || typeof work === "string") continue;
    const read: WorkRvuRow = { row, cpt: normalizeCpt(cpt), modifier: modifier === null ? null : normalizeModifier(modifier), work };
    const key = `${read.cpt}\u0001${read.modifier ?? ""}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, read);
      rows.push(read);
    } else if (!earlier.work.eq(read.work)) {
      problem(workCol, `repeats row ${earlier.row} (same code and modifier) with another work RVU; row ${earlier.row} is used, this row is ignored`, workCell, "warning");
    }
  }
  return { sheet, headerRow, rows, rowsRead, issues };
}

/** A code cell as text: text trimmed, or a whole non-negative number ("99213" typed as a number). */
function codeText(cell: CellValue): string | null {
  if (typeof cell === "string") return cell.trim() === "" ? null : cell.trim();
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 0) return String(cell);
  return null;
}

/** A work RVU, exact: a finite number ≥ 0 or numeric text; otherwise the reason it cannot be used. */
function workRvu(cell: CellValue): Decimal | string {
  if (isBlankCell(cell)) return "work RVU is blank";
  let text: string | null = null;
  // A number cell is read through its shortest decimal form (1.92, not 1.9199999…): RVUs carry two decimals.
  if (typeof cell === "number" && Number.isFinite(cell)) text = String(cell);
  else if (typeof cell === "string" && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(cell)) text = cell.trim();
  if (text === null) return "work RVU is not a number";
  const value = new Decimal(text);
  return value.isNegative() && !value.isZero() ? "work RVU is negative" : value;
}
