/**
 * `practice-ledger post-era` in-process on a register written at test time (.xlsx and .csv) and the
 * managed-care sample. Expected amounts are those worked out by hand in test/era/postRemittances.test.ts:
 * row 2 paid 450.00, CO 50.00; row 3 paid 495.00, CO 105.00; the patient's 300.00 and 600.00 stay open.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readClaimsRegister } from "../../src/core/import/readClaimsRegister";
import { readWorkbookGrids } from "../../src/files/readWorkbook";
import { SAMPLES } from "../era/helpers";
import { runCli } from "../pipeline/helpers";

let dir: string;
const ERA = path.join(SAMPLES, "managed-care.835");
const HEADER = ["Claim #", "DOS", "Payer", "CPT", "Billed", "Ins Paid", "Adj", "Status", "Acct No", "Front Desk Memo"];
const ROWS = [
  ["5554555444", "2002-03-01", "Rushmore Life", "99211", 800, 0, 0, "Submitted", "A-1001", "called payer 3/20"],
  ["8765432112", "2002-03-10", "Rushmore Life", "93555", 1200, 0, 0, "Submitted", "A-1002", ""],
];

const run = runCli;

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
    expect(same.stderr).toMatch(/is the register .*must not be the input file/);
    const json = await run(["post-era", path.join(dir, "book.xlsx"), ERA, "--json", ERA]);
    expect(json.code).toBe(2);
  });
});

describe("post-era outputs go through safeWrite (identity, --force, all or nothing)", () => {
  const book = () => path.join(dir, "book.xlsx");

  it("a symbolic link to the register given as --out is refused (exit 2), the register untouched", async () => {
    const link = path.join(dir, "link-to-book.xlsx");
    fs.symlinkSync(book(), link);
    const before = fs.readFileSync(book());
    const r = await run(["post-era", book(), ERA, "--out", link, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*link-to-book\.xlsx is the register .*must not be the input file/);
    expect(fs.readFileSync(book()).equals(before)).toBe(true);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it("--json naming an .835 input is refused (exit 2) before anything is read or written, even with --force", async () => {
    const copy = path.join(dir, "copy.835");
    fs.copyFileSync(ERA, copy);
    const before = fs.readFileSync(copy);
    const r = await run(["post-era", book(), copy, "--json", copy, "--out", path.join(dir, "never.xlsx"), "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--json .*copy\.835 is the \.835 file/);
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, "never.xlsx"))).toBe(false);
  });

  it("an existing --out is refused without --force (exit 2, left as it was) and replaced with it", async () => {
    const out = path.join(dir, "existing.xlsx");
    fs.writeFileSync(out, "the manager's own file");
    const refused = await run(["post-era", book(), ERA, "--out", out, "--json", path.join(dir, "existing.json")]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--out .*existing\.xlsx already exists: choose another name, or add --force/);
    expect(fs.readFileSync(out, "utf8")).toBe("the manager's own file");
    expect(fs.existsSync(path.join(dir, "existing.json"))).toBe(false);
    const forced = await run(["post-era", book(), ERA, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    const { read } = await postedRegister(out);
    expect(read.lines.map((l) => l.insurancePaid)).toEqual([45000, 49500]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.endsWith(".1"))).toEqual([]);
  });
});

describe("the posted copy of an .xlsx register", () => {
  let posted: string;
  beforeAll(async () => {
    posted = path.join(dir, "tables.xlsx");
    const r = await run(["post-era", path.join(dir, "book.xlsx"), ERA, "--out", posted]);
    expect(r.code).toBe(0);
  });

  it("keeps the practice's own columns (account, memo) row by row after the register's columns", async () => {
    const sheets = await readWorkbookGrids(posted);
    const grid = sheets.find((s) => s.name === "Claims Register (posted)")?.grid ?? [];
    const header = grid[0].map((v) => (v === null ? "" : String(v)));
    const account = header.indexOf("Acct No");
    const memo = header.indexOf("Front Desk Memo");
    expect(account).toBeGreaterThan(header.indexOf("Age Bucket"));
    expect(memo).toBe(account + 1);
    // The source rows as written in beforeAll: row 2 is claim 5554555444 (A-1001), row 3 is 8765432112 (A-1002).
    expect(grid.slice(1, 3).map((r) => [r[0], r[account], r[memo] ?? null])).toEqual([
      ["5554555444", "A-1001", "called payer 3/20"],
      ["8765432112", "A-1002", null],
    ]);
  });

  it("gives both new sheets an Excel table (table part, relationship, content type, unique names)", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(posted));
    const tables = Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
    const xml = await Promise.all(tables.map((t) => zip.file(t)!.async("string")));
    const byName = new Map(xml.map((x) => [/\sname="([^"]+)"/.exec(x)?.[1], /\sref="([^"]+)"/.exec(x)?.[1]]));
    // Register: header + 2 lines, 19 fields + Balance + Age Bucket + 2 extra columns = 23 columns (A..W).
    expect(byName.get("ClaimsRegisterPosted")).toBe("A1:W3");
    // Journal: header + 2 posted lines, 16 columns (A..P).
    expect(byName.get("PostingJournal")).toBe("A1:P3");
    const types = await zip.file("[Content_Types].xml")!.async("string");
    for (const t of tables) expect(types).toContain(`PartName="/${t}"`);
    const rels = await Promise.all(Object.keys(zip.files).filter((f) => /worksheets\/_rels\/.*\.rels$/.test(f)).map((f) => zip.file(f)!.async("string")));
    expect(rels.join("").match(/relationships\/table"/g)?.length).toBe(tables.length);
  });
});
