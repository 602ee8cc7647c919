/**
 * A formula saved without its value (openpyxl and other tools write these) reaches the claims
 * reader as an error cell carrying the file reader's reason; the row left out says that reason,
 * "formula without a saved value: open and save the file in Excel", which a manager can act on,
 * not "the cell holds the error #VALUE!" (issue 14 follow-up). Through the command line, on a
 * generated .xlsx.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { makePackage, sheetXml } from "../files/hostile/makePackage";

const is = (r: number, c: string, t: string): string => `<c r="${c}${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
const num = (r: number, c: string, v: number): string => `<c r="${c}${r}"><v>${v}</v></c>`;
const REASON = "formula without a saved value: open and save the file in Excel";

it("a row whose charge or date is a formula without a saved value is left out with that reason", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-unread-reason-"));
  try {
    let rows = `<row r="1">${is(1, "A", "Claim ID")}${is(1, "B", "Date of Service")}${is(1, "C", "Payer")}${is(1, "D", "Charge")}</row>`;
    for (let r = 2; r <= 5; r++) {
      const date = r === 5 ? '<c r="B5"><f>TODAY()</f></c>' : num(r, "B", 46300 + r);
      const charge = r === 3 ? '<c r="D3"><f>100+20</f></c>' : num(r, "D", 100);
      rows += `<row r="${r}">${is(r, "A", `C${r}`)}${date}${is(r, "C", "Aetna")}${charge}</row>`;
    }
    const book = path.join(dir, "book.xlsx");
    fs.writeFileSync(book, makePackage(sheetXml(rows)));
    let printed = "";
    const capture = ((chunk: string) => { printed += String(chunk); return true; }) as unknown as typeof process.stdout.write;
    const out = jest.spyOn(process.stdout, "write").mockImplementation(capture);
    const err = jest.spyOn(process.stderr, "write").mockImplementation(capture);
    let code: number;
    try {
      code = await main(["report", book, "--as-of", "2026-10-31", "--out", path.join(dir, "out.xlsx"), "--json", path.join(dir, "s.json")]);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(code).toBe(0);
    const s = JSON.parse(fs.readFileSync(path.join(dir, "s.json"), "utf8"));
    const left = s.claims.leftOut.map((l: { row: number; column: string; reason: string }) => [l.row, l.column, l.reason]);
    expect(left).toEqual([
      [3, "D", `charge: ${REASON}`],
      [5, "B", `date of service: ${REASON}`],
    ]);
    expect(JSON.stringify(s)).not.toContain("holds the error");
    expect(printed).toContain(`row 3 column D: charge: ${REASON}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
