import * as fs from "node:fs";
import * as path from "node:path";
import { samplePractice } from "../sample/samplePractice";
import { workbookReport } from "../core/report/workbookReport";
import { summaryForFile } from "../core/report/summaryPrivacy";
import { readWorkbookGrids } from "../files/readWorkbook";
import { sampleWorkbook } from "../files/writeSampleWorkbook";
import { writeReportWorkbook } from "../files/writeReportWorkbook";
import { summaryLines } from "./printSummary";

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
  const json = path.join(dir, "summary.json");
  await fs.promises.writeFile(json, `${JSON.stringify(summaryForFile(report.summary, report.feeSchedule, false), null, 2)}\n`);
  process.stdout.write(
    [
      ...summaryLines(report.summary),
      `  wrote "${sheetName}" to ${out}`,
      `  wrote the JSON summary to ${json}`,
    ].join("\n") + "\n",
  );
  return 0;
}
