import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { SheetDescription } from "../core/sheet/sheetDescription";
import { withinCellTextLimit } from "./excelTextLimit";
import { renderSheet } from "./renderSheet";
import { addChartsToXlsx, chartParts } from "./xlsxCharts";
import { injectReportSheet, type ReportSheetInjection } from "./xlsxInject";
import { readPartText } from "./xlsxReader";
import { readZipPackage, type ZipPackage } from "./zipPackage";
import { writeRewrittenZip } from "./zipRewrite";

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
    // One pass: the report sheet's parts and its charts' parts, then one write of the copy.
    // Read from the input file piece by piece (never held whole), and closed when done.
    const pkg = await readZipPackage(input, path.basename(input));
    try {
      const injected = await injectReportSheet(pkg, sheet);
      if (sheet.charts.length > 0) await addChartParts(pkg, injected, sheet);
      await writeRewrittenZip(pkg, injected.changes, output);
      return injected.name;
    } finally {
      pkg.close();
    }
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Practice Ledger";
  const name = renderSheet(workbook, sheet);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  await fs.promises.writeFile(output, addChartsToXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), 1, { ...sheet, name }));
  return name;
}

/**
 * Adds the report sheet's charts (xlsxCharts.ts) to the injection's parts: chartParts reads the
 * parts as the copy will hold them (the injection's own, else the input's) and its parts join the
 * injection's, so the copy is written once and every untouched entry stays byte for byte.
 */
async function addChartParts(pkg: ZipPackage, injected: ReportSheetInjection, sheet: SheetDescription): Promise<void> {
  const { sheetPart, changes } = injected;
  const texts = new Map<string, string>();
  const slash = sheetPart.lastIndexOf("/");
  for (const p of [sheetPart, `${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`, "[Content_Types].xml"]) {
    const t = changes.text(p) ?? (await readPartText(pkg, p));
    if (t !== null) texts.set(p, t);
  }
  const added = chartParts({ read: (p) => texts.get(p), has: (p) => changes.has(p) || pkg.entry(p) !== null }, sheetPart, { ...sheet, name: injected.name });
  for (const [p, text] of Object.entries(added)) changes.set(p, text);
}
