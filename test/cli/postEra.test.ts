/**
 * `practice-ledger post-era` in-process on a register written at test time (.xlsx and .csv) and the
 * managed-care sample. Expected amounts are those worked out by hand in test/era/postRemittances.test.ts:
 * row 2 paid 450.00, CO 50.00; row 3 paid 495.00, CO 105.00; the patient's 300.00 and 600.00 stay open.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { readClaimsRegister } from "../../src/core/import/readClaimsRegister";
import { readWorkbookGrids } from "../../src/files/readWorkbook";
import { SAMPLES } from "../era/helpers";

let dir: string;
const ERA = path.join(SAMPLES, "managed-care.835");
const HEADER = ["Claim #", "DOS", "Payer", "CPT", "Billed", "Ins Paid", "Adj", "Status"];
const ROWS = [["5554555444", "2002-03-01", "Rushmore Life", "99211", 800, 0, 0, "Submitted"], ["8765432112", "2002-03-10", "Rushmore Life", "93555", 1200, 0, 0, "Submitted"]];

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = jest.spyOn(process.stdout, "write").mockImplementation((c) => (out.push(String(c)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((c) => (err.push(String(c)), true));
  try {
    const code = await main(argv);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-post-era-"));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Claims");
  ws.addRow(HEADER);
  for (const r of ROWS) ws.addRow(r);
  await wb.xlsx.writeFile(path.join(dir, "book.xlsx"));
  fs.writeFileSync(path.join(dir, "register.csv"), [HEADER, ...ROWS].map((r) => r.join(",")).join("\n"));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function postedRegister(file: string) {
  const sheets = await readWorkbookGrids(file);
  const sheet = sheets.find((s) => s.name.startsWith("Claims Register (posted"));
  if (sheet === undefined) throw new Error(`no posted register in ${sheets.map((s) => s.name).join(", ")}`);
  return { names: sheets.map((s) => s.name), read: readClaimsRegister(sheet.grid, { sheet: sheet.name }) };
}

describe("post-era", () => {
  it("posts into a copy of an .xlsx with the posted register and a journal; the input is untouched", async () => {
    const book = path.join(dir, "book.xlsx");
    const before = fs.readFileSync(book);
    const r = await run(["post-era", book, ERA, "--json", path.join(dir, "r.json")]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
    const { names, read } = await postedRegister(path.join(dir, "book - posted.xlsx"));
    expect(names).toEqual(["Claims", "Claims Register (posted)", "Posting Journal"]);
    expect(read.lines.map((l) => [l.row, l.insurancePaid, l.contractualAdjustment, l.status])).toEqual([[2, 45000, 5000, "Paid"], [3, 49500, 10500, "Paid"]]);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8"));
    expect(json.transactions[0]).toEqual({ file: "managed-care.835", payer: "RUSHMORE LIFE", trn: "7170066655", payment: "945.00", balanced: true, refused: null });
    expect(r.stdout).toContain("claim 5554555444 (CLP02 1): matched, paid 450.00, adjustments 50.00, patient 300.00, Paid");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.endsWith(".1"))).toEqual([]);
  });

  it("refuses the same payment when posting again into the posted copy (journal), exit 1", async () => {
    const posted = path.join(dir, "book - posted.xlsx");
    const r = await run(["post-era", posted, ERA, "--out", path.join(dir, "again.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/REFUSED: the same payment \(payer 1935665544, TRN 7170066655\) is already posted: it was posted on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(fs.existsSync(path.join(dir, "again.xlsx"))).toBe(false);
  });

  it("posts a .csv register into a new workbook", async () => {
    const r = await run(["post-era", path.join(dir, "register.csv"), ERA, "--out", path.join(dir, "from-csv.xlsx")]);
    expect(r.code).toBe(0);
    const { names, read } = await postedRegister(path.join(dir, "from-csv.xlsx"));
    expect(names).toEqual(["Claims Register (posted)", "Posting Journal"]);
    expect(read.lines.map((l) => l.insurancePaid)).toEqual([45000, 49500]);
  });

  it("--preview writes no workbook; an output that is an input is refused (exit 2)", async () => {
    const before = fs.readdirSync(dir).sort();
    const p = await run(["post-era", path.join(dir, "register.csv"), ERA, "--preview"]);
    expect(p.code).toBe(0);
    expect(p.stdout).toContain("preview only");
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    const same = await run(["post-era", path.join(dir, "book.xlsx"), ERA, "--out", path.join(dir, ".", "book.xlsx")]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/is an input/);
    const json = await run(["post-era", path.join(dir, "book.xlsx"), ERA, "--json", ERA]);
    expect(json.code).toBe(2);
  });
});
