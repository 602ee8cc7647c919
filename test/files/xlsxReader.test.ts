import ExcelJS from "exceljs";
import JSZip from "jszip";
import fc from "fast-check";
import { readXlsxGrids } from "../../src/files/xlsxReader";
import { plainCellValue } from "../../src/files/readWorkbook";

/** A formula cell saved without its value, as the reader hands it over (issue 14). */
const NO_VALUE = { error: "#VALUE!", reason: "formula without a saved value: open and save the file in Excel" };

async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What ExcelJS's own reader sees, mapped like the core reads it (dates as 1900-system serials). */
async function excelJsGrids(buffer: Buffer): Promise<{ name: string; grid: unknown[][] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const grid: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = Array.from((row.values as unknown[]).slice(1), (v) => {
        const p = plainCellValue(v);
        return p instanceof Date ? (p.getTime() - Date.UTC(1899, 11, 30)) / 86400000 : p;
      });
      while (values.length > 0 && values[values.length - 1] === null) values.pop();
      grid[n - 1] = values.map((v) => (v === undefined ? null : v));
    });
    for (let r = 0; r < grid.length; r++) if (grid[r] === undefined) grid[r] = [];
    return { name: ws.name, grid };
  });
}

describe("readXlsxGrids on a workbook written by ExcelJS", () => {
  let buffer: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Claims & Notes");
    ws.getCell("A1").value = "Claim ID";
    ws.getCell("B1").value = { richText: [{ text: "Date of " }, { font: { bold: true }, text: "Service" }] };
    ws.getCell("C1").value = 12.5;
    ws.getCell("D1").value = new Date(Date.UTC(2026, 9, 31)); // written as serial 46326 with a date format
    ws.getCell("D1").numFmt = "yyyy-mm-dd";
    ws.getCell("E1").value = true;
    ws.getCell("F1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("G1").value = { formula: "C1*2", result: 25 } as ExcelJS.CellFormulaValue;
    ws.getCell("H1").value = { formula: "C1*3" } as ExcelJS.CellFormulaValue; // no cached value → listed, not blank
    ws.getCell("I1").value = { formula: 'A1&"x"', result: "Claim IDx" } as ExcelJS.CellFormulaValue;
    ws.getCell("J1").value = false;
    ws.getCell("C3").value = -0.07; // row 2 left empty
    ws.getCell("E3").value = "a < b & c > \"d\" 'e'";
    ws.getCell("B4").numFmt = "0.00"; // styled but blank: no value
    const two = wb.addWorksheet("Sheet Two");
    two.getCell("A1").value = "Claim ID"; // same shared string as on the first sheet
    two.getCell("A2").value = 1e21;
    buffer = await bufferOf(wb);
  });

  it("returns exactly what was written (values by hand)", async () => {
    const sheets = await readXlsxGrids(buffer);
    expect(sheets.map((s) => s.name)).toEqual(["Claims & Notes", "Sheet Two"]);
    expect(sheets[0].grid).toEqual([
      // 2026-10-31 = 46326 days after 1899-12-30 (Excel's serial)
      ["Claim ID", "Date of Service", 12.5, 46326, true, { error: "#N/A" }, 25, NO_VALUE, "Claim IDx", false],
      [],
      [null, null, -0.07, null, "a < b & c > \"d\" 'e'"],
      [],
    ]);
    expect(sheets[1].grid).toEqual([["Claim ID"], [1e21]]);
  });

  it("agrees with ExcelJS's own reader", async () => {
    const ours = await readXlsxGrids(buffer);
    const theirs = await excelJsGrids(buffer);
    expect(ours.map((s) => s.name)).toEqual(theirs.map((s) => s.name));
    // Rows ExcelJS leaves out at the end (a styled blank row) are compared only where both have them.
    // ExcelJS reads a formula without a saved value as blank; this reader marks it (issue 14).
    const blanked = ours[0].grid.map((r) => r.map((c) => (c !== null && typeof c === "object" && "reason" in c ? null : c)));
    expect(blanked.slice(0, theirs[0].grid.length)).toEqual(theirs[0].grid);
    expect(ours[1].grid).toEqual(theirs[1].grid);
  });

  it("reads from a path and reports progress", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Big");
    for (let r = 1; r <= 250; r++) ws.addRow([r, `row ${r}`]);
    const calls: number[] = [];
    const sheets = await readXlsxGrids(await bufferOf(wb), { onProgress: (n) => calls.push(n), progressEvery: 100 });
    expect(sheets[0].grid.length).toBe(250);
    expect(sheets[0].grid[249]).toEqual([250, "row 250"]);
    expect(calls).toEqual([100, 200]); // 250 rows: called at 100 and 200
  });

  it("property: any grid of text, numbers and booleans reads back unchanged", async () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 12 }).filter((s) => s.trim() !== "" && !/[\u0000-\u001f_]/.test(s)),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.boolean(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 8 }), async (rows) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("P");
        rows.forEach((row, r) => row.forEach((v, c) => {
          if (v !== null) ws.getCell(r + 1, c + 1).value = v;
        }));
        const [sheet] = await readXlsxGrids(await bufferOf(wb));
        const expected = rows.map((row) => {
          const out = [...row];
          while (out.length > 0 && out[out.length - 1] === null) out.pop();
          return out;
        });
        while (expected.length > 0 && expected[expected.length - 1].length === 0) expected.pop();
        expect(sheet.grid).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});

/** A package written by hand, to reach what ExcelJS never writes. */
async function handMade(sheetXml: string, sst: string | null, workbookExtra = ""): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Chart" sheetId="2" rel:id="rId9"/><x:sheet name="A &amp; B" sheetId="1" rel:id="rId1"/>${workbookExtra}</x:sheets></x:workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="../xl/strings.xml"/></Relationships>',
  );
  zip.file("xl/chartsheets/sheet1.xml", "<chartsheet/>");
  zip.file("xl/worksheets/data.xml", sheetXml);
  if (sst !== null) zip.file("xl/strings.xml", sst);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("readXlsxGrids on hand-written XML", () => {
  it("reads prefixed XML, cells and rows without r, inline and rich strings, entities, escapes and ISO dates", async () => {
    const sst =
      '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      "<x:si><x:t>plain</x:t></x:si>" +
      '<x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Rich </x:t></x:r><x:r><x:t>text</x:t></x:r><x:rPh sb="0" eb="1"><x:t>PHONETIC</x:t></x:rPh></x:si>' +
      "<x:si><x:t>Line_x000D_\nbreak &amp; &#65;&#x42; _x005F_x0041_</x:t></x:si>" +
      "<x:si/>" +
      "</x:sst>";
    const sheet =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c r="E2" t="s"><x:v>3</x:v></x:c></x:row>' +
      "<x:row/>" + // row 3, empty
      '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line</x:t></x:r></x:is></x:c><x:c r="C4" s="2"/><x:c r="D4" t="d"><x:v>2026-10-31</x:v></x:c>' +
      '<x:c r="E4" t="str"><x:f>A4</x:f><x:v>in&lt;line</x:v></x:c><x:c r="F4"><x:f>1/0</x:f></x:c><x:c r="G4" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c>' +
      '<x:c r="H4" t="b"><x:v>0</x:v></x:c><x:c r="I4"><x:v>1.5E-3</x:v></x:c><x:c r="J4"><x:v>-12.25</x:v></x:c></x:row>' +
      '<x:row r="6" spans="1:2"><x:c r="AB6"><x:v>7</x:v></x:c></x:row>' +
      "</x:sheetData><x:rowBreaks count=\"0\"/></x:worksheet>";
    const sheets = await readXlsxGrids(await handMade(sheet, sst));
    expect(sheets.map((s) => s.name)).toEqual(["A & B"]); // the chart sheet is skipped
    const g = sheets[0].grid;
    expect(g.length).toBe(6);
    expect(g[0]).toEqual([]);
    // the rPh phonetic run is left out; _x000D_ is a carriage return; _x005F_ a literal "_"
    expect(g[1]).toEqual(["plain", "Rich text", "Line\r\nbreak & AB _x0041_", null, ""]);
    expect(g[2]).toEqual([]);
    expect(g[3]).toEqual(["inline", null, null, new Date(Date.UTC(2026, 9, 31)), "in<line", NO_VALUE, { error: "#DIV/0!" }, false, 0.0015, -12.25]);
    expect(g[4]).toEqual([]);
    const row6: unknown[] = new Array(28).fill(null);
    row6[27] = 7; // AB = 1×26 + 2 = column 28
    expect(g[5]).toEqual(row6);
  });

  it("reads a sheet larger than one chunk (rows cut across chunks) and a workbook without shared strings", async () => {
    const rows: string[] = [];
    // ~120 bytes a row × 30,000 rows ≈ 3.6 MB: several 1 MB chunks
    for (let r = 1; r <= 30000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>name ${r} &amp; co</t></is></c></row>`);
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
    const [s] = await readXlsxGrids(await handMade(sheet, null));
    expect(s.grid.length).toBe(30000);
    for (const r of [1, 8191, 15000, 29999, 30000]) expect(s.grid[r - 1]).toEqual([r, `name ${r} & co`]);
  });
});
