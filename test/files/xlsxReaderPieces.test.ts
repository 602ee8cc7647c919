/**
 * The worksheet scanner reads the sheet's XML as UTF-8 bytes in pieces (about 1 MB each from the
 * inflater). Wherever a piece ends (inside a tag, a number, a multi-byte character, a marker such
 * as `</sheetData>`), the grid read must be the one the XML says. Expected values are worked out
 * here from the cells the generator chose (not from the reader); numbers are compared with
 * `Number()` of the text written, which is how JavaScript reads a decimal (ECMA-262 StringToNumber).
 */
import fc from "fast-check";
import { readWorksheetPieces } from "../../src/files/xlsxReader";
import { cutAt, sheet, sheetXml, type Sheet } from "./worksheetXml";

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
