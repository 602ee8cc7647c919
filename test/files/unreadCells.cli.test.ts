/**
 * Never lose a row silently (issue 14): a formula saved without its value and a shared-string
 * index past the table reach the claims reader as error cells, so their rows are listed as left
 * out (sheet, row, column), not read as blank rows that vanish.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { makePackage, sheetXml } from "./hostile/makePackage";

const is = (r: number, c: string, t: string): string => `<c r="${c}${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
const num = (r: number, c: string, v: number): string => `<c r="${c}${r}"><v>${v}</v></c>`;

it("rows with a formula without a saved value or a missing shared string are listed, the others used", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-unread-"));
  try {
    let rows = `<row r="1">${is(1, "A", "Claim ID")}${is(1, "B", "Date of Service")}${is(1, "C", "Payer")}${is(1, "D", "Charge")}</row>`;
    for (let r = 2; r <= 6; r++) rows += `<row r="${r}">${is(r, "A", `C${r}`)}${num(r, "B", 46300 + r)}${is(r, "C", "Aetna")}${r === 4 ? '<c r="D4"><f>100+20</f></c>' : num(r, "D", 100)}</row>`;
    rows += `<row r="7">${is(7, "A", "C7")}${num(7, "B", 46307)}<c r="C7" t="s"><v>9</v></c>${num(7, "D", 100)}</row>`;
    const book = path.join(dir, "book.xlsx");
    fs.writeFileSync(book, makePackage(sheetXml(rows), { sharedStrings: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si></sst>' }));
    const quiet = jest.spyOn(process.stdout, "write").mockImplementation((() => true) as unknown as typeof process.stdout.write);
    let code: number;
    try {
      code = await main(["report", book, "--as-of", "2026-10-31", "--quiet", "--out", path.join(dir, "out.xlsx"), "--json", path.join(dir, "s.json")]);
    } finally {
      quiet.mockRestore();
    }
    expect(code).toBe(0);
    const s = JSON.parse(fs.readFileSync(path.join(dir, "s.json"), "utf8"));
    // 6 data rows: rows 4 (D: formula without value) and 7 (C: shared string 9 of 1) left out, 4 used.
    expect(s.claims.rowsRead).toBe(6);
    expect(s.claims.lines).toBe(4);
    expect(s.claims.leftOut.map((l: { row: number; column: string }) => [l.row, l.column])).toEqual([[4, "D"], [7, "C"]]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
