/**
 * The command line's argument handling and printing: help and version exit 0, unknown options and
 * extra arguments exit 2 with a one-line reason, money and shares printed as a manager reads them,
 * a wrong --claims-sheet lists the sheets there are. Figures are the hand-worked ones of
 * reportFigures.test.ts (fixture B): A/R 382.50, net collection rate 0.6327.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { COMMANDS, parseArgs, UsageError, type CommandSpec } from "../../src/cli/args";
import { runCli } from "./helpers";
import { CHARGE_DETAIL_SHEET, CONTRACT_RATES_SHEET, writeAdvancedMdXlsx } from "./fixtures/advancedMdBook";

let dir = "";
let book = "";
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-cli-args-"));
  book = path.join(dir, "book.xlsx");
  await writeAdvancedMdXlsx(book);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = runCli;

describe("help and version exit 0", () => {
  test.each([["--help"], ["-h"], ["help"]])("%s prints the usage", async (flag) => {
    const r = await run([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Practice Ledger: /);
    expect(r.stdout).toContain("practice-ledger report <book.xlsx|claims.csv> --as-of YYYY-MM-DD");
  });
  test.each([["report", "--help"], ["report", "-h"], ["help", "report"], ["report", book, "--help"]])("%s %s prints the report's options", async (...argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: practice-ledger report <book.xlsx\|claims.csv> --as-of YYYY-MM-DD/);
    expect(r.stdout).toContain("--claims-sheet NAME");
    expect(r.stdout).toContain("--quiet");
  });
  test("--version prints package.json's version", async () => {
    const version = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
    const r = await run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`practice-ledger ${version}\n`);
  });
  test("no command: the usage on stderr, exit 2", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage:");
  });
});

describe("usage errors exit 2 with one line", () => {
  const cases: [string, string[], RegExp][] = [
    ["a misspelt option", ["report", "BOOK", "--as-of", "2026-10-31", "--fee-shedule", "x.csv"], /^practice-ledger: unknown option --fee-shedule for report \(did you mean --fee-schedule\?\)$/],
    ["an option of another command", ["demo", "--as-of", "2026-10-31"], /^practice-ledger: unknown option --as-of for demo/],
    ["an extra argument", ["report", "BOOK", "other.xlsx", "--as-of", "2026-10-31"], /^practice-ledger: unexpected argument "other.xlsx" for report/],
    ["an argument demo does not take", ["demo", "somewhere"], /^practice-ledger: unexpected argument "somewhere" for demo \(it takes none\)$/],
    ["a value missing", ["report", "BOOK", "--as-of"], /^practice-ledger: --as-of needs a value \(YYYY-MM-DD\)$/],
    ["a value given to a flag", ["report", "BOOK", "--as-of", "2026-10-31", "--quiet=yes"], /^practice-ledger: --quiet takes no value$/],
    ["an option twice", ["report", "BOOK", "--as-of", "2026-10-31", "--out", "a.xlsx", "--out", "b.xlsx"], /^practice-ledger: --out is given twice$/],
    ["an unknown command", ["reprot"], /^practice-ledger: unknown command "reprot"/],
  ];
  test.each(cases)("%s", async (_what, argv, reason) => {
    const r = await run(argv.map((a) => (a === "BOOK" ? book : a)));
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(reason);
    expect(r.stdout).toBe("");
  });
});

describe("printing", () => {
  test("report prints money as money and shares as percentages", async () => {
    const out = path.join(dir, "out.xlsx");
    const r = await run(["report", book, "--as-of", "2026-10-31", "--out", out, "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("A/R $382.50"); // 150 + 43.50 + 180 + 20 − 11 (reportFigures.test.ts)
    expect(r.stdout).toContain("net collection rate 63.3%"); // 0.6327 → 63.3%
    expect(r.stdout).toMatch(/days in A\/R 28\.7 days/); // 382.50 × 90 / 1200 = 28.6875 → 28.7
    expect(r.stdout).not.toMatch(/\b0\.\d{4}\b/); // no bare share like 0.6327
  });
  test("a wrong --claims-sheet lists the sheets there are (exit 1)", async () => {
    const r = await run(["report", book, "--as-of", "2026-10-31", "--claims-sheet", "Claims", "--out", path.join(dir, "z.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain('no sheet named "Claims"; the sheets are: ');
    expect(r.stderr).toContain(`"${CHARGE_DETAIL_SHEET}"`);
    expect(r.stderr).toContain(`"${CONTRACT_RATES_SHEET}"`);
  });
});

describe("practice name", () => {
  test("without --practice, the export's own title line names the practice", async () => {
    const file = path.join(dir, "titled.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Charges");
    ws.addRow(["Practice: Lakeside Pediatrics"]);
    ws.addRow([]);
    ws.addRow(["Claim #", "DOS", "Payer", "Billed"]);
    ws.addRow(["C-1", new Date(Date.UTC(2026, 8, 1)), "Aetna", 150]);
    await wb.xlsx.writeFile(file);
    const json = path.join(dir, "titled.json");
    const r = await run(["report", file, "--as-of", "2026-10-31", "--out", path.join(dir, "titled out.xlsx"), "--json", json, "--quiet"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(fs.readFileSync(json, "utf8")) as { practice: string }).practice).toBe("Lakeside Pediatrics");
    expect(r.stdout).toMatch(/^Lakeside Pediatrics: report as of 2026-10-31/);
  });
});

describe("the option table", () => {
  test("another engineer's option is one line in a command's list", () => {
    const report = COMMANDS.find((c) => c.name === "report") as CommandSpec;
    const extended: CommandSpec[] = [{ ...report, options: [...report.options, { name: "frobnicate", value: false, help: "a new flag" }] }];
    const parsed = parseArgs(["report", "b.xlsx", "--as-of=2026-10-31", "--frobnicate"], extended);
    expect(parsed.options.get("frobnicate")).toBe(true);
    expect(parsed.options.get("as-of")).toBe("2026-10-31");
    expect(() => parseArgs(["report", "b.xlsx", "--frobnicate"])).toThrow(UsageError);
  });
  test("-- ends the options: a file named like an option", () => {
    expect(parseArgs(["report", "--as-of", "2026-10-31", "--", "--odd.xlsx"]).positionals).toEqual(["--odd.xlsx"]);
  });
});
