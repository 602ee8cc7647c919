/**
 * zipRewrite.ts, the writer of the report copy (APPNOTE.TXT 4.3.7 local header, 4.3.12 central
 * directory, 4.3.14-4.3.16 end records, 4.4.4 flags, 4.5.3 zip64 extra field):
 * (a) every entry the report does not touch comes out with the very same compressed bytes, method,
 *     CRC-32, sizes, date, time and name, on every file of the regression corpus and on a package
 *     written by a streaming zipper (fflate's Zip: every entry has a data descriptor, one is stored);
 * (b) the one-pass copy (report sheet and its charts, writeReportWorkbook) opens in LibreOffice with
 *     the report sheet, its values and its chart (skipped without soffice, except under CI=true);
 * (c) zip64 records, forced on a small package and by hand for sizes and offsets past 4 GB.
 * Expected values come from the input packages (read by zipPackage.ts and by fflate, an independent
 * reader) and from APPNOTE's field layouts, never from the writer's own output.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import type { SheetDescription } from "../../src/core/sheet/sheetDescription";
import { readWorkbookGrids } from "../../src/files/readWorkbook";
import { writeReportWorkbook } from "../../src/files/writeReportWorkbook";
import { openZipPackage, partKey, UnreadableFileError, type ZipPackage } from "../../src/files/zipPackage";
import { centralHeader, endRecords, PartChanges, rewriteZip } from "../../src/files/zipRewrite";
import { findSoffice, recalcWithLibreOffice, runningInCI } from "../engine/soffice";

jest.setTimeout(120_000);

const CORPUS = path.join(__dirname, "..", "corpus");
const CORPUS_FILES = fs.readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx")).sort();
/** The parts the report edits in place (injectReportSheet); every other input entry must come out untouched. */
const EDITED = /(^|\/)(workbook\.xml|workbook\.xml\.rels|\[Content_Types\]\.xml|styles\.xml)$/i;
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const REPORT: SheetDescription = {
  name: "Physician Report 2026-10",
  columnWidths: [20, 12],
  cells: [
    { row: 1, col: 1, value: "A/R total", styles: ["label"] },
    { row: 1, col: 2, value: 382.5, format: "money" },
    { row: 2, col: 1, value: "0-30" },
    { row: 2, col: 2, value: 1234.5, format: "money" },
    { row: 3, col: 1, value: "31-60" },
    { row: 3, col: 2, value: 99.25, format: "money" },
  ],
  merges: [],
  charts: [
    {
      kind: "column",
      title: "A/R by age",
      categories: { fromRow: 2, fromCol: 1, toRow: 3, toCol: 1 },
      series: [{ name: "Amount", values: { fromRow: 2, fromCol: 2, toRow: 3, toCol: 2 } }],
      anchor: { row: 5, col: 1, rows: 12, cols: 4 },
    },
  ],
  conditional: [],
  showGridLines: true,
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-zip-rewrite-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A one-sheet workbook written by a streaming zipper: data descriptors everywhere (bit 3), the worksheet and an extra part stored. */
function streamedWorkbook(): Buffer {
  const parts: [string, string | Uint8Array, boolean][] = [
    ["[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/octet-stream"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>', false],
    ["_rels/.rels", `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`, false],
    ["xl/workbook.xml", `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Claims" sheetId="1" r:id="rId1"/></sheets></workbook>`, false],
    ["xl/_rels/workbook.xml.rels", `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`, false],
    ["xl/worksheets/sheet1.xml", `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Claim ID</t></is></c><c r="B1"><v>125.5</v></c></row></sheetData></worksheet>`, true],
    ["customXml/item1.bin", new Uint8Array(Array.from({ length: 700 }, (_, i) => (i * 37) % 256)), true],
    ["docProps/custom.xml", `<Properties>${"<p>practice</p>".repeat(40)}</Properties>`, false],
  ];
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, content, stored] of parts) {
    const file = stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(typeof content === "string" ? strToU8(content) : content, true);
  }
  zip.end();
  return Buffer.from(Buffer.concat(chunks));
}

/** The central record's DOS time and date of an entry (APPNOTE 4.3.12: offsets 12 and 14). */
const dosStamp = (pkg: ZipPackage, name: string): number => pkg.bytes.readUInt32LE(pkg.entry(name)!.centralHeaderOffset + 12);

/** (a): every input entry not edited by the report is in the copy, in the same order, with the same raw facts and bytes. */
function expectUntouchedEntriesCopied(inputBytes: Buffer, outputBytes: Buffer): void {
  const before = openZipPackage(inputBytes, "input");
  const after = openZipPackage(outputBytes, "copy");
  // Same order: the input's entries first, as they were ([Content_Types].xml first when it was).
  expect(after.entries.slice(0, before.entries.length).map((e) => partKey(e.name))).toEqual(before.entries.map((e) => partKey(e.name)));
  let checked = 0;
  for (const entry of before.entries) {
    if (EDITED.test(entry.name) || entry.name.endsWith("/")) continue;
    const copy = after.entry(entry.name)!;
    expect({ name: copy.name, method: copy.method, crc32: copy.crc32, compressed: copy.compressedSize, size: copy.uncompressedSize, flags: copy.flags }).toEqual({
      name: entry.name,
      method: entry.method,
      crc32: entry.crc32,
      compressed: entry.compressedSize,
      size: entry.uncompressedSize,
      flags: entry.flags & ~0x0008, // no data descriptor any more: the local header carries the sizes
    });
    expect(after.compressedBytes(copy).equals(before.compressedBytes(entry))).toBe(true);
    expect(dosStamp(after, entry.name)).toBe(dosStamp(before, entry.name));
    // Its "version made by" and external attributes (4.3.12 offsets 4 and 38) are kept with it.
    const attributes = (pkg: ZipPackage, at: number): number[] => [pkg.bytes.readUInt16LE(at + 4), pkg.bytes.readUInt32LE(at + 38)];
    expect(attributes(after, copy.centralHeaderOffset)).toEqual(attributes(before, entry.centralHeaderOffset));
    // The fresh local header carries the CRC and sizes (4.3.7), and the next entry starts right after the data.
    const at = copy.localHeaderOffset;
    expect([after.bytes.readUInt32LE(at + 14), after.bytes.readUInt32LE(at + 18), after.bytes.readUInt32LE(at + 22)]).toEqual([entry.crc32, entry.compressedSize, entry.uncompressedSize]);
    checked++;
  }
  expect(checked).toBeGreaterThan(0);
  // An independent reader (fflate) inflates every untouched part of the copy to the input's content.
  const inParts = unzipSync(inputBytes);
  const outParts = unzipSync(outputBytes);
  for (const name of Object.keys(inParts)) if (!EDITED.test(name) && !name.endsWith("/")) expect([name, Buffer.from(outParts[name]).equals(Buffer.from(inParts[name]))]).toEqual([name, true]);
}

describe("(a) untouched entries are copied as they are", () => {
  test.each(CORPUS_FILES)("corpus file %s, through writeReportWorkbook (report sheet and chart in one pass)", async (file) => {
    const out = path.join(dir, `corpus-${file}`);
    const name = await writeReportWorkbook(path.join(CORPUS, file), out, REPORT);
    expectUntouchedEntriesCopied(fs.readFileSync(path.join(CORPUS, file)), fs.readFileSync(out));
    const sheets = await readWorkbookGrids(out);
    expect(sheets[sheets.length - 1].name).toBe(name);
    expect(sheets[sheets.length - 1].grid[0]).toEqual(["A/R total", 382.5]);
  });

  test("a streamed package: data-descriptor entries get sizes in their local header, stored entries stay stored", async () => {
    const bytes = streamedWorkbook();
    const input = openZipPackage(bytes, "streamed");
    // The input really has what this test is about.
    expect(input.entries.every((e) => (e.flags & 0x0008) !== 0)).toBe(true);
    expect(input.entries.filter((e) => e.method === 0).map((e) => e.name)).toEqual(["xl/worksheets/sheet1.xml", "customXml/item1.bin"]);
    const file = path.join(dir, "streamed.xlsx");
    fs.writeFileSync(file, bytes);
    const out = path.join(dir, "streamed-out.xlsx");
    await writeReportWorkbook(file, out, REPORT);
    const outBytes = fs.readFileSync(out);
    expectUntouchedEntriesCopied(bytes, outBytes);
    const copy = openZipPackage(outBytes, "copy");
    expect(copy.entries.every((e) => (e.flags & 0x0008) === 0)).toBe(true);
    // The parts added for the report (its styles too: the input has none) and its chart come after the input's, deflated.
    const added = copy.entries.slice(input.entries.length);
    expect(added.map((e) => e.name).sort()).toEqual(["xl/charts/chart1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/drawings/drawing1.xml", "xl/styles.xml", "xl/worksheets/_rels/sheet2.xml.rels", "xl/worksheets/sheet2.xml"]);
    expect(added.every((e) => e.method === 8)).toBe(true);
    const grids = await readWorkbookGrids(out);
    expect(grids.map((g) => g.name)).toEqual(["Claims", "Physician Report 2026-10"]);
    expect(grids[0].grid[0]).toEqual(["Claim ID", 125.5]);
  });

  test("a changed part that was stored stays stored; an encrypted entry is refused", () => {
    const bytes = streamedWorkbook();
    const pkg = openZipPackage(bytes, "streamed");
    const changes = new PartChanges();
    changes.set("XL/Worksheets/Sheet1.xml", "<worksheet/>"); // any case: replaces the stored entry, in its place
    const out = openZipPackage(Buffer.concat(rewriteZip(pkg, changes)), "copy");
    expect(out.entries.map((e) => e.name)).toEqual(pkg.entries.map((e) => e.name));
    const sheet = out.entry("xl/worksheets/sheet1.xml")!;
    expect([sheet.method, sheet.uncompressedSize]).toEqual([0, "<worksheet/>".length]);
    expect(out.compressedBytes(sheet).toString("utf8")).toBe("<worksheet/>");

    const encrypted = Buffer.from(bytes);
    const custom = pkg.entry("docProps/custom.xml")!;
    encrypted.writeUInt16LE(custom.flags | 0x0001, custom.centralHeaderOffset + 8);
    expect(() => rewriteZip(openZipPackage(encrypted, "locked.xlsx"), new PartChanges())).toThrow(UnreadableFileError);
    expect(() => rewriteZip(openZipPackage(encrypted, "locked.xlsx"), new PartChanges())).toThrow(/locked\.xlsx: the part docProps\/custom\.xml is encrypted/);
  });
});

describe("(b) the copy opens in LibreOffice with the report sheet", () => {
  const soffice = findSoffice();
  if (soffice === null && runningInCI()) test("LibreOffice is installed (CI)", () => expect(soffice).not.toBeNull());
  (soffice !== null ? test : test.skip)("a corpus file and a streamed package, each with the report and its chart", async () => {
    const inputs = [path.join(CORPUS, "macExcelTest.xlsx"), path.join(dir, "lo-streamed-in.xlsx")];
    fs.writeFileSync(inputs[1], streamedWorkbook());
    const copies = [path.join(dir, "lo-mac.xlsx"), path.join(dir, "lo-streamed.xlsx")];
    for (let k = 0; k < 2; k++) await writeReportWorkbook(inputs[k], copies[k], REPORT);
    const saved = recalcWithLibreOffice(soffice!, copies, path.join(dir, "lo")).outputs;
    for (let k = 0; k < 2; k++) {
      const original = await readWorkbookGrids(inputs[k]);
      const sheets = await readWorkbookGrids(saved[k]);
      expect(sheets.map((s) => s.name)).toEqual([...original.map((s) => s.name), "Physician Report 2026-10"]);
      expect(sheets[sheets.length - 1].grid.slice(0, 3)).toEqual([["A/R total", 382.5], ["0-30", 1234.5], ["31-60", 99.25]]);
      expect(sheets[0].grid).toEqual(original[0].grid);
    }
    // LibreOffice read the report's chart and wrote it back (the streamed input has no chart of its own).
    expect(openZipPackage(fs.readFileSync(saved[1]), "saved").entries.some((e) => /^xl\/charts\/chart\d+\.xml$/.test(e.name))).toBe(true);
  });
});

describe("(c) zip64 records", () => {
  test("forced on a small package: zipPackage and fflate read the same parts back", () => {
    const pkg = openZipPackage(streamedWorkbook(), "streamed");
    const changes = new PartChanges();
    changes.set("xl/added.xml", "<added/>");
    const plain = Buffer.concat(rewriteZip(pkg, changes));
    const forced = Buffer.concat(rewriteZip(pkg, changes, { forceZip64: true }));
    // End record (4.3.16): every field that has a zip64 twin says 0xFFFF / 0xFFFFFFFF.
    const eocd = forced.length - 22;
    expect([forced.readUInt32LE(eocd), forced.readUInt16LE(eocd + 10), forced.readUInt32LE(eocd + 12), forced.readUInt32LE(eocd + 16)]).toEqual([0x06054b50, 0xffff, 0xffffffff, 0xffffffff]);
    // Locator (4.3.15) just before it, pointing at the zip64 end record (4.3.14), which counts 8 entries.
    const locator = eocd - 20;
    expect(forced.readUInt32LE(locator)).toBe(0x07064b50);
    const record = Number(forced.readBigUInt64LE(locator + 8));
    expect([forced.readUInt32LE(record), Number(forced.readBigUInt64LE(record + 32))]).toEqual([0x06064b50, pkg.entries.length + 1]);
    // Same parts, same content, by two readers.
    const a = openZipPackage(plain, "plain");
    const b = openZipPackage(forced, "forced");
    expect(b.entries.map((e) => [e.name, e.method, e.crc32, e.compressedSize, e.uncompressedSize])).toEqual(a.entries.map((e) => [e.name, e.method, e.crc32, e.compressedSize, e.uncompressedSize]));
    for (const e of b.entries) expect(b.compressedBytes(e).equals(a.compressedBytes(a.entry(e.name)!))).toBe(true);
    const viaFflate = unzipSync(forced);
    expect(new TextDecoder().decode(viaFflate["xl/added.xml"])).toBe("<added/>");
    expect(Buffer.from(viaFflate["customXml/item1.bin"]).equals(Buffer.from(unzipSync(plain)["customXml/item1.bin"]))).toBe(true);
  });

  test("past 4 GB: only the fields that do not fit go to the extra field, in APPNOTE 4.5.3's order", () => {
    const entry = {
      nameBytes: Buffer.from("xl/worksheets/sheet1.xml"),
      flags: 0,
      method: 8,
      time: 0,
      date: 0x21,
      crc32: 0x12345678,
      compressedSize: 1000,
      uncompressedSize: 2 ** 32 + 5,
      localHeaderOffset: 2 ** 32,
      versionNeeded: 20,
      versionMadeBy: 45,
      internalAttributes: 0,
      externalAttributes: 0,
    };
    const h = centralHeader(entry);
    const x = 46 + entry.nameBytes.length;
    expect([h.readUInt16LE(6), h.readUInt32LE(20), h.readUInt32LE(24), h.readUInt32LE(42), h.readUInt16LE(30)]).toEqual([45, 1000, 0xffffffff, 0xffffffff, 20]);
    expect([h.readUInt16LE(x), h.readUInt16LE(x + 2), Number(h.readBigUInt64LE(x + 4)), Number(h.readBigUInt64LE(x + 12))]).toEqual([1, 16, 2 ** 32 + 5, 2 ** 32]);
    // Nothing past the limits: no extra field, version 2.0.
    const small = centralHeader({ ...entry, uncompressedSize: 5000, localHeaderOffset: 7 });
    expect([small.length, small.readUInt16LE(6), small.readUInt32LE(24), small.readUInt32LE(42)]).toEqual([46 + entry.nameBytes.length, 20, 5000, 7]);
    // 65,535 entries or more need the zip64 end record; 65,534 do not.
    expect(endRecords(65_534, 100, 200).length).toBe(22);
    const many = endRecords(70_000, 100, 200);
    expect(many.length).toBe(22 + 56 + 20);
    expect([Number(many.readBigUInt64LE(32)), Number(many.readBigUInt64LE(48)), Number(many.readBigUInt64LE(56 + 8))]).toEqual([70_000, 200, 300]);
  });
});
