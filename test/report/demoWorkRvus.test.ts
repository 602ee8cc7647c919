/**
 * The demo workbook carries an "RVUs" sheet (the sample's PFS RVUs, laid out as CMS's relative
 * value file), so the demo report shows work RVUs per physician. The expected figures are
 * recomputed here independently: RVUs as whole hundredths parsed from the sample's strings, summed
 * in integers over the sample's own claim lines (not the lines read back from the workbook).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { samplePractice } from "../../src/sample/samplePractice";
import { sampleWorkbook } from "../../src/files/writeSampleWorkbook";
import { readWorkbookGrids } from "../../src/files/readWorkbook";
import { workbookReport, type WorkbookReport } from "../../src/core/report/workbookReport";

jest.setTimeout(120_000);

const hundredths = (text: string): number => {
  const [whole, frac = ""] = text.split(".");
  return Number(whole) * 100 + Number((frac + "00").slice(0, 2));
};

describe("the demo's work RVUs", () => {
  const sample = samplePractice();
  let report: WorkbookReport;
  let dir: string;

  beforeAll(async () => {
    dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "pl-demo-rvu-"));
    const file = path.join(dir, "sample.xlsx");
    await sampleWorkbook(sample).xlsx.writeFile(file);
    report = workbookReport(await readWorkbookGrids(file), { asOf: sample.asOf });
  });
  afterAll(async () => {
    await fs.promises.rm(dir, { recursive: true, force: true });
  });

  test("read from the RVUs sheet, every row used", () => {
    expect(report.figures.workRvus?.sheet).toBe("RVUs");
    expect(report.figures.workRvus?.tableRows).toBe(sample.rvus.length);
    expect(report.figures.workRvus?.leftOut).toEqual([]);
  });

  test("per physician: Σ units × work RVU over the period lines, in whole hundredths", () => {
    const rvu = new Map(sample.rvus.map((r) => [r.cpt, hundredths(r.work)]));
    const { from, to } = report.figures.period;
    const expected = new Map<string, number>();
    let without = 0;
    for (const line of sample.claims) {
      if (line.dateOfService < from || line.dateOfService > to) continue;
      const w = line.cpt === null ? undefined : rvu.get(line.cpt);
      if (w === undefined) {
        without++;
        continue;
      }
      const who = (line.provider ?? "").trim();
      expected.set(who, (expected.get(who) ?? 0) + line.units * w);
    }
    expect(report.figures.workRvus?.linesWithoutRvu).toBe(without);
    const got = new Map(report.figures.providers.map((p) => [p.provider, p.workRVUs?.times(100).toNumber()]));
    for (const physician of sample.practice.physicians) {
      expect(expected.get(physician.name)).toBeGreaterThan(0);
      expect(got.get(physician.name)).toBe(expected.get(physician.name));
    }
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(report.summary.workRVUs?.total).toBe((total / 100).toFixed(2));
  });
});
