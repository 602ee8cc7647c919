/**
 * The practice's own columns of the register (patient account, notes, referring doctor…): the
 * columns the reader did not map to a register field. Posting writes a new version of the register,
 * and that version keeps them, row by row, beside the standard columns, so nothing the practice
 * keeps on its register is lost by posting.
 */
import { cellErrorText, type CellValue } from "../cells/cellValue";
import type { ClaimsRegisterRead } from "../import/readClaimsRegister";
import type { CellContent } from "../sheet/sheetDescription";
import { REGISTER_HEADERS } from "../templates/claimsRegisterTemplate";
import { LEFT_OUT_HEADERS } from "../templates/registerSheetFromLines";

/** The source register's extra columns: their headers and, per source row (1-based), their values. */
export interface RegisterExtras {
  headers: string[];
  /** Source row → one value per header (rows without any value are absent). */
  byRow: Map<number, CellContent[]>;
}

/** "AB" → 28 (1-based). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A source cell as a sheet cell: blank ("" too) as null; numbers, text and booleans as they are; a date as its ISO text; an error as its text. */
function asContent(value: CellValue): CellContent {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  return cellErrorText(value) ?? String(value);
}

/**
 * The extra columns of a register read from `grid`: every column with a header the reader left
 * unmapped, except the register's own computed columns (Balance, Age Bucket), which the new version
 * writes afresh, and the list of rows left out that an earlier posted version carries beside it. Headers are made unique (an Excel table's column names must be: "Notes", "Notes (2)").
 */
export function registerExtras(grid: readonly (readonly CellValue[])[], register: Pick<ClaimsRegisterRead, "unmapped">): RegisterExtras {
  const standard = new Set(REGISTER_HEADERS.map((h) => h.trim().toLowerCase()));
  const ours = new Set([...standard, ...LEFT_OUT_HEADERS.map((h) => h.toLowerCase())]);
  const columns = register.unmapped.filter((u) => !ours.has(u.header.trim().toLowerCase()));
  const taken = new Set(standard);
  const headers = columns.map((c) => {
    const wanted = c.header.trim();
    let header = wanted;
    for (let n = 2; taken.has(header.toLowerCase()); n++) header = `${wanted} (${n})`;
    taken.add(header.toLowerCase());
    return header;
  });
  const indexes = columns.map((c) => columnNumber(c.column) - 1);
  const byRow = new Map<number, CellContent[]>();
  grid.forEach((row, i) => {
    const values = indexes.map((k) => asContent(row[k]));
    if (values.some((v) => v !== null)) byRow.set(i + 1, values);
  });
  return { headers, byRow };
}
