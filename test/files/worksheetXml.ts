/**
 * Random worksheets for property tests: the XML of a sheet (cells of every kind, rows and columns
 * with gaps, with or without a namespace prefix) and the grid it holds, worked out from the cells
 * drawn (not from the reader). Used by xlsxReaderPieces.test.ts and xlsxSheets.test.ts.
 */
import fc from "fast-check";
import { FORMULA_WITHOUT_VALUE } from "../../src/files/xlsxReader";
import type { CellValue } from "../../src/core/cells/cellValue";

export type Cell =
  | { kind: "number"; text: string }
  | { kind: "shared"; index: number }
  | { kind: "inline" | "str"; text: string }
  | { kind: "bool"; value: boolean }
  | { kind: "error" }
  | { kind: "formulaOnly" }
  | { kind: "blank" };

export interface Sheet {
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

export const sheet: fc.Arbitrary<Sheet> = fc.record({
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

/**
 * The sheet's XML and the grid it holds (row numbers and columns from the gaps drawn). `order`, a
 * permutation of the rows' positions, lists the rows in another order than their numbers (the grid
 * is the same: a grid places each row by its number).
 */
export function sheetXml(s: Sheet, order?: readonly number[]): { xml: Buffer; grid: CellValue[][] } {
  const p = s.prefix;
  const ns = p === "" ? "xmlns" : "xmlns:x";
  const rowsXml: string[] = [];
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
    rowsXml.push(`<${p}row r="${rowNumber}" spans="1:${Math.max(col, 1)}" x14ac:dyDescent="0.25">${cells}</${p}row>`);
    while (grid.length < rowNumber - 1) grid.push([]);
    grid[rowNumber - 1] = values;
  }
  const body = (order ?? rowsXml.map((_, k) => k)).map((k) => rowsXml[k]).join("");
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<${p}sheetData>${body}</${p}sheetData><${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<${p}rowBreaks count="1" manualBreakCount="1"><${p}brk id="2" max="16383" man="1"/></${p}rowBreaks></${p}worksheet>`;
  return { xml: Buffer.from(xml, "utf8"), grid };
}

/** The bytes cut at the given points (each taken modulo the length + 1). */
export function cutAt(bytes: Buffer, cuts: number[]): Buffer[] {
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
