import * as fs from "node:fs";
import * as path from "node:path";
import { samplePractice } from "../sample/samplePractice";
import { workbookReport } from "../core/report/workbookReport";
import { summaryForFile } from "../core/report/summaryPrivacy";
import { readWorkbookGrids } from "../files/readWorkbook";
import { sampleWorkbook } from "../files/writeSampleWorkbook";
import { writeReportWorkbook } from "../files/writeReportWorkbook";
import { writeOutputs } from "../files/safeWrite";
import { summaryLines } from "./printSummary";
import { handoutOutputs } from "./handout";

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
  const json = path.join(dir, "summary.json");
  const handout = handoutOutputs(report.figures, { handout: path.join(dir, `${sample.practice.name} - physicians' handout.xlsx`) });
  let sheetName = "";
  // The demo's own folder: its earlier files are replaced (force), the sample workbook never.
  await writeOutputs(
    [{ path: book, what: "the sample workbook" }],
    [
      { path: out, what: "the report copy", write: async (t) => void (sheetName = await writeReportWorkbook(book, t, report.sheet)) },
      { path: json, what: "the JSON summary", write: (t) => fs.promises.writeFile(t, `${JSON.stringify(summaryForFile(report.summary, report.feeSchedule, false), null, 2)}\n`) },
      ...handout.outputs,
    ],
    { force: true },
  );
  process.stdout.write(
    [
      ...summaryLines(report.summary),
      `  wrote "${sheetName}" to ${out}`,
      `  wrote the JSON summary to ${json}`,
      ...handout.lines,
    ].join("\n") + "\n",
  );
  return 0;
}
