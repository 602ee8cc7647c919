/**
 * The worksheet scanner reads the sheet's XML as UTF-8 bytes in pieces (about 1 MB each from the
 * inflater). Wherever a piece ends (inside a tag, a number, a multi-byte character, a marker such
 * as `</sheetData>`), the grid read must be the one the XML says. Expected values are worked out
 * here from the cells the generator chose (not from the reader); numbers are compared with
 * `Number()` of the text written, which is how JavaScript reads a decimal (ECMA-262 StringToNumber).
 */
import fc from "fast-check";
import { FORMULA_WITHOUT_VALUE, readWorksheetPieces } from "../../src/files/xlsxReader";
import type { CellValue } from "../../src/core/cells/cellValue";

type Cell =
  | { kind: "number"; text: string }
  | { kind: "shared"; index: number }
  | { kind: "inline" | "str"; text: string }
  | { kind: "bool"; value: boolean }
  | { kind: "error" }
  | { kind: "formulaOnly" }
  | { kind: "blank" };

interface Sheet {
  prefix: string;
  strings: string[];
  rows: { gap: number; cells: { gap: number; cell: Cell }[] }[];
}

const escape = (t: string): string => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Text with 1- to 4-byte UTF-8 characters and the characters XML escapes. */
const text = fc.string({ unit: fc.constantFrom("a", "Z", " ", "1", ".", "-", "é", "€", "中", "😀", "&", "<", ">", '"', "'"), minLength: 1, maxLength: 8 });

const money = fc.integer({ min: -1e9, max: 1e9 }).map((cents) => {
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
});

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.oneof(money, fc.integer({ min: -1e9, max: 1e9 }).map(String), fc.constantFrom("1e5", "5.", "-0", "-.5", "0.1", "1E-7", "12345678901234567", "123456789012345.6"), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)).map(String)).map((t) => ({ kind: "number" as const, text: t })),
  fc.nat({ max: 4 }).map((index) => ({ kind: "shared" as const, index })),
  text.map((t) => ({ kind: "inline" as const, text: t })),
  text.map((t) => ({ kind: "str" as const, text: t })),
  fc.boolean().map((value) => ({ kind: "bool" as const, value })),
  fc.constant({ kind: "error" as const }),
  fc.constant({ kind: "formulaOnly" as const }),
  fc.constant({ kind: "blank" as const }),
);

const sheet: fc.Arbitrary<Sheet> = fc.record({
  prefix: fc.constantFrom("", "x:"),
  strings: fc.array(text, { minLength: 5, maxLength: 5 }),
  rows: fc.array(fc.record({ gap: fc.nat({ max: 2 }), cells: fc.array(fc.record({ gap: fc.nat({ max: 2 }), cell }), { maxLength: 6 }) }), { maxLength: 6 }),
});

function columnLetters(col: number): string {
  return col <= 26 ? String.fromCharCode(64 + col) : `A${String.fromCharCode(64 + col - 26)}`;
}

function cellXml(p: string, ref: string, c: Cell): string {
  switch (c.kind) {
    case "number":
      return `<${p}c r="${ref}" s="2"><${p}v>${c.text}</${p}v></${p}c>`;
    case "shared":
      return `<${p}c r="${ref}" t="s"><${p}v>${c.index}</${p}v></${p}c>`;
    case "inline":
      return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${escape(c.text)}</${p}t></${p}is></${p}c>`;
    case "str":
      return `<${p}c r="${ref}" t="str"><${p}f>A1&amp;"x"</${p}f><${p}v>${escape(c.text)}</${p}v></${p}c>`;
    case "bool":
      return `<${p}c r="${ref}" t="b"><${p}v>${c.value ? 1 : 0}</${p}v></${p}c>`;
    case "error":
      return `<${p}c r="${ref}" t="e"><${p}v>#N/A</${p}v></${p}c>`;
    case "formulaOnly":
      return `<${p}c r="${ref}"><${p}f>1+1</${p}f></${p}c>`;
    case "blank":
      return `<${p}c r="${ref}" s="1"/>`;
  }
}

function expectedValue(s: Sheet, c: Cell): CellValue | undefined {
  switch (c.kind) {
    case "number":
      return Number(c.text);
    case "shared":
      return s.strings[c.index];
    case "inline":
    case "str":
      return c.text;
    case "bool":
      return c.value;
    case "error":
      return { error: "#N/A" };
    case "formulaOnly":
      return { error: "#VALUE!", reason: FORMULA_WITHOUT_VALUE };
    case "blank":
      return undefined;
  }
}

/** The sheet's XML and the grid it holds (row numbers and columns from the gaps drawn). */
function sheetXml(s: Sheet): { xml: Buffer; grid: CellValue[][] } {
  const p = s.prefix;
  const ns = p === "" ? "xmlns" : "xmlns:x";
  let body = "";
  const grid: CellValue[][] = [];
  let rowNumber = 0;
  for (const row of s.rows) {
    rowNumber += 1 + row.gap;
    let col = 0;
    const values: CellValue[] = [];
    let cells = "";
    for (const { gap, cell: c } of row.cells) {
      col += 1 + gap;
      cells += cellXml(p, `${columnLetters(col)}${rowNumber}`, c);
      const v = expectedValue(s, c);
      if (v !== undefined) {
        while (values.length < col - 1) values.push(null);
        values[col - 1] = v;
      }
    }
    body += `<${p}row r="${rowNumber}" spans="1:${Math.max(col, 1)}" x14ac:dyDescent="0.25">${cells}</${p}row>`;
    while (grid.length < rowNumber - 1) grid.push([]);
    grid[rowNumber - 1] = values;
  }
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<${p}sheetData>${body}</${p}sheetData><${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<${p}rowBreaks count="1" manualBreakCount="1"><${p}brk id="2" max="16383" man="1"/></${p}rowBreaks></${p}worksheet>`;
  return { xml: Buffer.from(xml, "utf8"), grid };
}

function cutAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const at of points) {
    pieces.push(bytes.subarray(from, at));
    from = at;
  }
  pieces.push(bytes.subarray(from));
  return pieces;
}

describe("worksheet XML read in pieces cut at any byte", () => {
  it("property: any cells, any cuts: the grid the XML holds", () => {
    fc.assert(
      fc.property(sheet, fc.array(fc.nat(), { maxLength: 12 }), (s, cuts) => {
        const { xml, grid } = sheetXml(s);
        expect(readWorksheetPieces(cutAt(xml, cuts), s.strings).grid).toEqual(grid);
      }),
      { numRuns: 300 },
    );
  });

  it("a sheet cut once at every byte, and cut into single bytes, reads the same", () => {
    const s: Sheet = {
      prefix: "",
      strings: ["Claim ID", "Aetna", "café", "中文", "😀"],
      rows: [
        { gap: 0, cells: [0, 1, 2, 3, 4].map((index) => ({ gap: 0, cell: { kind: "shared" as const, index } })) },
        {
          gap: 1,
          cells: [
            { gap: 0, cell: { kind: "number", text: "105.43" } },
            { gap: 1, cell: { kind: "inline", text: "é€中😀 & <b>" } },
            { gap: 0, cell: { kind: "str", text: "x\"'y" } },
            { gap: 0, cell: { kind: "blank" } },
            { gap: 0, cell: { kind: "bool", value: true } },
            { gap: 2, cell: { kind: "error" } },
            { gap: 0, cell: { kind: "formulaOnly" } },
            { gap: 0, cell: { kind: "number", text: "-1.5e-7" } },
          ],
        },
        { gap: 0, cells: [{ gap: 3, cell: { kind: "number", text: "45964" } }] },
      ],
    };
    const { xml, grid } = sheetXml(s);
    expect(readWorksheetPieces([xml], s.strings).grid).toEqual(grid);
    for (let at = 1; at < xml.length; at++) {
      expect(readWorksheetPieces([xml.subarray(0, at), xml.subarray(at)], s.strings).grid).toEqual(grid);
    }
    const bytes = Array.from({ length: xml.length }, (_, k) => xml.subarray(k, k + 1));
    expect(readWorksheetPieces(bytes, s.strings).grid).toEqual(grid);
  });
});
