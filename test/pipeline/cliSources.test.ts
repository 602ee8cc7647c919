/** The command line on real export layouts (issue 8): what it says about the source, and exit 1 with nothing written when no line is usable. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { FIXTURES } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-cli-sources-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const grab = (into: string[]) => ((chunk: unknown) => {
    into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
    return true;
  }) as unknown as typeof process.stdout.write;
  const o = jest.spyOn(process.stdout, "write").mockImplementation(grab(out));
  const e = jest.spyOn(process.stderr, "write").mockImplementation(grab(err));
  try {
    return { code: await main(argv), stdout: out.join(""), stderr: err.join("") };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

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
