import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CellValue } from "../core/cells/cellValue";
import { parseCsv } from "./csv";

/** One sheet as a grid of cell values: grid[0] is the sheet's row 1, grid[r][0] its column A. */
export interface SheetGrid {
  name: string;
  grid: CellValue[][];
}

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
 * Reads every sheet of an .xlsx with ExcelJS's streaming reader (memory stays proportional to
 * the values, not to ExcelJS's object model), or a .csv as one sheet named after the file.
 */
export async function readWorkbookGrids(file: string, onProgress?: (rows: number) => void): Promise<SheetGrid[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv" || ext === ".txt") {
    const grid = parseCsv(await fs.promises.readFile(file, "utf8"));
    return [{ name: path.basename(file, ext), grid }];
  }
  if (ext !== ".xlsx" && ext !== ".xlsm") throw new Error(`${path.basename(file)}: not an .xlsx or .csv file`);
  const sheets: SheetGrid[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "emit",
  } as never);
  let rowsSeen = 0;
  for await (const worksheet of reader as AsyncIterable<ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>>) {
    const grid: CellValue[][] = [];
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      const cells: CellValue[] = [];
      for (let c = 1; c < values.length; c++) cells.push(plainCellValue(values[c]));
      grid[row.number - 1] = cells;
      rowsSeen++;
      if (onProgress !== undefined && rowsSeen % 20000 === 0) onProgress(rowsSeen);
    }
    for (let r = 0; r < grid.length; r++) if (grid[r] === undefined) grid[r] = [];
    const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${sheets.length + 1}`;
    sheets.push({ name, grid });
  }
  return sheets;
}
