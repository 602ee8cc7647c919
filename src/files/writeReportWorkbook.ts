import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetDescription } from "../core/sheet/sheetDescription";
import { writeOutputSafely } from "./handoutOutput";
import { renderSheet } from "./renderSheet";
import { addChartsToXlsx, chartParts } from "./xlsxCharts";
import { addSheetToXlsxCopy } from "./xlsxInject";
import { readPartText, readWorkbookParts } from "./xlsxReader";

/**
 * Writes the report into a COPY of the input workbook (a new sheet with a unique name, opened as
 * the active tab; the input file is only read and the user's sheets are copied byte for byte), or
 * into a new workbook when the input was a CSV, with the report's charts as native Excel charts
 * (xlsxCharts.ts). The file is written to a temporary name, then renamed (writeOutputSafely).
 * Returns the sheet's name.
 */
export async function writeReportWorkbook(input: string, output: string, sheet: SheetDescription): Promise<string> {
  if (path.resolve(input) === path.resolve(output)) {
    throw new Error("the output file must not be the input file: Practice Ledger never modifies the input");
  }
  const ext = path.extname(input).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") {
    const tmp = path.join(path.dirname(path.resolve(output)), `.${path.basename(output)}.${process.pid}.copy.tmp`);
    try {
      const name = await addSheetToXlsxCopy(input, tmp, sheet);
      await writeOutputSafely(output, await withCharts(await fs.promises.readFile(tmp), name, sheet), [input]);
      return name;
    } finally {
      await fs.promises.rm(tmp, { force: true });
    }
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Practice Ledger";
  const name = renderSheet(workbook, sheet);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  const bytes = addChartsToXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), 1, { ...sheet, name });
  await writeOutputSafely(output, bytes, [input]);
  return name;
}

/**
 * The copy with the report sheet's charts added. JSZip rewrites only the parts chartParts changes
 * and keeps every other entry's compressed bytes as they were (the user's sheets stay byte for byte).
 */
async function withCharts(copy: Uint8Array, sheetName: string, sheet: SheetDescription): Promise<Uint8Array> {
  if (sheet.charts.length === 0) return copy;
  const zip = await JSZip.loadAsync(copy);
  const parts = await readWorkbookParts(zip);
  const sheetPart = parts.sheets.find((s) => s.name === sheetName)?.part;
  if (sheetPart === undefined || sheetPart === null) return copy;
  const texts = new Map<string, string>();
  const slash = sheetPart.lastIndexOf("/");
  for (const p of [sheetPart, `${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`, "[Content_Types].xml"]) {
    const t = await readPartText(zip, p);
    if (t !== null) texts.set(p, t);
  }
  const changed = chartParts({ read: (p) => texts.get(p), has: (p) => zip.file(p) !== null }, sheetPart, { ...sheet, name: sheetName });
  for (const [p, text] of Object.entries(changed)) zip.file(p, text, { compression: "DEFLATE" });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
