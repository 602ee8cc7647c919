/**
 * Reader defects of issue 14, each on a package written by hand (makePackage): expected values
 * worked out from ECMA-376 and Excel's limits, not from the reader's output.
 */
import { strToU8 } from "fflate";
import { readXlsxGrids, FORMULA_WITHOUT_VALUE } from "../../src/files/xlsxReader";
import { makePackage, sheetXml } from "./hostile/makePackage";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const sst = (...strings: string[]): string => `<sst xmlns="${MAIN}">${strings.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`;

describe("cells the reader used to misread", () => {
  it('<v /> (an empty value with a space) is blank and the rest of the row is still read', async () => {
    const [s] = await readXlsxGrids(makePackage(sheetXml('<row r="1"><c r="A1" t="s"><v /></c><c r="B1"><v>7</v></c><c r="C1" t="s"><v>0</v></c></row>'), { sharedStrings: sst("Payer") }));
    expect(s.grid).toEqual([[null, 7, "Payer"]]);
  });

  it("a formula without a saved value is an error cell with the reason, not a blank", async () => {
    const [s] = await readXlsxGrids(makePackage(sheetXml('<row r="1"><c r="A1"><f>B1*2</f></c><c r="B1"><v>3</v></c><c r="C1"><f>B1</f><v>3</v></c></row>')));
    expect(s.grid[0][0]).toEqual({ error: "#VALUE!", reason: FORMULA_WITHOUT_VALUE });
    expect(FORMULA_WITHOUT_VALUE).toBe("formula without a saved value: open and save the file in Excel");
    expect(s.grid[0].slice(1)).toEqual([3, 3]);
  });

  it("a shared-string index past the table is an error on that cell", async () => {
    const [s] = await readXlsxGrids(makePackage(sheetXml('<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>5</v></c></row>'), { sharedStrings: sst("a", "b") }));
    expect(s.grid[0][0]).toBe("b");
    expect(s.grid[0][1]).toMatchObject({ error: "#REF!", reason: expect.stringMatching(/shared string 5 does not exist \(the file's table holds 2\)/) });
  });

  it("CDATA is literal text, in strings and in values", async () => {
    const [s] = await readXlsxGrids(makePackage(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[A&B <x>]]></t></is></c><c r="B1"><v><![CDATA[12.5]]></v></c></row>')));
    expect(s.grid).toEqual([["A&B <x>", 12.5]]);
  });

  it('t="d" time-only and duration values are day fractions, as Excel stores them', async () => {
    // 10:30:00 = 10.5 / 24 = 0.4375 day; PT36H = 1.5 days; 2026-10-31 stays a date.
    const [s] = await readXlsxGrids(makePackage(sheetXml('<row r="1"><c r="A1" t="d"><v>10:30:00</v></c><c r="B1" t="d"><v>PT36H0M0.000S</v></c><c r="C1" t="d"><v>2026-10-31</v></c></row>')));
    expect(s.grid[0][0]).toBeCloseTo(0.4375, 12);
    expect(s.grid[0][1]).toBe(1.5);
    expect(s.grid[0][2]).toEqual(new Date(Date.UTC(2026, 9, 31)));
  });

  it("text longer than Excel's 32,767 characters is cut, with a note naming sheet, row and column", async () => {
    const long = "x".repeat(40000);
    const [s] = await readXlsxGrids(makePackage(sheetXml(`<row r="3"><c r="B3" t="inlineStr"><is><t>${long}</t></is></c></row>`)));
    expect((s.grid[2][1] as string).length).toBe(32767);
    expect(s.notes).toEqual(["Claims row 3 column B: text of 40,000 characters cut to Excel's limit of 32,767"]);
  });

  it("a cell far to the right does not fill thousands of blanks", async () => {
    const [s] = await readXlsxGrids(makePackage(sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>')));
    expect(s.grid[0][16383]).toBe(2); // XFD = 24×676 + 6×26 + 4 = 16,384
    expect(Object.keys(s.grid[0])).toEqual(["0", "16383"]);
  });
});

describe("package and part names", () => {
  it("OPC part names are case-insensitive: xl/WorkBook.xml and xl/SharedStrings.xml are found", async () => {
    const bytes = makePackage(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), {
      sharedStrings: sst("Claim ID"),
      names: { workbook: "xl/WorkBook.xml", sharedStrings: "xl/SharedStrings.xml", sheet: "xl/Worksheets/Sheet1.xml" },
    });
    const [s] = await readXlsxGrids(bytes);
    expect(s.grid).toEqual([["Claim ID"]]);
  });

  it("backslash entry names (xl\\workbook.xml) are read as slashes", async () => {
    const bytes = makePackage(sheetXml('<row r="1"><c r="A1"><v>4</v></c></row>'), { names: { workbook: "xl\\workbook.xml", sheet: "xl\\worksheets\\sheet1.xml" } });
    const [s] = await readXlsxGrids(bytes);
    expect(s.grid).toEqual([[4]]);
  });

  it("a UTF-16 part (with its byte-order mark) is decoded", async () => {
    const xml = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Café</t></is></c></row>').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    const [s] = await readXlsxGrids(makePackage(utf16));
    expect(s.grid).toEqual([["Café"]]);
  });

  it("stored (uncompressed) entries are read, CRC checked", async () => {
    const [s] = await readXlsxGrids(makePackage(sheetXml('<row r="1"><c r="A1"><v>9</v></c></row>'), { store: true }));
    expect(s.grid).toEqual([[9]]);
  });

  it("workbookPr date1904 is read and given with the grid", async () => {
    const [s] = await readXlsxGrids(makePackage(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), { workbookPr: '<workbookPr date1904="1"/>' }));
    expect(s.date1904).toBe(true);
    const [plain] = await readXlsxGrids(makePackage(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>')));
    expect(plain.date1904).toBeUndefined();
  });

  it("an error names the file given as a label", async () => {
    await expect(readXlsxGrids(strToU8("not a zip"), { label: "claims.xlsx" })).rejects.toThrow(/^claims\.xlsx: not an \.xlsx workbook/);
  });
});
