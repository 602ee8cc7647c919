import type { CellValue } from "../../core/cells/cellValue";
import { columnLetter, describeIssue } from "../../core/cells/issue";
import type { ClaimField } from "../../core/claims/claimLine";
import { headerText } from "../../core/import/normalizeHeader";
import { readClaimsRegister } from "../../core/import/readClaimsRegister";
import { REQUIRED_CLAIM_FIELDS } from "../../core/claims/claimLine";
import { registerSourceSummary } from "../../core/report/registerSource";
import type { SourceSummaryJson } from "../../core/report/sourceSummary";
import { SETTINGS_SHEET_NAME, TEMPLATE_SHEET_NAMES, registerSheetFromLines } from "../../core/templates";
import { OperationError } from "./errors";
import { parseRangeAddress } from "./rangeAddress";
import { progress, type ConversionPreview, type ConversionSource, type LeftOutCell, type OperationOptions } from "./options";
import { settingsCells } from "./setUpSheets";
import { findName, firstUsedColumn, leftOutCells, readSheets, renderNewSheet, sheetNames } from "./workbook";

interface SourceGrid {
  /** The sheet's name as the workbook spells it. */
  sheet: string;
  /** Rows from the top of the source (the selection's first row, or row 1); columns as on the sheet. */
  grid: CellValue[][];
  /** Sheet rows above grid[0]. */
  rowOffset: number;
  /** The source's first column (0-based). */
  firstColumn: number;
  settingsGrid: CellValue[][] | null;
  settingsName: string | null;
}


/** Reads the source sheet (and the Settings sheet, for the as-of cell) and crops it to the selection. */
async function readSource(context: Excel.RequestContext, source: ConversionSource, o: OperationOptions, withSettings: boolean): Promise<SourceGrid> {
  const names = await sheetNames(context);
  const sheet = findName(names, source.sheet);
  if (sheet === null) throw new OperationError(`There is no sheet named "${source.sheet}" in this workbook (was it renamed or deleted?).`);
  const settingsName = withSettings ? findName(names, SETTINGS_SHEET_NAME) : null;
  progress(o, 0.1, `Reading "${sheet}"…`);
  const read = await readSheets(context, settingsName !== null && settingsName !== sheet ? [sheet, settingsName] : [sheet], o);
  const grid = read.find((s) => s.name === sheet)?.grid ?? [];
  const settingsGrid = settingsName === null ? null : (read.find((s) => s.name === settingsName)?.grid ?? null);
  if (source.headerRow !== undefined && source.headerRow >= 1 && (source.address === undefined || source.address.trim() === "")) {
    source = { ...source, address: `${Math.floor(source.headerRow)}:1048576` };
  }
  if (source.address === undefined || source.address.trim() === "") {
    return { sheet, grid, rowOffset: 0, firstColumn: firstUsedColumn(grid), settingsGrid, settingsName };
  }
  const area = parseRangeAddress(source.address);
  if (area === null) throw new OperationError(`"${source.address}" is not a range address such as A4:N2004.`, { sheet, address: "A1" });
  const cropped: CellValue[][] = [];
  for (let r = area.r0; r <= Math.min(area.r1, grid.length - 1); r++) {
    const row = grid[r] ?? [];
    const out: CellValue[] = [];
    for (let c = 0; c <= Math.min(area.c1, row.length - 1); c++) out.push(c >= area.c0 ? row[c] : "");
    cropped.push(out);
  }
  return { sheet, grid: cropped, rowOffset: area.r0, firstColumn: area.c0, settingsGrid, settingsName };
}

/**
 * What the claims reader finds in a practice-management export (a sheet, or a selected range),
 * read by the same path as the report and the conversion (readClaimsRegister: a transaction ledger
 * previews as the claim lines its postings roll up to): the header row, the column of each field
 * (editable in the pane, then given back as overrides), the header cells no field took, the
 * required fields without a column, the rows below the header, the header's issues in words, and
 * the source facts (layout, money fields with no column, balance check, assumptions). Reads only:
 * nothing is written. Syncs: 1 + readUsedRanges.
 */
export async function previewConversion(context: Excel.RequestContext, source: ConversionSource, o: OperationOptions = {}): Promise<ConversionPreview> {
  progress(o, 0, "Reading the export…");
  const src = await readSource(context, source, o, false);
  progress(o, 0.8, "Matching its columns…");
  const read = readClaimsRegister(src.grid, { sheet: src.sheet, normalizePayers: false });
  // A header row the user pointed at stands even when none of its names is recognised.
  const pointed = read.headerRow === null && source.headerRow !== undefined ? 1 : null;
  const headerAt = read.headerRow ?? pointed;
  const headerRow = headerAt === null ? null : headerAt + src.rowOffset;
  const headers: { column: string; header: string }[] = [];
  if (headerAt !== null) {
    (src.grid[headerAt - 1] ?? []).forEach((cell, c) => {
      const text = headerText(cell);
      if (text !== "") headers.push({ column: columnLetter(c + 1), header: text });
    });
  }
  progress(o, 1, "Done");
  return {
    headerRow,
    mapping: read.mapping,
    headers,
    unmapped: pointed !== null ? headers : read.unmapped,
    missingRequired: pointed !== null ? [...REQUIRED_CLAIM_FIELDS] : read.export.missingRequired,
    rowsBelowHeader: pointed !== null ? Math.max(0, src.grid.length - 1) : read.rowsBelowHeader,
    issues: pointed !== null ? [] : read.export.issues.map((i) => describeIssue({ ...i, row: i.row + src.rowOffset })),
    lines: pointed !== null ? 0 : read.lines.length,
    source: read.headerRow === null ? null : withRowOffset(registerSourceSummary(read, src.sheet), src.rowOffset),
  };
}

/** Source facts of a selected range: header and balance-check rows as sheet rows. */
function withRowOffset(s: SourceSummaryJson, rowOffset: number): SourceSummaryJson {
  if (rowOffset === 0) return s;
  return {
    ...s,
    headerRows: s.headerRows.map((r) => r + rowOffset),
    balanceCheck: s.balanceCheck === null ? null : { ...s.balanceCheck, rows: s.balanceCheck.rows.map((r) => ({ ...r, row: r.row + rowOffset })) },
  };
}

/**
 * Converts a practice-management export into a new Claims Register sheet (registerSheetFromLines:
 * a table of the lines read, with Balance and Age Bucket formulas), with the pane's column choices
 * (`overrides`: field → column letter) winning over the reader's, for a transaction ledger too
 * (ledgerRead: the fields its rows name; a money field moved off the amount column reads the sheet
 * as a register). Returns the source facts, as the report's `summary.source`. The source is only read, never
 * changed. Every row left out is returned with its reason and source cell. Syncs: a constant
 * (names, reading, writing) plus the byte budget's extra blocks on large exports.
 */
export async function convertToRegister(
  context: Excel.RequestContext,
  source: ConversionSource,
  overrides: Partial<Record<ClaimField, string>>,
  o: OperationOptions = {},
): Promise<{ sheet: string; lines: number; leftOut: LeftOutCell[]; source: SourceSummaryJson }> {
  progress(o, 0, "Reading the export…");
  const src = await readSource(context, source, o, true);
  progress(o, 0.4, "Reading the claim lines…");
  // A field set to "(not used)" comes as "": no column for it, even where the reader found one.
  const cleaned: Partial<Record<ClaimField, string>> = {};
  for (const [field, column] of Object.entries(overrides) as [ClaimField, string | undefined][]) {
    if (typeof column === "string") cleaned[field] = column.trim();
  }
  const read = readClaimsRegister(src.grid, { sheet: src.sheet, overrides: cleaned, normalizePayers: false });
  const firstLetter = columnLetter(src.firstColumn + 1);
  const topCell = { sheet: src.sheet, address: `${firstLetter}${src.rowOffset + 1}` };
  if (read.headerRow === null || read.export.missingRequired.length > 0) {
    const errors = read.issues.filter((i) => i.severity === "error").map((i) => describeIssue({ ...i, row: i.row + src.rowOffset }));
    const cell = read.headerRow === null ? topCell : { sheet: src.sheet, address: `${firstLetter}${read.headerRow + src.rowOffset}` };
    throw new OperationError(`Nothing was converted: ${errors.join("; ") || "no header row naming claim number, date of service, payer and charge was found"}. Choose the columns in the mapping and try again.`, cell);
  }
  const leftOut = leftOutCells(read.leftOut, src.sheet, firstLetter, src.rowOffset);
  if (read.lines.length === 0) {
    throw new OperationError(
      `Nothing was converted: none of the ${read.rowsRead} rows below the header could be read as a claim line${leftOut[0] !== undefined ? ` (first: ${leftOut[0].sheet}!${leftOut[0].address}, ${leftOut[0].reason})` : ""}.`,
      leftOut[0] !== undefined ? { sheet: leftOut[0].sheet, address: leftOut[0].address } : topCell,
    );
  }
  const asOfCell = src.settingsName !== null && src.settingsGrid !== null ? settingsCells(src.settingsName, src.settingsGrid).asOfCell : undefined;
  const description = registerSheetFromLines(read.lines, leftOut, { name: TEMPLATE_SHEET_NAMES.claimsRegister, asOfCell });
  progress(o, 0.6, `Writing ${read.lines.length} lines…`);
  const { name } = await renderNewSheet(context, description, o);
  progress(o, 1, "Done");
  return { sheet: name, lines: read.lines.length, leftOut, source: withRowOffset(registerSourceSummary(read, src.sheet), src.rowOffset) };
}
