/**
 * The practice's own register columns kept by posting (registerExtras): which columns are kept,
 * their headers made unique, the values by source row. Expected values are the grid's own cells.
 */
import { readClaimsRegister } from "../../src/core/import/readClaimsRegister";
import { registerExtras } from "../../src/core/era/registerExtras";
import { postedRegisterSheet } from "../../src/core/era/postedRegister";
import type { PostingResult } from "../../src/core/era/postRemittances";

const GRID = [
  ["Claim #", "DOS", "Payer", "CPT", "Billed", "Balance", "Age Bucket", "Notes", "notes", "Source Row"],
  ["C1", "2026-01-05", "Aetna", "99213", 100, 100, "0-30", "first", "x", 7],
  [null, null, null, null, null, null, null, null, null, null],
  ["C2", "2026-01-06", "Aetna", "99214", 150, 150, "0-30", "", new Date(Date.UTC(2026, 0, 2)), null],
];

test("keeps unmapped columns, not Balance, Age Bucket or the left-out list; duplicate headers made unique", () => {
  const read = readClaimsRegister(GRID, { sheet: "Claims" });
  const extras = registerExtras(GRID, read);
  expect(extras.headers).toEqual(["Notes", "notes (2)"]);
  expect(extras.byRow.get(2)).toEqual(["first", "x"]);
  expect(extras.byRow.has(3)).toBe(false);
  // "" is a blank cell; a date as its ISO text.
  expect(extras.byRow.get(4)).toEqual([null, "2026-01-02"]);
});

test("the posted register puts them after Age Bucket, inside its table, in the lines' row order", () => {
  const read = readClaimsRegister(GRID, { sheet: "Claims" });
  const extras = registerExtras(GRID, read);
  const result = { lines: read.lines } as unknown as PostingResult;
  const sheet = postedRegisterSheet(result, [], undefined, extras);
  const header = sheet.cells.filter((c) => c.row === 1).sort((a, b) => a.col - b.col).map((c) => c.value);
  const ageBucket = header.indexOf("Age Bucket") + 1;
  expect(header.slice(ageBucket)).toEqual(["Notes", "notes (2)"]);
  const at = (row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col)?.value ?? null;
  expect([at(2, ageBucket + 1), at(2, ageBucket + 2), at(3, ageBucket + 1), at(3, ageBucket + 2)]).toEqual(["first", "x", null, "2026-01-02"]);
  expect(sheet.tables?.[0].range).toEqual({ fromRow: 1, fromCol: 1, toRow: 3, toCol: ageBucket + 2 });
});
