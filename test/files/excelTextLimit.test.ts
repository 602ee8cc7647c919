import { withinCellTextLimit } from "../../src/files/excelTextLimit";
import type { SheetDescription } from "../../src/core/sheet/sheetDescription";

const sheet = (value: string): SheetDescription => ({ name: "R", columnWidths: [], cells: [{ row: 1, col: 1, value }, { row: 2, col: 1, value: 5 }], merges: [], charts: [], conditional: [], showGridLines: true });

it("cuts text past Excel's 32,767 characters per cell, with a note saying so; leaves the rest", () => {
  const out = withinCellTextLimit(sheet("y".repeat(40000)));
  const text = out.cells[0].value as string;
  expect(text.length).toBe(32767);
  expect(text).toMatch(/ \[cut: 7,233 or more characters past Excel's 32,767 per cell\]$/); // 40,000 − 32,767 = 7,233
  expect(out.cells[1].value).toBe(5);
  const short = sheet("fine");
  expect(withinCellTextLimit(short)).toBe(short);
});
