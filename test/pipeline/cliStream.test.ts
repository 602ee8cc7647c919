/**
 * The command line with the claims sheet streamed (--stream always) writes what it writes with the
 * sheet read whole (--stream never): the same JSON summary, line-level detail included, and the
 * same report sheet. Where the stream cannot give the same report, it says why and reads whole.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { writeAdvancedMdXlsx } from "./fixtures/advancedMdBook";
import { runCli } from "./helpers";
import { readXlsxGrids } from "../../src/files/xlsxReader";

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-cli-stream-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The report of `book` with --stream `mode`: exit code, stderr, the JSON summary (--detail) and the report sheet's cells. */
async function reportWith(book: string, mode: string, extra: readonly string[] = [], asOf = "2026-10-31"): Promise<{ code: number; stderr: string; json: unknown; sheet: unknown; out: string }> {
  const out = path.join(dir, `out-${mode}-${path.basename(book)}`);
  const json = path.join(dir, `summary-${mode}-${path.basename(book)}.json`);
  const run = await runCli(["report", book, "--as-of", asOf, "--out", out, "--json", json, "--detail", "--force", "--stream", mode, ...extra]);
  const grids = run.code === 0 ? await readXlsxGrids(out) : [];
  const written = /wrote sheet "([^"]+)"/.exec(run.stdout)?.[1];
  if (run.code === 0 && !grids.some((g) => g.name === written)) throw new Error(`no report tab named on stdout in ${out}`);
  return {
    code: run.code,
    stderr: run.stderr,
    json: run.code === 0 ? JSON.parse(fs.readFileSync(json, "utf8")) : null,
    // The report tab this run wrote (named on stdout), not an earlier one the input held.
    sheet: grids.find((g) => g.name === written)?.grid ?? null,
    out,
  };
}

describe("--stream", () => {
  test("an AdvancedMD-style export with a fee schedule: the same summary and report sheet streamed as read whole", async () => {
    const book = path.join(dir, "advancedmd.xlsx");
    await writeAdvancedMdXlsx(book);
    const whole = await reportWith(book, "never");
    const streamed = await reportWith(book, "always");
    expect(whole.code).toBe(0);
    expect(streamed.code).toBe(0);
    expect(streamed.stderr).not.toMatch(/read whole/);
    expect(streamed.json).toEqual(whole.json);
    expect(streamed.sheet).toEqual(whole.sheet);
  });

  test("the claims sheet named, and a workbook that already holds a report tab (its trend): the same streamed as read whole", async () => {
    const book = path.join(dir, "advancedmd-named.xlsx");
    await writeAdvancedMdXlsx(book);
    const named = ["--claims-sheet", "Charge Detail"];
    const whole = await reportWith(book, "never", named);
    const streamed = await reportWith(book, "always", named);
    expect(streamed.code).toBe(0);
    expect(streamed.json).toEqual(whole.json);
    // The copy written holds a Physician Report tab: reported again a month later, its figures feed the trend.
    const wholeAgain = await reportWith(whole.out, "never", [], "2026-11-30");
    const streamedAgain = await reportWith(whole.out, "always", [], "2026-11-30");
    expect(streamedAgain.code).toBe(0);
    // The trend section lists the October report's figures (read from its tab, whole, in both ways).
    expect(JSON.stringify(wholeAgain.sheet)).toMatch(/Oct 2026|2026-10/);
    expect(wholeAgain.json).not.toEqual(whole.json);
    expect(streamedAgain.json).toEqual(wholeAgain.json);
    expect(streamedAgain.sheet).toEqual(wholeAgain.sheet);
  });

  test("claims not listed together: the stream says why and the sheet is read whole, with the same report", async () => {
    const book = path.join(dir, "scattered.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Claims");
    ws.addRow(["Claim ID", "Date of Service", "Payer", "Charge", "Insurance Paid", "Status"]);
    ws.addRow(["C1", new Date(Date.UTC(2026, 8, 1)), "Aetna", 100, 60, "Paid"]);
    ws.addRow(["C2", new Date(Date.UTC(2026, 8, 2)), "Cigna", 200, 0, "Denied"]);
    ws.addRow(["C1", new Date(Date.UTC(2026, 8, 1)), "Aetna", 50, 0, "Paid"]);
    await wb.xlsx.writeFile(book);
    const whole = await reportWith(book, "never");
    const streamed = await reportWith(book, "always");
    expect(streamed.code).toBe(0);
    expect(streamed.stderr).toMatch(/the claims sheet was read whole: .*together/);
    expect(streamed.json).toEqual(whole.json);
  });

  test("claims scattered through 10,000 rows: the stream stops reading once it knows, and the whole read gives the report", async () => {
    const book = path.join(dir, "scattered10k.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Claims");
    ws.addRow(["Claim ID", "Date of Service", "Payer", "Charge", "Insurance Paid", "Status"]);
    // Each claim's two lines 5,000 rows apart (a register sorted by line, not by claim).
    for (let k = 0; k < 10000; k++) ws.addRow([`C${k % 5000}`, new Date(Date.UTC(2026, k % 12, 1 + (k % 28))), k % 3 === 0 ? "Aetna" : "Cigna", 100 + (k % 7), k % 2 === 0 ? 60 : 0, k % 10 === 0 ? "Denied" : "Paid"]);
    await wb.xlsx.writeFile(book);
    const whole = await reportWith(book, "never");
    const streamed = await reportWith(book, "always");
    expect(streamed.code).toBe(0);
    expect(streamed.stderr).toMatch(/the claims sheet was read whole: .*not listed together/);
    expect(streamed.json).toEqual(whole.json);
    expect(streamed.sheet).toEqual(whole.sheet);
  });

  test.each(["kareo-claims.csv", "athena-claims.csv", "openemr-collections.csv"])("the CSV export %s: the same summary and report streamed as read whole", async (name) => {
    const book = path.join(dir, name);
    fs.copyFileSync(path.join(__dirname, "fixtures", name), book);
    const whole = await reportWith(book, "never");
    const streamed = await reportWith(book, "always");
    expect(whole.code).toBe(0);
    expect(streamed.code).toBe(whole.code);
    expect(streamed.stderr).not.toMatch(/read whole/);
    expect(streamed.json).toEqual(whole.json);
    expect(streamed.sheet).toEqual(whole.sheet);
  });

  test("a value other than auto, always or never is a usage error", async () => {
    const run = await runCli(["report", path.join(dir, "advancedmd.xlsx"), "--as-of", "2026-10-31", "--out", path.join(dir, "x.xlsx"), "--stream", "sometimes"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--stream: "sometimes" is not auto, always or never/);
  });
});
