import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addSheetToXlsxCopy } from "../../src/files/xlsxInject";
import { writeReportWorkbook } from "../../src/files/writeReportWorkbook";
import { readXlsxGrids } from "../../src/files/xlsxReader";
import { NUMBER_FORMATS, type SheetDescription } from "../../src/core/sheet/sheetDescription";

const REPORT: SheetDescription = {
  name: "Physician Report 2026-10",
  tabColor: "1F3864",
  columnWidths: [30, 14, 14],
  cells: [
    { row: 1, col: 1, value: "Riverside & Sons <Clinic>", styles: ["title"] },
    { row: 3, col: 1, value: "Payer", styles: ["tableHeader"] },
    { row: 3, col: 2, value: "Charges", styles: ["tableHeader"] },
    { row: 3, col: 3, value: "Share", styles: ["tableHeader"] },
    { row: 4, col: 1, value: "Medicare", styles: ["label"] },
    { row: 4, col: 2, value: 1234.5, format: "money" },
    { row: 4, col: 3, value: 0.25, format: "percent1", styles: ["good"] },
    { row: 5, col: 1, value: "Total", styles: ["total"] },
    { row: 5, col: 2, value: 4938, format: "money", styles: ["total"] },
    { row: 5, col: 3, value: true },
  ],
  merges: [{ fromRow: 1, fromCol: 1, toRow: 1, toCol: 3 }],
  charts: [],
  conditional: [
    { kind: "dataBar", range: { fromRow: 4, fromCol: 2, toRow: 5, toCol: 2 }, color: "5B9BD5" },
    { kind: "threshold", range: { fromRow: 4, fromCol: 3, toRow: 5, toCol: 3 }, operator: "greaterThan", value: 0.2, style: "bad" },
  ],
  freezeRows: 3,
  showGridLines: false,
};

const EDITED = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];

let dir: string;
let input: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-inject-"));
  input = path.join(dir, "book.xlsx");
  const wb = new ExcelJS.Workbook();
  const claims = wb.addWorksheet("Claims");
  claims.addRow(["Claim ID", "Charge", "Date of Service"]);
  claims.addRow(["C-1", 125.5, 46326]);
  claims.addRow(["C-2", 80, 46327]);
  claims.getColumn(2).numFmt = '"$"#,##0.00'; // the same code as the report's money format → reused id
  claims.getColumn(3).numFmt = "dd/mm/yyyy";
  claims.getCell("A1").font = { bold: true, color: { argb: "FF00B050" } };
  const taken = wb.addWorksheet("physician report 2026-10"); // the wanted name, in other case
  taken.getCell("A1").value = "an older report";
  await wb.xlsx.writeFile(input);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (file: string): string => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("addSheetToXlsxCopy", () => {
  let output: string;
  let name: string;
  let before: string;

  beforeAll(async () => {
    output = path.join(dir, "out.xlsx");
    before = sha(input);
    name = await addSheetToXlsxCopy(input, output, REPORT);
  });

  it("makes the name unique (case-insensitively) and leaves the input unchanged", () => {
    expect(name).toBe("Physician Report 2026-10 (2)");
    expect(sha(input)).toBe(before);
  });

  it("carries every other part of the package over byte for byte", async () => {
    const a = await JSZip.loadAsync(fs.readFileSync(input));
    const b = await JSZip.loadAsync(fs.readFileSync(output));
    const originals = Object.keys(a.files).filter((f) => !a.files[f].dir);
    for (const f of originals) {
      expect(b.file(f)).not.toBeNull();
      if (EDITED.includes(f)) continue;
      const x = await a.file(f)!.async("nodebuffer");
      const y = await b.file(f)!.async("nodebuffer");
      expect({ f, same: x.equals(y) }).toEqual({ f, same: true });
    }
    const added = Object.keys(b.files).filter((f) => !b.files[f].dir && !originals.includes(f));
    expect(added).toEqual(["xl/worksheets/sheet3.xml"]); // sheet1 and sheet2 are taken
    const workbookXml = await b.file("xl/workbook.xml")!.async("string");
    // The user's active tab stays active, so Excel never opens the report grouped with their sheet.
    expect(workbookXml).not.toContain('activeTab="2"');
    expect(workbookXml).toContain('name="Physician Report 2026-10 (2)" sheetId="3"');
  });

  it("opens in ExcelJS with the original sheets' values and the report as described", async () => {
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(input);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(output);
    expect(copy.worksheets.map((w) => w.name)).toEqual(["Claims", "physician report 2026-10", "Physician Report 2026-10 (2)"]);
    for (const ws of original.worksheets) {
      const other = copy.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: true }, (row, r) => expect(other.getRow(r).values).toEqual(row.values));
    }
    // The user's styles still point where they did.
    expect(copy.getWorksheet("Claims")!.getCell("B2").numFmt).toBe('"$"#,##0.00');
    expect(copy.getWorksheet("Claims")!.getCell("C2").numFmt).toBe("dd/mm/yyyy");
    expect(copy.getWorksheet("Claims")!.getCell("A1").font.color?.argb).toBe("FF00B050");

    const r = copy.getWorksheet("Physician Report 2026-10 (2)")!;
    expect(r.getCell("A1").value).toBe("Riverside & Sons <Clinic>");
    expect(r.getCell("A1").font.bold).toBe(true); // title: bold 18 1F3864
    expect(r.getCell("A1").font.size).toBe(18);
    expect(r.getCell("A1").font.color?.argb).toBe("FF1F3864");
    expect(r.getCell("A1").isMerged && r.getCell("C1").isMerged).toBe(true); // A1:C1
    expect(r.getCell("B3").value).toBe("Charges");
    expect((r.getCell("B3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF2F5597"); // tableHeader fill
    expect(r.getCell("B3").font.color?.argb).toBe("FFFFFFFF");
    expect(r.getCell("B4").value).toBe(1234.5);
    expect(r.getCell("B4").numFmt).toBe(NUMBER_FORMATS.money);
    expect(r.getCell("C4").numFmt).toBe("0.0%");
    expect((r.getCell("C4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFC6EFCE"); // good
    expect(r.getCell("B5").border.top?.style).toBe("thin"); // total
    expect(r.getCell("C5").value).toBe(true);
    expect(r.getColumn(1).width).toBe(30);
  });

  it("points the report's conditional format at the appended dxf and keeps the input's styles first", async () => {
    const b = await JSZip.loadAsync(fs.readFileSync(output));
    const styles = await b.file("xl/styles.xml")!.async("string");
    const sheet = await b.file("xl/worksheets/sheet3.xml")!.async("string");
    const dxfCount = Number(/<dxfs count="(\d+)"/.exec(styles)![1]);
    const dxfId = Number(/dxfId="(\d+)"/.exec(sheet)![1]);
    expect(dxfId).toBe(dxfCount - 1); // the input had no dxfs: the report's one is the last
    expect(styles.split("<dxf>")[dxfId + 1]).toContain('rgb="FF9C0006"'); // bad: font 9C0006
    // The money format existed in the input: reused, not added twice.
    expect(styles.split('formatCode="&quot;$&quot;#,##0.00"').length - 1).toBe(1);
    expect(sheet).not.toContain("tabSelected"); // not selected: no grouping with the user's tab
    expect(sheet).not.toContain('t="s"'); // strings are inline: the input's sharedStrings.xml is untouched
  });

  it("reads back with readXlsxGrids", async () => {
    const sheets = await readXlsxGrids(output);
    expect(sheets[2].grid[0]).toEqual(["Riverside & Sons <Clinic>"]);
    expect(sheets[2].grid[3]).toEqual(["Medicare", 1234.5, 0.25]);
    expect(sheets[0].grid[1]).toEqual(["C-1", 125.5, 46326]);
  });
});

describe("writeReportWorkbook", () => {
  it("refuses to write over the input", async () => {
    await expect(writeReportWorkbook(input, input, REPORT)).rejects.toThrow(/must not be the input/);
  });

  it("copies an .xlsx through addSheetToXlsxCopy and writes a new workbook for a CSV", async () => {
    const out = path.join(dir, "viaWrite.xlsx");
    expect(await writeReportWorkbook(input, out, REPORT)).toBe("Physician Report 2026-10 (2)");
    const csv = path.join(dir, "claims.csv");
    fs.writeFileSync(csv, "Claim ID,Charge\nC-1,10\n");
    const out2 = path.join(dir, "fromCsv.xlsx");
    expect(await writeReportWorkbook(csv, out2, REPORT)).toBe("Physician Report 2026-10");
    const sheets = await readXlsxGrids(out2);
    expect(sheets.map((s) => s.name)).toEqual(["Physician Report 2026-10"]);
  });
});
