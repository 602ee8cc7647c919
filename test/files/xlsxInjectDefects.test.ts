/**
 * Injector defects of issue 14 and the "untouched parts stay byte for byte" property. Packages are
 * written by hand (fflate) or by ExcelJS; outputs are checked with ExcelJS (an independent reader)
 * and by reading the output zip's central directory.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { unzipSync, zipSync, strToU8, type Zippable } from "fflate";
import type { SheetDescription } from "../../src/core/sheet/sheetDescription";
import { addSheetToXlsxCopy } from "../../src/files/xlsxInject";
import { openZipPackage } from "../../src/files/zipPackage";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const REPORT: SheetDescription = {
  name: "Report",
  columnWidths: [20, 12],
  cells: [
    { row: 1, col: 1, value: "Payer", styles: ["tableHeader"] },
    { row: 1, col: 2, value: "Charges", styles: ["tableHeader"] },
    { row: 2, col: 1, value: "Medicare" },
    { row: 2, col: 2, value: 100, format: "money" },
  ],
  merges: [],
  charts: [],
  conditional: [],
  showGridLines: true,
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-inject-defects-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A user workbook as parts (name → bytes), with one sheet and the given styles.xml. */
function userParts(stylesXml: string): Record<string, Uint8Array> {
  return {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Claims" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Claim ID</t></is></c></row></sheetData></worksheet>`),
    "xl/styles.xml": strToU8(stylesXml),
  };
}

const PLAIN_STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`;

it("mc:AlternateContent in styles.xml (Hancom) counts once: the report's styles point at its own fonts", async () => {
  // Two fonts as Excel sees them: font 0, then an AlternateContent holding ONE font (Choice or Fallback).
  const hancom = PLAIN_STYLES.replace(
    '<fonts count="1"><font><sz val="11"/></font></fonts>',
    '<fonts count="2"><font><sz val="11"/></font><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14ac"><font><sz val="12"/></font></mc:Choice><mc:Fallback><font><sz val="12"/></font></mc:Fallback></mc:AlternateContent></fonts>',
  );
  const input = path.join(dir, "hancom.xlsx");
  fs.writeFileSync(input, zipSync(userParts(hancom)));
  const out = path.join(dir, "hancom-out.xlsx");
  await addSheetToXlsxCopy(input, out, { ...REPORT, cells: [{ row: 1, col: 1, value: "Bold", styles: ["tableHeader"] }] });
  const styles = new TextDecoder().decode(unzipSync(fs.readFileSync(out))["xl/styles.xml"]);
  // The report's header font is appended after the 2 fonts Excel sees, so its xf must say fontId >= 2.
  const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles);
  expect(xfs).not.toBeNull();
  const reportXf = [...xfs![2].matchAll(/<xf [^>]*fontId="(\d+)"/g)].slice(1).map((m) => Number(m[1]));
  expect(reportXf.length).toBeGreaterThan(0);
  for (const id of reportXf) expect(id).toBeGreaterThanOrEqual(2);
  expect(/<fonts count="(\d+)"/.exec(styles)![1]).toBe(String(2 + (styles.match(/<font>|<font /g)!.length - 3))); // 3 <font> tags in the input for 2 fonts
});

it("a report with an Excel table writes the table part, its relationship and content type, with a unique name", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Claims");
  ws.addTable({ name: "Payers", ref: "A1", columns: [{ name: "Payer" }, { name: "N" }], rows: [["Aetna", 1]] });
  const input = path.join(dir, "with-table.xlsx");
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, "with-table-out.xlsx");
  await addSheetToXlsxCopy(input, out, { ...REPORT, tables: [{ name: "Payers", range: { fromRow: 1, fromCol: 1, toRow: 2, toCol: 2 } }] });
  const parts = unzipSync(fs.readFileSync(out));
  const tableParts = Object.keys(parts).filter((n) => /^xl\/tables\/.*\.xml$/.test(n));
  expect(tableParts).toHaveLength(2);
  const text = (n: string): string => new TextDecoder().decode(parts[n]);
  expect(text("[Content_Types].xml").match(/spreadsheetml\.table\+xml/g)).toHaveLength(2);
  const names = tableParts.map((n) => /\sname="([^"]*)"/.exec(text(n))![1]).sort();
  const ids = tableParts.map((n) => /\sid="(\d+)"/.exec(text(n))![1]);
  expect(new Set(ids).size).toBe(2);
  expect(names).toEqual(["Payers", "Payers_2"]);
  // ExcelJS opens the copy and finds the report's table on the report sheet.
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(out);
  const report = back.getWorksheet("Report")!;
  expect(Object.keys((report as unknown as { tables: Record<string, unknown> }).tables)).toEqual(["Payers_2"]);
});

it("property: every part the report need not touch is byte-identical, and stored parts stay stored", async () => {
  const edited = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);
  const extraPart = fc.record({
    name: fc.constantFrom("xl/media/image", "customXml/item", "xl/printerSettings/printerSettings", "docProps/custom", "xl/vbaProject"),
    body: fc.uint8Array({ minLength: 0, maxLength: 300 }),
    stored: fc.boolean(),
  });
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(extraPart, { maxLength: 6 }), fc.boolean(), async (extras, sheetStored) => {
      const files: Zippable = {};
      for (const [name, bytes] of Object.entries(userParts(PLAIN_STYLES))) files[name] = name === "xl/worksheets/sheet1.xml" && sheetStored ? [bytes, { level: 0 }] : bytes;
      extras.forEach((e, k) => {
        files[`${e.name}${k}.bin`] = [e.body, { level: e.stored ? 0 : 6 }];
      });
      const input = path.join(dir, `prop-${run}.xlsx`);
      const out = path.join(dir, `prop-${run++}-out.xlsx`);
      const inputBytes = Buffer.from(zipSync(files));
      fs.writeFileSync(input, inputBytes);
      await addSheetToXlsxCopy(input, out, REPORT);
      const before = openZipPackage(inputBytes, "in");
      const outBytes = fs.readFileSync(out);
      const after = openZipPackage(outBytes, "out");
      const inParts = unzipSync(inputBytes);
      const outParts = unzipSync(outBytes);
      for (const entry of before.entries) {
        if (edited.has(entry.name)) continue;
        expect(Buffer.from(outParts[entry.name]).equals(Buffer.from(inParts[entry.name]))).toBe(true);
        const copy = after.entry(entry.name)!;
        expect(copy.crc32).toBe(entry.crc32);
        // A stored part stays stored; a deflated part keeps its very compressed bytes. (An EMPTY
        // deflated part comes out stored: JSZip writes zero bytes that way; the content is the same.)
        if (entry.uncompressedSize === 0) continue;
        expect(copy.method).toBe(entry.method);
        if (entry.method === 8) expect(copy.compressedSize).toBe(entry.compressedSize);
      }
    }),
    { numRuns: 15 },
  );
});
