/**
 * The command line never overwrites the user's work (issue 14, "Never overwrite"): every output is
 * checked against every input by identity, an existing output needs --force, and when one of
 * several outputs fails none is left behind. Each case runs the real `main()` in-process on an
 * .xlsx written at test time.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { writeAdvancedMdXlsx } from "../pipeline/fixtures/advancedMdBook";

let dir: string;
let book: string;
let bookHash: string;

const sha256 = (file: string): string => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-output-safety-"));
  book = path.join(dir, "book.xlsx");
  await writeAdvancedMdXlsx(book);
  bookHash = sha256(book);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

afterEach(() => {
  // Every case leaves the input as it was, and no temporary file anywhere.
  expect(sha256(book)).toBe(bookHash);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});

async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const o = jest.spyOn(process.stdout, "write").mockImplementation((() => true) as unknown as typeof process.stdout.write);
  const e = jest.spyOn(process.stderr, "write").mockImplementation(((chunk: unknown) => {
    err.push(String(chunk));
    return true;
  }) as unknown as typeof process.stderr.write);
  try {
    return { code: await main(["report", book, "--as-of", "2026-10-31", "--quiet", ...argv]), stderr: err.join("") };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const p = (name: string): string => path.join(dir, name);

describe("outputs are never an input", () => {
  it("--json book.xlsx (the workbook itself): exit 2, the workbook untouched", async () => {
    const r = await run(["--out", p("a.xlsx"), "--json", book]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--json .*book\.xlsx is the workbook.*must not be the input/);
    expect(fs.existsSync(p("a.xlsx"))).toBe(false);
  });

  it("--out a symbolic link to the workbook: exit 2", async () => {
    fs.symlinkSync(book, p("link.xlsx"));
    const r = await run(["--out", p("link.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*link\.xlsx is the workbook/);
    expect(fs.lstatSync(p("link.xlsx")).isSymbolicLink()).toBe(true);
  });

  it("--out a hard link to the workbook: exit 2", async () => {
    fs.linkSync(book, p("hard.xlsx"));
    const r = await run(["--out", p("hard.xlsx"), "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*hard\.xlsx is the workbook/);
  });

  it("--out through a folder spelled another way (x/../book.xlsx): exit 2", async () => {
    fs.mkdirSync(p("sub"), { recursive: true });
    const r = await run(["--out", path.join(dir, "sub", "..", "book.xlsx"), "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must not be the input/);
  });

  it("--out equal to --fee-schedule: exit 2, the fee schedule untouched", async () => {
    fs.copyFileSync(book, p("fees.xlsx"));
    const feeHash = sha256(p("fees.xlsx"));
    const r = await run(["--fee-schedule", p("fees.xlsx"), "--out", p("fees.xlsx"), "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*fees\.xlsx is the --fee-schedule file/);
    expect(sha256(p("fees.xlsx"))).toBe(feeHash);
  });
});

describe("outputs among themselves and existing files", () => {
  it("--json equal to --out: exit 2, nothing written", async () => {
    const r = await run(["--out", p("same.xlsx"), "--json", p("same.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--json and --out name the same file/);
    expect(fs.existsSync(p("same.xlsx"))).toBe(false);
  });

  it("two outputs differing only by case are one file on macOS and Windows: exit 2", async () => {
    const r = await run(["--out", p("Report.xlsx"), "--json", p("report.xlsx")]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(p("Report.xlsx"))).toBe(false);
  });

  it("an existing --out is not replaced without --force (exit 2), and is with it (exit 0)", async () => {
    fs.writeFileSync(p("old.xlsx"), "earlier report");
    const r = await run(["--out", p("old.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists: choose another name, or add --force/);
    expect(fs.readFileSync(p("old.xlsx"), "utf8")).toBe("earlier report");
    const forced = await run(["--out", p("old.xlsx"), "--force"]);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(p("old.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("--force before the workbook's name is a flag, not a value", async () => {
    const code = await main(["report", "--force", book, "--as-of", "2026-10-31", "--quiet", "--out", p("flag.xlsx")]).catch(() => -1);
    expect(code).toBe(0);
    expect(fs.existsSync(p("flag.xlsx"))).toBe(true);
  });

  it("when one output cannot be written, none is left behind (exit 1)", async () => {
    const r = await run(["--out", p("good.xlsx"), "--json", path.join(dir, "no-such-folder", "summary.json")]);
    expect(r.code).toBe(1);
    expect(fs.existsSync(p("good.xlsx"))).toBe(false);
  });
});

describe("the JSON summary carries aggregates only unless --detail", () => {
  it("by default: no claim ids or discrepancy rows, reasons without cell text; --detail adds them", async () => {
    const r = await run(["--out", p("agg.xlsx"), "--json", p("agg.json")]);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(p("agg.json"), "utf8");
    const s = JSON.parse(text);
    expect(s.detail).toBe(false);
    expect(s.feeSchedule.discrepancies).toEqual([]);
    expect(s.feeSchedule.discrepancyLines).toBeGreaterThan(0);
    expect(Array.isArray(s.feeSchedule.leftOut)).toBe(true);
    expect(text).not.toMatch(/"claimId":\s*"/); // "claimId" is also a field name in source.columns: no claim id VALUE
    expect(text).not.toMatch(/\(found /);
    const d = await run(["--out", p("det.xlsx"), "--json", p("det.json"), "--detail"]);
    expect(d.code).toBe(0);
    const detailed = JSON.parse(fs.readFileSync(p("det.json"), "utf8"));
    expect(detailed.detail).toBe(true);
    expect(detailed.feeSchedule.discrepancies.length).toBe(s.feeSchedule.discrepancyLines);
    expect(detailed.feeSchedule.discrepancies[0].claimId).toEqual(expect.any(String));
    // None of the claim numbers the detailed file names appears in the default one.
    for (const d of detailed.feeSchedule.discrepancies as { claimId: string }[]) expect(text).not.toContain(`"${d.claimId}"`);
  });
});

it("a CSV's reading notes (encoding, rows with an issue) go into the summary, without cell text", async () => {
  const csv = path.join(dir, "win.csv");
  // Windows-1252 "é" (0xE9) and a row with one field too many (row 3).
  fs.writeFileSync(csv, Buffer.concat([Buffer.from("Claim ID,Date of Service,Payer,Charge\nC1,10/01/2026,Soci"), Buffer.from([0xe9]), Buffer.from("t\u00e9,100\nC2,10/02/2026,Smith, Jones,50\n".replace("\u00e9", "e"))]));
  const quiet = jest.spyOn(process.stdout, "write").mockImplementation((() => true) as unknown as typeof process.stdout.write);
  try {
    expect(await main(["report", csv, "--as-of", "2026-10-31", "--quiet", "--out", p("win.xlsx"), "--json", p("win.json")])).toBe(0);
  } finally {
    quiet.mockRestore();
  }
  const s = JSON.parse(fs.readFileSync(p("win.json"), "utf8"));
  expect(s.readingNotes).toEqual([
    "win: the file is not UTF-8; read as Windows-1252 (accented letters as Excel for Windows writes them)",
    "win row 3 (line 3): 5 fields where the header has 4: a separator inside an unquoted field? The columns may be shifted",
  ]);
  expect(s.claims.leftOut.map((l: { row: number }) => l.row)).toEqual([3]);
});
