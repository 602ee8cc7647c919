import type { CellValue } from "../../core/cells/cellValue";
import { CLAIM_FIELD_HEADERS, REQUIRED_CLAIM_FIELDS } from "../../core/claims/claimLine";
import { findHeaderRow } from "../../core/import/findHeaderRow";
import { CLAIM_HEADER_SYNONYMS, FEE_SCHEDULE_HEADER_SYNONYMS, type FeeScheduleField } from "../../core/import/headerSynonyms";
import { readBudgetSheet } from "../../core/budget/readBudgetSheet";
import { payrollSheetScore } from "../../core/report/payrollSheet";
import { settingsSheetScore } from "../../core/report/settingsSheet";
import { isReportTabName } from "../../core/report/trendFromReportTab";
import { practiceNameIn } from "./practiceName";
import { progress, type OperationOptions, type SheetKind, type SheetOverview } from "./options";

/** Rows of each sheet read to tell what it holds (headers sit in the first 30; budgets need their lines). */
export const DESCRIBE_ROWS = 60;
/** Columns of each sheet read to tell what it holds. */
export const DESCRIBE_COLUMNS = 60;

interface UsedArea {
  name: string;
  range: Excel.Range;
  top: Excel.Range | null;
}

/**
 * What each sheet of the open workbook holds: claims register (or export), fee schedule, budget,
 * payroll, settings, an earlier physician report, or other; with its data rows, its used range and
 * what keeps it from being read. Reads only the first DESCRIBE_ROWS × DESCRIBE_COLUMNS cells of
 * each sheet: 3 syncs (names, used ranges, first rows), whatever the sheets' sizes.
 */
export async function describeWorkbook(context: Excel.RequestContext, o: OperationOptions = {}): Promise<{ sheets: SheetOverview[]; practiceName: string | null }> {
  progress(o, 0, "Reading the sheet names…");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();

  const areas: UsedArea[] = worksheets.items.map((w) => {
    const range = w.getUsedRangeOrNullObject(true);
    range.load("address,rowIndex,columnIndex,rowCount,columnCount");
    return { name: w.name, range, top: null };
  });
  progress(o, 0.3, "Finding each sheet's data…");
  await context.sync();

  for (const a of areas) {
    if (a.range.isNullObject) continue;
    const top = worksheets.getItem(a.name).getRangeByIndexes(a.range.rowIndex, a.range.columnIndex, Math.min(a.range.rowCount, DESCRIBE_ROWS), Math.min(a.range.columnCount, DESCRIBE_COLUMNS));
    top.load("values");
    a.top = top;
  }
  progress(o, 0.6, "Reading the headers…");
  await context.sync();

  const grids: { name: string; grid: CellValue[][] }[] = [];
  const sheets = areas.map((a): SheetOverview => {
    if (a.range.isNullObject || a.top === null) return { name: a.name, kind: isReportTabName(a.name) ? "report" : "other", rows: 0, address: null, problems: [] };
    const grid: CellValue[][] = [];
    for (let r = 0; r < a.range.rowIndex; r++) grid.push([]);
    const pad: CellValue[] = new Array(a.range.columnIndex).fill("");
    for (const row of a.top.values as CellValue[][]) grid.push(pad.concat(row));
    const lastRow = a.range.rowIndex + a.range.rowCount;
    grids.push({ name: a.name, grid });
    const address = a.range.address.slice(a.range.address.lastIndexOf("!") + 1);
    return { name: a.name, address, ...classify(a.name, grid, lastRow) };
  });
  progress(o, 1, "Done");
  return { sheets, practiceName: practiceNameIn(grids) };
}

/** The kind of a sheet from its name and first rows; rows = data rows below its header. */
export function classify(name: string, grid: CellValue[][], lastRow: number): { kind: SheetKind; rows: number; problems: string[] } {
  if (isReportTabName(name)) return { kind: "report", rows: lastRow, problems: [] };
  const lower = name.trim().toLowerCase();

  const claims = findHeaderRow(grid, CLAIM_HEADER_SYNONYMS, REQUIRED_CLAIM_FIELDS, { sheet: name });
  if (claims.found && REQUIRED_CLAIM_FIELDS.every((f) => claims.fields.includes(f))) {
    return { kind: "claims", rows: Math.max(0, lastRow - claims.row), problems: [] };
  }
  const fees = findHeaderRow<FeeScheduleField>(grid, FEE_SCHEDULE_HEADER_SYNONYMS, ["payer", "cpt"], { sheet: name });
  if (fees.found && (fees.fields.includes("amount") || fees.fields.includes("percentOfMedicare"))) {
    return { kind: "feeSchedule", rows: Math.max(0, lastRow - fees.row), problems: [] };
  }
  if (payrollSheetScore(grid, name) > 0) return { kind: "payroll", rows: lastRow - 1, problems: [] };
  if (lower === "settings" || settingsSheetScore(grid) >= 2) return { kind: "settings", rows: lastRow, problems: [] };
  const budget = readBudgetSheet(grid, { sheet: name });
  if (budget.layout.orientation !== null && budget.lines.length > 0) return { kind: "budget", rows: budget.lines.length, problems: [] };
  if (lower === "budget" || lower === "actuals") return { kind: "budget", rows: 0, problems: ["no month headings (Jan … Dec) with category lines were found"] };

  // Claims-like but incomplete: say what is missing, so the pane can offer Convert with overrides.
  if (claims.found && claims.fields.length >= 2) {
    const missing = REQUIRED_CLAIM_FIELDS.filter((f) => !claims.fields.includes(f)).map((f) => CLAIM_FIELD_HEADERS[f]);
    return { kind: "other", rows: Math.max(0, lastRow - claims.row), problems: [`row ${claims.row} looks like a claims header but has no column for ${missing.join(", ")}`] };
  }
  return { kind: "other", rows: lastRow, problems: [] };
}
