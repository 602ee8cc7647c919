/**
 * 1904 date system (ECMA-376 Part 1, 18.2.28 workbookPr date1904 and 18.17.4.1): serial 0 is
 * 1904-01-01, so a date's 1904 serial is its 1900 serial minus 1,462. Workbooks are written and
 * read back with ExcelJS, which honours date1904 on its own (an independent reader).
 * 2026-10-31 is serial 46,326 in the 1900 system (days after 1899-12-30), 44,864 in the 1904 one.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { SheetDescription } from "../../src/core/sheet/sheetDescription";
import { dateStyleIndexes, isDateFormatCode } from "../../src/files/dateStyles";
import { addSheetToXlsxCopy } from "../../src/files/xlsxInject";
import { readXlsxGrids } from "../../src/files/xlsxReader";

let dir: string;
let book: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-1904-"));
  book = path.join(dir, "mac.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet("Claims");
  ws.getCell("A1").value = new Date(Date.UTC(2026, 9, 31));
  ws.getCell("A1").numFmt = "mm/dd/yyyy";
  ws.getCell("B1").value = 125.5; // an amount: not a date, not moved
  ws.getCell("B1").numFmt = "#,##0.00";
  await wb.xlsx.writeFile(book);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("reads a 1904 workbook's dates as 1900-system serials (the core's) and leaves amounts alone", async () => {
  const [sheet] = await readXlsxGrids(book);
  expect(sheet.date1904).toBe(true);
  expect(sheet.grid[0]).toEqual([46326, 125.5]);
});

it("writes the report's dates in the book's own system", async () => {
  const report: SheetDescription = {
    name: "Report",
    columnWidths: [12],
    cells: [{ row: 1, col: 1, value: 46326, format: "date" }, { row: 2, col: 1, value: 46326 }],
    merges: [],
    charts: [],
    conditional: [],
    showGridLines: true,
  };
  const out = path.join(dir, "out.xlsx");
  await addSheetToXlsxCopy(book, out, report);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const cell = wb.getWorksheet("Report")!.getCell("A1").value;
  expect(cell).toEqual(new Date(Date.UTC(2026, 9, 31)));
  expect(wb.getWorksheet("Report")!.getCell("A2").value).toBe(46326); // not a date: as it was
});

it("tells date formats from others", () => {
  for (const code of ["mm/dd/yyyy", "d-mmm-yy", "[h]:mm:ss", "yyyy-mm-dd hh:mm", '[$-409]mmmm d, yyyy']) expect(isDateFormatCode(code)).toBe(true);
  for (const code of ["General", "#,##0.00", '"Days: "0', "0.0%", "[Red]#,##0;[Blue]-#,##0", '_("$"* #,##0.00_)']) expect(isDateFormatCode(code)).toBe(false);
  const styles = '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>';
  expect([...dateStyleIndexes(styles)]).toEqual([1, 2]);
});
