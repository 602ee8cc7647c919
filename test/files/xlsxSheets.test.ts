/**
 * xlsxSheets: a worksheet read as its first rows, as a whole grid, or row by row without a grid must
 * give exactly what readXlsxGrids gives (its values are checked against LibreOffice, ExcelJS and
 * hand-worked XML in the other reader tests): on every .xlsx under test/, on workbooks written here,
 * on random worksheets (fast-check, the generator of xlsxReaderPieces.test.ts), and on hostile files
 * (the same UnreadableFileError message).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { strToU8, unzipSync, zipSync } from "fflate";
import type { CellValue } from "../../src/core/cells/cellValue";
import { openXlsxSheets, RowsOutOfOrderError, type XlsxSheets } from "../../src/files/xlsxSheets";
import { readWorksheetPieces, readXlsxGrids, type SheetGrid, type XlsxSource } from "../../src/files/xlsxReader";
import { streamWorksheetPieces } from "../../src/files/worksheetScanner";
import { UnreadableFileError } from "../../src/files/zipPackage";
import { sampleWorkbook } from "../../src/files/writeSampleWorkbook";
import { samplePractice } from "../../src/sample/samplePractice";
import { writeAdvancedMdXlsx } from "../pipeline/fixtures/advancedMdBook";
import { makePackage, sheetXml as sheetAround } from "./hostile/makePackage";
import { cutAt, sheet, sheetXml, type Sheet } from "./worksheetXml";

const REPO = path.resolve(__dirname, "..", "..");
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Streamed {
  calls: { index: number; cells: readonly CellValue[] }[];
  rows: number;
  notes: string[];
}

async function stream(book: XlsxSheets, name: string): Promise<Streamed> {
  const calls: Streamed["calls"] = [];
  const { rows, notes } = await book.forEachRow(name, (index, cells) => calls.push({ index, cells }));
  return { calls, rows, notes };
}

/** The rows streamed are the grid's: in order, each at its index with its cells, the rows not called blank. */
function expectRowsOfGrid(streamed: Streamed, grid: readonly CellValue[][], notes: readonly string[] = []): void {
  const indexes = streamed.calls.map((c) => c.index);
  for (let k = 1; k < indexes.length; k++) expect(indexes[k]).toBeGreaterThan(indexes[k - 1]);
  expect(streamed.rows).toBe(grid.length);
  const rebuilt: (readonly CellValue[])[] = Array.from({ length: streamed.rows }, () => []);
  for (const { index, cells } of streamed.calls) rebuilt[index] = cells;
  expect(rebuilt).toStrictEqual(grid);
  expect(streamed.notes).toEqual(notes);
}

/** Every way of xlsxSheets against readXlsxGrids on one workbook. */
async function expectSameAsGrids(source: XlsxSource): Promise<SheetGrid[]> {
  const grids = await readXlsxGrids(source);
  const book = await openXlsxSheets(source);
  try {
    await expectEveryWay(book, grids);
  } finally {
    book.close();
  }
  return grids;
}

async function expectEveryWay(book: XlsxSheets, grids: readonly SheetGrid[]): Promise<void> {
  expect(book.names).toEqual(grids.map((g) => g.name));
  for (const g of grids) {
    expect(book.date1904).toBe(g.date1904 === true);
    expect(await book.grid(g.name)).toStrictEqual(g);
    expectRowsOfGrid(await stream(book, g.name), g.grid, g.notes);
    expectRowsOfGrid(await stream(book, g.name), g.grid, g.notes); // a second pass: the same rows
    for (const n of [0, 1, 2, 5, 60]) {
      const head = await book.head(g.name, n);
      expect(head.name).toBe(g.name);
      expect(head.grid).toStrictEqual(g.grid.slice(0, n));
    }
    expect(book.xmlBytes(g.name)).toBeGreaterThan(0);
  }
}

function xlsxFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...xlsxFilesUnder(full));
    else if (/\.xlsx$/i.test(entry.name)) out.push(full);
  }
  return out;
}

const escapeXml = (t: string): string => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const sst = (strings: readonly string[]): string => `<sst xmlns="${MAIN}">${strings.map((t) => `<si><t>${escapeXml(t)}</t></si>`).join("")}</sst>`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-sheets-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("every .xlsx under test/ reads the same by rows, by grid and by first rows", () => {
  const files = xlsxFilesUnder(path.join(REPO, "test"));
  it("finds the third-party corpus", () => expect(files.length).toBeGreaterThanOrEqual(12));
  it.each(files.map((f) => [path.relative(REPO, f)]))("%s", async (file) => {
    await expectSameAsGrids(path.join(REPO, file));
  });
});

describe("workbooks written here", () => {
  it("the sample practice, two months (claims, fee schedule, budget, payroll, RVUs)", async () => {
    const file = path.join(dir, "sample.xlsx");
    await sampleWorkbook(samplePractice({ months: 2 })).xlsx.writeFile(file);
    const grids = await expectSameAsGrids(file);
    expect(grids.length).toBeGreaterThanOrEqual(3);
  }, 30_000);

  it("an AdvancedMD-shaped export (title rows, dates, money formats, a totals row)", async () => {
    const file = path.join(dir, "advancedmd.xlsx");
    await writeAdvancedMdXlsx(file);
    await expectSameAsGrids(file);
  });

  it("a 1904 workbook: date cells moved to the 1900 system (2026-10-31 is 1900 serial 46,326), amounts not", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Claims");
    ws.getCell("A1").value = new Date(Date.UTC(2026, 9, 31));
    ws.getCell("A1").numFmt = "mm/dd/yyyy";
    ws.getCell("B1").value = 125.5;
    ws.getCell("B1").numFmt = "#,##0.00";
    const file = path.join(dir, "mac.xlsx");
    await wb.xlsx.writeFile(file);
    await expectSameAsGrids(file);
    const book = await openXlsxSheets(file);
    expect(book.date1904).toBe(true);
    expect((await stream(book, "Claims")).calls).toEqual([{ index: 0, cells: [46326, 125.5] }]);
    book.close();
  });

  it("text past Excel's 32,767 characters is cut with the same note; empty rows give []; a far cell stays sparse", async () => {
    const long = "x".repeat(40000);
    const xml = sheetAround(`<row r="2"/><row r="3"><c r="B3" t="inlineStr"><is><t>${long}</t></is></c></row><row r="5"><c r="A5"><v>1</v></c><c r="XFD5"><v>2</v></c></row>`);
    const bytes = makePackage(xml);
    const [g] = await expectSameAsGrids(bytes);
    expect(g.notes).toEqual(["Claims row 3 column B: text of 40,000 characters cut to Excel's limit of 32,767"]);
    const { calls, rows } = await stream(await openXlsxSheets(bytes), "Claims");
    expect(calls.map((c) => [c.index, c.cells.length])).toEqual([
      [1, 0],
      [2, 2],
      [4, 16384],
    ]);
    expect(Object.keys(calls[2].cells)).toEqual(["0", "16383"]);
    expect(rows).toBe(5);
  });

  it("a sheet without row numbers: each row follows the one before", async () => {
    await expectSameAsGrids(makePackage(sheetAround("<row><c><v>1</v></c></row><row/><row><c><v>3</v></c></row>")));
  });
});

describe("rows out of order", () => {
  it("a row listed again or after a later row: RowsOutOfOrderError from the stream, the grid still reads", async () => {
    for (const rows of ['<row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="B1"><v>2</v></c></row>', '<row r="3"><c r="A3"><v>3</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>']) {
      const bytes = makePackage(sheetAround(rows));
      const book = await openXlsxSheets(bytes, { label: "book.xlsx" });
      const err = await book.forEachRow("Claims", () => undefined).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RowsOutOfOrderError);
      expect(err).not.toBeInstanceOf(UnreadableFileError);
      expect((err as Error).message).toMatch(/^book\.xlsx: sheet "Claims" lists row \d after row \d/);
      const [g] = await readXlsxGrids(bytes);
      expect(await book.grid("Claims")).toStrictEqual(g);
    }
    const [joined] = await readXlsxGrids(makePackage(sheetAround('<row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="B1"><v>2</v></c></row>')));
    expect(joined.grid).toEqual([[1, 2]]); // the grid joins a row listed twice
  });

  const orderedSheet = sheet.filter((s) => s.rows.length >= 2).chain((s) => fc.shuffledSubarray(s.rows.map((_, k) => k), { minLength: s.rows.length, maxLength: s.rows.length }).map((order) => ({ s, order })));

  it("property: rows in any order: the stream throws exactly when one is not past the row before, else gives the grid's rows", () => {
    fc.assert(
      fc.property(orderedSheet, fc.array(fc.nat(), { maxLength: 6 }), ({ s, order }, cuts) => {
        const { xml, grid } = sheetXml(s, order);
        const inOrder = order.every((k, j) => j === 0 || k > order[j - 1]);
        const pieces = cutAt(xml, cuts);
        expect(readWorksheetPieces(pieces, s.strings).grid).toEqual(grid);
        const calls: Streamed["calls"] = [];
        const read = (): { rows: number; notes: string[] } => streamWorksheetPieces(pieces, s.strings, (index, cells) => calls.push({ index, cells }));
        if (inOrder) expectRowsOfGrid({ calls, ...read() }, grid);
        else expect(read).toThrow(RowsOutOfOrderError);
      }),
      { numRuns: 200 },
    );
  });
});

describe("random worksheets (fast-check)", () => {
  it("property: any cells, any cuts between pieces: the stream gives the rows of the grid the XML holds", () => {
    fc.assert(
      fc.property(sheet, fc.array(fc.nat(), { maxLength: 12 }), (s: Sheet, cuts) => {
        const { xml, grid } = sheetXml(s);
        const calls: Streamed["calls"] = [];
        const read = streamWorksheetPieces(cutAt(xml, cuts), s.strings, (index, cells) => calls.push({ index, cells }));
        expectRowsOfGrid({ calls, ...read }, grid);
      }),
      { numRuns: 300 },
    );
  });

  it("property: as a workbook (shared strings, deflated or stored), every way gives readXlsxGrids' sheet", async () => {
    await fc.assert(
      fc.asyncProperty(sheet, fc.boolean(), async (s, store) => {
        await expectSameAsGrids(makePackage(sheetXml(s).xml, { sharedStrings: sst(s.strings), store }));
      }),
      { numRuns: 60 },
    );
  });
});

describe("errors of the host's row callback", () => {
  it("come out as they were thrown (not as a damaged part), deflated or stored", async () => {
    class HostError extends Error {}
    for (const store of [false, true]) {
      const book = await openXlsxSheets(makePackage(sheetAround('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'), { store }));
      const err = await book
        .forEachRow("Claims", (index) => {
          if (index === 1) throw new HostError("the host refused row 2");
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HostError);
      expect((err as Error).message).toBe("the host refused row 2");
    }
  });
});

describe("the first rows", () => {
  it("stop the inflating early: a sheet damaged past its first rows still gives them, the whole read refuses it", async () => {
    const rows = Array.from({ length: 20000 }, (_, k) => `<row r="${k + 1}"><c r="A${k + 1}"><v>${k}</v></c><c r="B${k + 1}" t="inlineStr"><is><t>line ${k}</t></is></c></row>`).join("");
    const bytes = makePackage(sheetAround(rows), { store: true });
    const at = bytes.indexOf("<v>19990</v>");
    bytes[at + 3] = 0x38; // a digit made another digit near the end: the CRC-32 fails there
    const book = await openXlsxSheets(bytes, { label: "late.xlsx" });
    const head = await book.head("Claims", 3);
    expect(head.grid).toEqual([
      [0, "line 0"],
      [1, "line 1"],
      [2, "line 2"],
    ]);
    await expect(book.grid("Claims")).rejects.toThrow(/^late\.xlsx: the part xl\/worksheets\/sheet1\.xml is damaged \(CRC-32 check failed\)/);
    await expect(book.forEachRow("Claims", () => undefined)).rejects.toThrow(/CRC-32 check failed/);
  });

  it("xmlBytes is the part's inflated size from the zip directory", async () => {
    const xml = sheetAround('<row r="1"><c r="A1"><v>1</v></c></row>');
    const book = await openXlsxSheets(makePackage(xml));
    expect(book.xmlBytes("Claims")).toBe(Buffer.byteLength(xml));
    expect(() => book.xmlBytes("Nope")).toThrow(/no worksheet named "Nope"/);
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile files: the same refusal, word for word, whichever way the sheets are read.

/** A buffer of `size` spaces with `head` before and `tail` after. */
function padded(head: string, size: number, tail: string): Buffer {
  const h = Buffer.from(head);
  const out = Buffer.alloc(h.length + size + tail.length, 0x20);
  h.copy(out, 0);
  Buffer.from(tail).copy(out, h.length + size);
  return out;
}

function fiveTallSheets(): Buffer {
  const one = sheetAround('<row r="1048576"><c r="A1048576"><v>1</v></c></row>');
  const files: Record<string, Uint8Array> = { ...unzipSync(makePackage(one)) };
  const ids = [1, 2, 3, 4, 5];
  files["xl/workbook.xml"] = strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${ids.map((k) => `<sheet name="S${k}" sheetId="${k}" r:id="rId${k}"/>`).join("")}</sheets></workbook>`);
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids.map((k) => `<Relationship Id="rId${k}" Type="${REL}/worksheet" Target="worksheets/sheet${k}.xml"/>`).join("")}</Relationships>`,
  );
  for (const k of ids) files[`xl/worksheets/sheet${k}.xml`] = strToU8(one);
  return Buffer.from(zipSync(files, { level: 9 }));
}

const HOSTILE: [string, () => Buffer][] = [
  ["a reference past column XFD", () => makePackage(sheetAround('<row r="22"><c r="ZZZZZZ22"><v>1</v></c></row>'))],
  ["a row numbered past Excel's limit", () => makePackage(sheetAround('<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>'))],
  ["a bomb of 1,100,000 empty rows", () => makePackage(sheetAround("<row/>".repeat(1_100_000)))],
  ["five sheets each reaching row 1,048,576", fiveTallSheets],
  ["100 MB of whitespace inside sheetData", () => makePackage(padded(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`, 100 * 1024 * 1024, "</sheetData></worksheet>"))],
  [
    "a digit changed in a stored sheet (CRC-32)",
    () => {
      const bytes = makePackage(sheetAround('<row r="1"><c r="A1"><v>12</v></c></row>'), { store: true });
      bytes[bytes.indexOf("<v>12</v>") + 3] = 0x39;
      return bytes;
    },
  ],
  [
    "bytes flipped in a deflated sheet",
    () => {
      const rows = Array.from({ length: 300 }, (_, k) => `<row r="${k + 1}"><c r="A${k + 1}"><v>${k * 7}</v></c></row>`).join("");
      const bytes = makePackage(sheetAround(rows));
      const name = bytes.indexOf("xl/worksheets/sheet1.xml");
      for (let k = 0; k < 8; k++) bytes[name + 200 + k] ^= 0xff;
      return bytes;
    },
  ],
  ["not a zip at all", () => Buffer.from("Claim ID,Amount\n1,2\n")],
  ["a zip cut short", () => makePackage(sheetAround('<row r="1"><c r="A1"><v>1</v></c></row>')).subarray(0, 200)],
];

/** The message the reading ends with (or "read" when it does not throw). */
async function outcome(read: () => Promise<unknown>): Promise<string> {
  try {
    await read();
    return "read";
  } catch (e) {
    expect(e).toBeInstanceOf(UnreadableFileError);
    return (e as Error).message;
  }
}

describe("hostile files: the same UnreadableFileError message as readXlsxGrids", () => {
  it.each(HOSTILE)("%s", async (_name, make) => {
    const bytes = make();
    const expected = await outcome(() => readXlsxGrids(bytes, { label: "hostile.xlsx" }));
    expect(expected).not.toBe("read");
    const everySheet = (read: (book: XlsxSheets, name: string) => Promise<unknown>) => async (): Promise<void> => {
      const book = await openXlsxSheets(bytes, { label: "hostile.xlsx" });
      for (const name of book.names) await read(book, name);
    };
    expect(await outcome(everySheet((book, name) => book.forEachRow(name, () => undefined)))).toBe(expected);
    expect(await outcome(everySheet((book, name) => book.grid(name)))).toBe(expected);
    // as the host reads: the first rows of every sheet, then each sheet streamed twice
    const hostWay = everySheet(async (book, name) => {
      await book.head(name, 60);
      await book.forEachRow(name, () => undefined);
      await book.forEachRow(name, () => undefined);
    });
    expect(await outcome(hostWay)).toBe(expected);
  }, 30_000);

  it("a sheet read many times counts once against the rows of all sheets", async () => {
    const book = await openXlsxSheets(fiveTallSheets(), { label: "tall.xlsx" });
    for (let k = 0; k < 5; k++) expect((await book.forEachRow("S1", () => undefined)).rows).toBe(1048576);
    for (const name of ["S2", "S3", "S4"]) await book.forEachRow(name, () => undefined);
    await expect(book.forEachRow("S5", () => undefined)).rejects.toThrow(/^tall\.xlsx: more than 4,194,304 rows in all its sheets/);
  }, 30_000);
});
