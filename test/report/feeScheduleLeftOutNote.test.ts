/**
 * Fee-schedule rows left out are counted on the report tab's notes (manager's copy), as the JSON
 * summary lists them in feeSchedule.leftOut. The workbook below has two bad fee rows written by
 * hand (row 3: amount "see contract"; row 5: no CPT), so the expected count is 2.
 */
import { workbookReport } from "../../src/core/report/workbookReport";
import { physicianReport } from "../../src/core/report/physicianReport";
import { summaryForFile } from "../../src/core/report/summaryPrivacy";
import { feeScheduleLeftOut } from "../../src/core/report/feeScheduleLeftOut";
import { dayFromYMD } from "../../src/core/dates/day";

const CLAIMS = [
  ["Claim ID", "Date of Service", "Payer", "CPT", "Charge", "Insurance Paid", "Patient Paid", "Contractual Adj", "Status"],
  ["C1", "2026-09-02", "Aetna", "99213", 150, 90, 20, 40, "Paid"],
  ["C2", "2026-09-03", "Aetna", "99214", 200, 0, 0, 0, "Submitted"],
];
const FEES = [
  ["Payer", "CPT", "Allowed Amount"],
  ["Aetna", "99213", 110],
  ["Aetna", "99214", "see contract"],
  ["Cigna", "99213", 105],
  ["Cigna", null, 120],
];

const notesOf = (sheet: ReturnType<typeof physicianReport>): string[] =>
  sheet.cells.filter((c) => typeof c.value === "string" && c.styles?.includes("note")).map((c) => String(c.value));

test("the manager's notes count the fee-schedule rows left out, as many rows as the JSON lists", () => {
  const report = workbookReport([{ name: "Claims", grid: CLAIMS }, { name: "Fees", grid: FEES }], { asOf: dayFromYMD(2026, 9, 30)! });
  const json = summaryForFile(report.summary, report.feeSchedule, false);
  const jsonRows = new Set((json.feeSchedule?.leftOut ?? []).map((l) => `${l.sheet}:${l.row}`));
  expect([...jsonRows].sort()).toEqual(["Fees:3", "Fees:5"]);
  expect(report.figures.feeScheduleLeftOut).toEqual({ sheet: "Fees", rows: 2 });
  const line = notesOf(report.sheet).filter((n) => n.startsWith("Fee schedule"));
  expect(line).toEqual(['Fee schedule (sheet "Fees"): 2 row(s) left out and not used to check payments; each is listed with sheet, row and column in the JSON summary (feeSchedule.leftOut).']);
  // The physicians' handout carries no such manager detail.
  expect(notesOf(physicianReport(report.figures, { audience: "physicians" })).some((n) => n.startsWith("Fee schedule"))).toBe(false);
});

test("no line when nothing was left out or there is no fee schedule", () => {
  const clean = workbookReport([{ name: "Claims", grid: CLAIMS }, { name: "Fees", grid: FEES.slice(0, 2) }], { asOf: dayFromYMD(2026, 9, 30)! });
  expect(clean.figures.feeScheduleLeftOut).toEqual({ sheet: "Fees", rows: 0 });
  expect(notesOf(clean.sheet).some((n) => n.startsWith("Fee schedule"))).toBe(false);
  expect(feeScheduleLeftOut(null)).toBeNull();
  // A row with two errors counts once.
  const issue = { row: 7, severity: "error" as const, message: "x" };
  expect(feeScheduleLeftOut({ sheet: "F", issues: [issue, { ...issue, message: "y" }, { ...issue, row: 8, severity: "warning" as const }] } as never)).toEqual({ sheet: "F", rows: 1 });
});
