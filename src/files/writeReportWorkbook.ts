import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetDescription } from "../core/sheet/sheetDescription";
import { withinCellTextLimit } from "./excelTextLimit";
import { renderSheet } from "./renderSheet";
import { addChartsToXlsx, chartParts } from "./xlsxCharts";
import { addSheetToXlsxCopy } from "./xlsxInject";
import { readPartText, readWorkbookParts } from "./xlsxReader";
import { openZipPackage } from "./zipPackage";

/**
 * Writes the report into a COPY of the input workbook (a new sheet with a unique name, opened as
 * the active tab; the input file is only read and the user's sheets are copied byte for byte), or
 * into a new workbook when the input was a CSV, with the report's charts as native Excel charts
 * (xlsxCharts.ts). `output` is the temporary file safeWrite.ts hands out (it checks the output
 * against the inputs and renames it into place). Returns the sheet's name.
 */
export async function writeReportWorkbook(input: string, output: string, description: SheetDescription): Promise<string> {
  const sheet = withinCellTextLimit(description);
  if (path.resolve(input) === path.resolve(output)) {
    throw new Error("the output file must not be the input file: Practice Ledger never modifies the input");
  }
  const ext = path.extname(input).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") {
    const name = await addSheetToXlsxCopy(input, output, sheet);
    if (sheet.charts.length > 0) await fs.promises.writeFile(output, await withCharts(await fs.promises.readFile(output), name, sheet));
    return name;
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Practice Ledger";
  const name = renderSheet(workbook, sheet);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  await fs.promises.writeFile(output, addChartsToXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), 1, { ...sheet, name }));
  return name;
}

/**
 * The copy with the report sheet's charts added. Read through the checked package; JSZip rewrites
 * only the parts chartParts changes and keeps every other entry's compressed bytes as they were
 * (the user's sheets stay byte for byte).
 */
async function withCharts(copy: Buffer, sheetName: string, sheet: SheetDescription): Promise<Uint8Array> {
  const pkg = openZipPackage(copy, sheetName);
  const parts = await readWorkbookParts(pkg);
  const sheetPart = parts.sheets.find((s) => s.name === sheetName)?.part;
  if (sheetPart === undefined || sheetPart === null) return copy;
  const texts = new Map<string, string>();
  const slash = sheetPart.lastIndexOf("/");
  for (const p of [sheetPart, `${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`, "[Content_Types].xml"]) {
    const t = await readPartText(pkg, p);
    if (t !== null) texts.set(p, t);
  }
  const zip = await JSZip.loadAsync(copy);
  const changed = chartParts({ read: (p) => texts.get(p), has: (p) => pkg.entry(p) !== null }, sheetPart, { ...sheet, name: sheetName });
  for (const [p, text] of Object.entries(changed)) zip.file(p, text, { compression: "DEFLATE" });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
