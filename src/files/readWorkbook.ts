import * as fs from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../core/cells/cellValue";
import { readCsvBytes } from "./csv";
import { readXlsxGrids, type SheetGrid } from "./xlsxReader";
import { UnreadableFileError } from "./zipPackage";

export type { SheetGrid };

/** ExcelJS cell value → what the core reads (number, text, boolean, Date, null, or an error value). */
export function plainCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if ("error" in v) return { error: v.error };
  if ("result" in v) return plainCellValue(v.result); // a formula: its cached value (none → blank)
  if ("formula" in v || "sharedFormula" in v) return null;
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((t) => t.text).join("");
  if ("text" in v) return plainCellValue(v.text);
  return null;
}

/**
 * Reads every worksheet of an .xlsx/.xlsm with the package scanner of xlsxReader.ts (about 10×
 * faster than ExcelJS's streaming reader; memory proportional to the values), or a .csv as one
 * sheet named after the file. `onProgress` gets the rows read so far every 20,000 rows.
 */
export async function readWorkbookGrids(file: string, onProgress?: (rows: number) => void): Promise<SheetGrid[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv" || ext === ".txt") {
    const name = path.basename(file, ext);
    const csv = readCsvBytes(await fs.promises.readFile(file), name);
    const sheet: SheetGrid = { name, grid: csv.grid };
    if (csv.notes.length > 0) sheet.notes = csv.notes;
    return [sheet];
  }
  if (ext !== ".xlsx" && ext !== ".xlsm") throw new UnreadableFileError(`${path.basename(file)}: not an .xlsx or .csv file`);
  return readXlsxGrids(file, { onProgress, progressEvery: 20000 });
}
