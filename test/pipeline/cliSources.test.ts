/** The command line on real export layouts (issue 8): what it says about the source, and exit 1 with nothing written when no line is usable. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FIXTURES, runCli } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-cli-sources-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = runCli;

test("OpenEMR CSV: the layout, the self-pay assumption and the balance check are said; source.columns in the JSON", async () => {
  const out = path.join(dir, "openemr.xlsx");
  const json = path.join(dir, "openemr.json");
  const r = await run(["report", path.join(FIXTURES, "openemr-collections.csv"), "--as-of", "2026-10-31", "--out", out, "--json", json, "--quiet"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/source: sheet "openemr-collections", read as OpenEMR Collections Report; balances as of the export/);
  expect(r.stdout).toMatch(/assumed: a blank Insurance cell is self-pay/);
  expect(r.stdout).toMatch(/1 of 4 lines disagree with the export's balance \(column M\) by 20\.00/);
  const summary = JSON.parse(fs.readFileSync(json, "utf8"));
  expect(summary.source.columns.fields.insurancePaid).toEqual({ column: "L", header: "Paid", matchedBy: "exact", synonym: "paid" });
  expect(summary.source.columns.fields.cpt).toBeNull();
  expect(summary.ar.balancesAsOf).toBe("export");
  // Aggregates only: no patient name reaches the summary.
  expect(JSON.stringify(summary)).not.toMatch(/Doe|Roe|Poe|Zoe/);
});

test("no usable claim line: exit 1 with the reason, nothing written", async () => {
  const csv = path.join(dir, "bad.csv");
  fs.writeFileSync(csv, "Claim #,DOS,Payer,Charge\r\nA1,not a date,Aetna,100.00\r\n");
  const out = path.join(dir, "bad.xlsx");
  const r = await run(["report", csv, "--as-of", "2026-10-31", "--out", out, "--quiet"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/no usable claim line.*row 2: date of service/);
  expect(fs.existsSync(out)).toBe(false);
});
