import * as fs from "node:fs";
import * as path from "node:path";
import { samplePractice } from "../sample/samplePractice";
import { workbookReport } from "../core/report/workbookReport";
import { isoFromDay } from "../core/dates/day";
import { readWorkbookGrids } from "../files/readWorkbook";
import { sampleWorkbook } from "../files/writeSampleWorkbook";
import { writeReportWorkbook } from "../files/writeReportWorkbook";
import { writeHandout } from "./handout";

/**
 * `practice-ledger demo`: writes the seeded sample practice workbook, then runs the same report
 * path as `practice-ledger report` on that file (read back from disk, as any workbook would be).
 */
export async function runDemo(dir: string, log: (message: string) => void): Promise<number> {
  await fs.promises.mkdir(dir, { recursive: true });
  const sample = samplePractice();
  const book = path.join(dir, `${sample.practice.name}.xlsx`);
  await sampleWorkbook(sample).xlsx.writeFile(book);
  log(`wrote the sample practice workbook: ${book} (${sample.claims.length} claim lines)`);

  const sheets = await readWorkbookGrids(book);
  const report = workbookReport(sheets, { asOf: sample.asOf });
  const out = path.join(dir, `${sample.practice.name} - ${report.sheet.name}.xlsx`);
  const sheetName = await writeReportWorkbook(book, out, report.sheet);
  const handout = path.join(dir, `${sample.practice.name} - physicians' handout.xlsx`);
  const handoutLines = await writeHandout(report.figures, { handout, inputs: [book] });
  const json = path.join(dir, "summary.json");
  await fs.promises.writeFile(json, `${JSON.stringify(report.summary, null, 2)}\n`);
  const s = report.summary;
  process.stdout.write(
    [
      `${s.practice}: physician report as of ${isoFromDay(sample.asOf)}`,
      `  A/R ${s.ar.total}, days in A/R ${s.ar.daysInAR}, over 90 days ${s.ar.over90Share}`,
      `  net collection rate ${s.kpis.netCollectionRate}, denial rate ${s.kpis.denialRate}`,
      `  fee check: ${s.feeSchedule?.checkedLines ?? 0} lines checked, underpaid total ${s.feeSchedule?.underpaidTotal ?? "0.00"}`,
      s.budget === null
        ? "  budget: none found"
        : `  budget: net income year to date ${s.budget.netIncomeYTD}; ${s.budget.linesOverBudget.length} lines over budget; equipment budget remaining ${s.budget.equipmentBudgetRemaining}`,
      s.payroll === null
        ? "  payroll: none found"
        : `  payroll: cost ${s.payroll.totalCost} for the period (${s.payroll.shareOfCollections ?? "n/a"} of collections), ${s.payroll.overtimeHours} overtime hours`,
      `  wrote "${sheetName}" to ${out}`,
      `  wrote the JSON summary to ${json}`,
      ...handoutLines,
    ].join("\n") + "\n",
  );
  return 0;
}
