/**
 * Renders a sheet description (src/core/sheet) into the open workbook through Office.js: the
 * same content the .xlsx renderer (src/files/renderSheet.ts) writes with ExcelJS, plus native
 * charts.
 *
 * Requests: one sync to read the sheet names, then every write queued against a byte budget
 * (requestBudget.ts), synced only when the budget is reached and once at the end. A report takes
 * 2 syncs whatever the size of the register it summarizes; a description of N bytes takes about
 * 1 + ceil(N / budget). Values and number formats go as 2D arrays over blocks of whole rows;
 * styles go once per rectangle of cells sharing a style, not cell by cell.
 *
 * Safety: only the new sheet is written. If anything fails after the sheet was added, the sheet
 * is deleted (one more sync) and the error names what failed; the user's sheets are never changed.
 * Tables (Worksheet.tables.add, names made unique in the workbook, read in the first sync),
 * drop-down lists (Range.dataValidation, ExcelApi 1.8) and formula cells (Range.formulas, one
 * write per run of consecutive formula cells in a column) are rendered too.
 * Requirement sets: see requirements.ts and operations/requirements.ts (ExcelApi 1.8 at most).
 */
import {
  CELL_STYLES,
  NUMBER_FORMATS,
  rangeAddress,
  uniqueSheetName,
  type CellContent,
  type CellRange,
  type CellStyle,
  type SheetChart,
  type SheetDescription,
  type SheetValidation,
  uniqueTableName,
  validationSource,
} from "../core/sheet/sheetDescription";
import { columnLetter } from "../core/cells/issue";
import { applyPageLayout, pageLayoutSupported } from "./pageLayout";
import { DEFAULT_BUDGET_BYTES, OPERATION_OVERHEAD_BYTES, RequestBudget, jsonBytes } from "./requestBudget";

/**
 * Whether the host has ExcelApi 1.8 (gridlines, drop-down lists). Without it a sheet is still
 * written, only with gridlines shown and without drop-downs, so only Set up (whose templates are
 * the drop-downs) is blocked in the pane. Outside Office (tests, the command line) true.
 */
export function hasExcelApi18(): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (n: string, v: string) => boolean } } } }).Office;
  const check = office?.context?.requirements?.isSetSupported;
  if (typeof check !== "function") return true;
  try {
    return check("ExcelApi", "1.8");
  } catch {
    return true;
  }
}

export interface RenderOptions {
  /** Bytes per request (default 4 MB, under Excel's 5 MB limit). */
  budgetBytes?: number;
  /** Make the new sheet the active one (default true). */
  activate?: boolean;
  /**
   * Called before each sync of the render: a long operation checks there for a cancel request and
   * throws. The partial sheet is then removed and, when `passThrough(error)` is true, that very
   * error is rethrown (otherwise a RenderSheetError wraps it).
   */
  beforeSync?: () => void;
  passThrough?: (error: unknown) => boolean;
  /** Write the description's page setup (default: when the host has ExcelApi 1.9, pageLayout.ts). */
  pageLayout?: boolean;
}

export interface RenderResult {
  /** The sheet's final, unique name. */
  name: string;
  /** context.sync() calls made. */
  syncs: number;
  /** Final names of the description's tables, in its order (made unique in the workbook). */
  tables?: string[];
}

/**
 * Column width in points from Excel character units: a character of the default font (Calibri
 * 11) is about 7 px at 96 dpi, plus 5 px of padding, so points = (chars × 7 + 5) × 0.75 =
 * chars × 5.25 + 3.75 (16 characters → 87.75 pt). An approximation: Excel's exact width depends on
 * the workbook's default font.
 */
export function columnWidthPoints(chars: number): number {
  return chars * 5.25 + 3.75;
}

const CHART_TYPES: Record<SheetChart["kind"], "ColumnClustered" | "ColumnStacked" | "BarClustered" | "Pie" | "Line"> = {
  column: "ColumnClustered",
  stackedColumn: "ColumnStacked",
  bar: "BarClustered",
  pie: "Pie",
  line: "Line",
};

const ALIGN: Record<NonNullable<CellStyle["align"]>, "Left" | "Center" | "Right"> = { left: "Left", center: "Center", right: "Right" };

const hex = (rgb: string): string => `#${rgb}`;

/**
 * Text Excel would not keep as text when written through Range.values: Excel parses the string as
 * if typed (Excel.Range.values reference, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member;
 * "Stop automatically changing numbers to dates", https://support.microsoft.com/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8),
 * and what it parses goes well beyond plain numbers: "1234E5" (123,400,000), "Jan 2026",
 * "31-Oct", "1/2", "10:30", "$1,234", "12%", in every locale's own forms. Rather than guess that
 * list, any text holding a digit is written with the apostrophe prefix, and so is text Excel reads
 * without one: a leading =, +, - or @ (a formula), a leading apostrophe (eaten as the prefix),
 * TRUE/FALSE and error texts. The apostrophe is stored as the cell's text prefix, not as content,
 * so the cell holds exactly the description's text (Range.values reads it back without it).
 */
export function needsTextPrefix(text: string): boolean {
  const t = text.trim();
  return /\d/.test(text) || /^[=+\-@'#]/.test(t) || /^(true|false)$/i.test(t);
}

function cellInput(value: CellContent): string | number | boolean | null {
  if (value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return needsTextPrefix(value) ? `'${value}` : value;
  return value;
}

/** A rectangle of cells (1-based, inclusive) that share one style. */
interface StyleRect {
  style: CellStyle;
  fromRow: number;
  toRow: number;
  fromCol: number;
  toCol: number;
}

/** Groups styled cells into rectangles: runs of equal style along a row, stacked over rows. */
export function styleRectangles(sheet: SheetDescription): StyleRect[] {
  const styled = sheet.cells
    .filter((c) => c.styles !== undefined && c.styles.length > 0)
    .map((c) => {
      const style: CellStyle = Object.assign({}, ...(c.styles ?? []).map((s) => CELL_STYLES[s]));
      return { row: c.row, col: c.col, style, key: JSON.stringify(style) };
    })
    .filter((c) => c.key !== "{}")
    .sort((a, b) => a.row - b.row || a.col - b.col);
  // The last description of a cell wins, as in the .xlsx renderer.
  const unique: typeof styled = [];
  for (const c of styled) {
    const last = unique[unique.length - 1];
    if (last !== undefined && last.row === c.row && last.col === c.col) unique[unique.length - 1] = c;
    else unique.push(c);
  }
  const rects: StyleRect[] = [];
  const open = new Map<string, StyleRect>();
  let i = 0;
  while (i < unique.length) {
    // One run: same row, consecutive columns, same style.
    let j = i;
    while (j + 1 < unique.length && unique[j + 1].row === unique[i].row && unique[j + 1].col === unique[j].col + 1 && unique[j + 1].key === unique[i].key) j++;
    const { row, col, style, key } = unique[i];
    const toCol = unique[j].col;
    const id = `${key}|${col}|${toCol}`;
    const above = open.get(id);
    if (above !== undefined && above.toRow === row - 1) above.toRow = row;
    else {
      const rect = { style, fromRow: row, toRow: row, fromCol: col, toCol };
      rects.push(rect);
      open.set(id, rect);
    }
    i = j + 1;
  }
  return rects;
}

/**
 * Queues the loads of every name a new table cannot take, and returns how to read them after the
 * sync: the workbook's tables AND its defined names, which share one namespace with table names (a
 * named range "ClaimsRegister" makes a table of that name fail with ItemAlreadyExists; "Rename an
 * Excel table", https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114).
 */
export function loadTakenTableNames(context: Excel.RequestContext): () => string[] {
  const tables = context.workbook.tables;
  const names = context.workbook.names;
  tables.load("items/name");
  names.load("items/name");
  return () => [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)];
}

/**
 * Adds the description as a new sheet with a unique name and returns the name and the number of
 * syncs. Throws (after removing the partial sheet) when Excel refuses an operation.
 */
export async function renderSheetDescription(context: Excel.RequestContext, sheet: SheetDescription, options: RenderOptions = {}): Promise<RenderResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const wantsTables = (sheet.tables ?? []).length > 0;
  const takenTableNames = wantsTables ? loadTakenTableNames(context) : () => [];
  options.beforeSync?.();
  await context.sync();
  const name = uniqueSheetName(sheet.name, worksheets.items.map((w) => w.name));
  const takenTables = takenTableNames();
  const tableNames: string[] = [];
  const budget = new CheckedBudget(context, options.budgetBytes ?? DEFAULT_BUDGET_BYTES, options.beforeSync);
  let stage = "adding the sheet";
  try {
    const ws = worksheets.add(name);
    await budget.reserve(jsonBytes(name));
    stage = "sheet settings";
    const has18 = hasExcelApi18();
    if (has18) ws.showGridlines = sheet.showGridLines;
    if (sheet.tabColor !== undefined) ws.tabColor = hex(sheet.tabColor);
    if (sheet.freezeRows !== undefined && sheet.freezeRows > 0) ws.freezePanes.freezeRows(sheet.freezeRows);
    await budget.reserve(64);

    stage = "column widths";
    for (let i = 0; i < sheet.columnWidths.length; i++) {
      const letter = columnLetter(i + 1);
      await budget.reserve(16);
      ws.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(sheet.columnWidths[i]);
    }

    stage = "values and number formats";
    await writeValues(ws, sheet, budget);

    stage = "cell styles";
    for (const rect of styleRectangles(sheet)) {
      await budget.reserve(OPERATION_OVERHEAD_BYTES * 8);
      applyStyle(ws.getRange(rangeAddress(rect)), rect.style, rect.toRow > rect.fromRow);
    }

    stage = "tables";
    for (const table of sheet.tables ?? []) {
      const tableName = uniqueTableName(table.name, [...takenTables, ...tableNames]);
      tableNames.push(tableName);
      await budget.reserve(OPERATION_OVERHEAD_BYTES * 4 + jsonBytes(tableName));
      const added = ws.tables.add(rangeAddress(table.range), true);
      added.name = tableName;
      added.style = table.style ?? "TableStyleMedium2";
      if (table.showTotals === true) added.showTotals = true;
    }

    stage = "drop-down lists";
    for (const v of has18 ? (sheet.validations ?? []) : []) {
      await budget.reserve(OPERATION_OVERHEAD_BYTES * 3 + jsonBytes(validationSource(v.list)) + jsonBytes(v.message ?? ""));
      applyValidation(ws.getRange(rangeAddress(v.range)), v);
    }

    stage = "merged cells";
    for (const m of sheet.merges) {
      await budget.reserve(32);
      ws.getRange(rangeAddress(m)).merge(false);
    }

    stage = "conditional formats";
    for (const rule of sheet.conditional) {
      await budget.reserve(OPERATION_OVERHEAD_BYTES * 5);
      const range = ws.getRange(rangeAddress(rule.range));
      if (rule.kind === "dataBar") {
        const cf = range.conditionalFormats.add("DataBar");
        cf.dataBar.positiveFormat.fillColor = hex(rule.color);
        cf.dataBar.positiveFormat.gradientFill = false;
        cf.dataBar.lowerBoundRule = { type: "LowestValue" };
        cf.dataBar.upperBoundRule = { type: "HighestValue" };
      } else {
        const style = CELL_STYLES[rule.style];
        const cf = range.conditionalFormats.add("CellValue");
        if (style.bold !== undefined) cf.cellValue.format.font.bold = style.bold;
        if (style.color !== undefined) cf.cellValue.format.font.color = hex(style.color);
        if (style.fill !== undefined) cf.cellValue.format.fill.color = hex(style.fill);
        cf.cellValue.rule = { formula1: String(rule.value), operator: rule.operator === "greaterThan" ? "GreaterThan" : "LessThan" };
      }
    }

    for (const chart of sheet.charts) {
      stage = `chart "${chart.title}"`;
      await budget.reserve(OPERATION_OVERHEAD_BYTES * (4 + 3 * chart.series.length) + jsonBytes(chart.title));
      addChart(ws, chart);
    }

    stage = "row heights";
    for (const [row, points] of Object.entries(sheet.rowHeights ?? {})) {
      await budget.reserve(32);
      ws.getRange(`${row}:${row}`).format.rowHeight = points;
    }
    if (sheet.pageSetup !== undefined && (options.pageLayout ?? pageLayoutSupported())) {
      stage = "page layout";
      await budget.reserve(OPERATION_OVERHEAD_BYTES * (16 + sheet.pageSetup.breaksBefore.length));
      applyPageLayout(ws, sheet.pageSetup);
    }

    stage = "finishing";
    if (options.activate !== false) ws.activate();
    await budget.flush();
  } catch (error) {
    const syncsSoFar = 1 + budget.syncs;
    const removed = await removeSheet(context, name);
    if (options.passThrough?.(error) === true) throw error;
    const where = failedLocation(error) ?? stage;
    const why = error instanceof Error ? error.message : String(error);
    throw new RenderSheetError(
      `Could not create the sheet "${name}": ${where} failed (${why}). ${removed.ok ? "The partial sheet was removed; no other sheet was changed." : `The partial sheet could not be removed (${removed.message}); delete "${name}" by hand. No other sheet was changed.`}`,
      { sheetName: name, stage: where, syncs: syncsSoFar + removed.syncs, cause: error },
    );
  }
  const result: RenderResult = { name, syncs: 1 + budget.syncs };
  if (wantsTables) result.tables = tableNames;
  return result;
}

/** The request budget with a check before each sync (cancellation). */
class CheckedBudget extends RequestBudget {
  constructor(
    context: Excel.RequestContext,
    budget: number,
    private readonly check?: () => void,
  ) {
    super(context, budget);
  }
  override async flush(): Promise<void> {
    this.check?.();
    await super.flush();
  }
}

const ALERT_STYLES: Record<NonNullable<SheetValidation["alert"]>, "Stop" | "Warning" | "Information"> = { stop: "Stop", warning: "Warning", information: "Information" };

/** A drop-down list (ExcelApi 1.8 data validation). */
function applyValidation(range: Excel.Range, v: SheetValidation): void {
  range.dataValidation.rule = { list: { inCellDropDown: true, source: validationSource(v.list) } };
  range.dataValidation.ignoreBlanks = v.allowBlank;
  if (v.alert !== undefined || v.message !== undefined) {
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: ALERT_STYLES[v.alert ?? "stop"],
      title: "Practice Ledger",
      message: v.message ?? "Choose a value from the list.",
    };
  }
}

/** A failed render: the message names the sheet and what failed; `syncs` counts every sync made. */
export class RenderSheetError extends Error {
  readonly sheetName: string;
  readonly stage: string;
  readonly syncs: number;
  constructor(message: string, details: { sheetName: string; stage: string; syncs: number; cause: unknown }) {
    super(message);
    this.name = "RenderSheetError";
    this.sheetName = details.sheetName;
    this.stage = details.stage;
    this.syncs = details.syncs;
    (this as { cause?: unknown }).cause = details.cause;
  }
}

/** Office.js errors say where they happened (debugInfo.errorLocation, e.g. "ChartCollection.add"). */
function failedLocation(error: unknown): string | null {
  if (error === null || typeof error !== "object") return null;
  const info = (error as { debugInfo?: { errorLocation?: unknown } }).debugInfo;
  return info !== undefined && typeof info.errorLocation === "string" && info.errorLocation !== "" ? info.errorLocation : null;
}

/** Deletes the sheet this render added; a second try if the first sync still carried failed operations. */
async function removeSheet(context: Excel.RequestContext, name: string): Promise<{ ok: boolean; syncs: number; message: string }> {
  const first = await deleteSheet(context, name);
  if (first === null) return { ok: true, syncs: 1, message: "" };
  const second = await deleteSheet(context, name);
  return second === null ? { ok: true, syncs: 2, message: "" } : { ok: false, syncs: 2, message: second };
}

/** One delete and one sync: null when the sheet is gone (or never was), else the error's message. */
async function deleteSheet(context: Excel.RequestContext, name: string): Promise<string | null> {
  try {
    context.workbook.worksheets.getItem(name).delete();
    await context.sync();
    return null;
  } catch (e) {
    // The sheet was never created: nothing to remove.
    if ((e as { code?: unknown }).code === "ItemNotFound") return null;
    return e instanceof Error ? e.message : String(e);
  }
}

/** Values and number formats over blocks of whole rows, each block within the byte budget. */
async function writeValues(ws: Excel.Worksheet, sheet: SheetDescription, budget: RequestBudget): Promise<void> {
  if (sheet.cells.length === 0) return;
  let maxRow = 0;
  let maxCol = 0;
  for (const c of sheet.cells) {
    if (c.row > maxRow) maxRow = c.row;
    if (c.col > maxCol) maxCol = c.col;
  }
  const byRow = new Map<number, SheetDescription["cells"]>();
  for (const c of sheet.cells) {
    const list = byRow.get(c.row);
    if (list === undefined) byRow.set(c.row, [c]);
    else list.push(c);
  }
  const blockLimit = Math.max(1024, budget.budget - 4 * OPERATION_OVERHEAD_BYTES);
  let values: (string | number | boolean | null)[][] = [];
  let formats: (string | null)[][] = [];
  // Formula cells of the block: column → formula per row of the block (written as column runs).
  let formulas = new Map<number, (string | null)[]>();
  let anyFormat = false;
  let blockBytes = 0;
  let firstRow = 1;

  const emit = async (): Promise<void> => {
    if (values.length === 0) return;
    await budget.reserve(blockBytes);
    const range = ws.getRangeByIndexes(firstRow - 1, 0, values.length, maxCol);
    range.values = values;
    if (anyFormat) range.numberFormat = formats;
    for (const [col, list] of formulas) writeFormulaRuns(ws, firstRow, col, list);
    firstRow += values.length;
    values = [];
    formats = [];
    formulas = new Map();
    anyFormat = false;
    blockBytes = 0;
  };

  for (let r = 1; r <= maxRow; r++) {
    const rowValues: (string | number | boolean | null)[] = new Array(maxCol).fill(null);
    const rowFormats: (string | null)[] = new Array(maxCol).fill(null);
    let rowHasFormat = false;
    let rowFormulaBytes = 0;
    for (const c of byRow.get(r) ?? []) {
      if (c.formula !== undefined) {
        // Written through Range.formulas after the block's values; the value stays null here.
        let list = formulas.get(c.col);
        if (list === undefined) formulas.set(c.col, (list = []));
        list[values.length] = c.formula;
        rowValues[c.col - 1] = null;
        rowFormulaBytes += jsonBytes(c.formula) + 8;
      } else rowValues[c.col - 1] = cellInput(c.value);
      if (c.format !== undefined) {
        rowFormats[c.col - 1] = NUMBER_FORMATS[c.format];
        rowHasFormat = true;
      }
    }
    const rowBytes = jsonBytes(rowValues) + (rowHasFormat ? jsonBytes(rowFormats) : 5 * maxCol) + 2 + rowFormulaBytes;
    // Fill what is left of the current request; when little is left, a full block for the next one.
    const limit = budget.remaining >= blockLimit / 4 ? budget.remaining - 2 * OPERATION_OVERHEAD_BYTES : blockLimit;
    if (values.length > 0 && blockBytes + rowBytes > limit) await emit();
    values.push(rowValues);
    formats.push(rowFormats);
    anyFormat ||= rowHasFormat;
    blockBytes += rowBytes;
  }
  await emit();
}

/**
 * The formulas of one column of a block, as runs of consecutive rows: one Range.formulas write
 * per run (a calculated column is one run), so the operations do not grow with the rows.
 */
function writeFormulaRuns(ws: Excel.Worksheet, firstRow: number, col: number, list: (string | null)[]): void {
  let i = 0;
  while (i < list.length) {
    if (list[i] === undefined || list[i] === null) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < list.length && list[j + 1] !== undefined && list[j + 1] !== null) j++;
    const run: string[][] = [];
    for (let k = i; k <= j; k++) run.push([list[k] as string]);
    ws.getRangeByIndexes(firstRow - 1 + i, col - 1, run.length, 1).formulas = run;
    i = j + 1;
  }
}

function applyStyle(range: Excel.Range, style: CellStyle, severalRows: boolean): void {
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.italic !== undefined) range.format.font.italic = style.italic;
  if (style.size !== undefined) range.format.font.size = style.size;
  if (style.color !== undefined) range.format.font.color = hex(style.color);
  if (style.fill !== undefined) range.format.fill.color = hex(style.fill);
  const thin = (edge: "EdgeTop" | "EdgeBottom" | "InsideHorizontal"): void => {
    const border = range.format.borders.getItem(edge);
    border.style = "Continuous";
    border.weight = "Thin";
  };
  if (style.borderTop === true) thin("EdgeTop");
  if (style.borderBottom === true) thin("EdgeBottom");
  if ((style.borderTop === true || style.borderBottom === true) && severalRows) thin("InsideHorizontal");
  if (style.align !== undefined) range.format.horizontalAlignment = ALIGN[style.align];
  if (style.align !== undefined || style.wrap === true) range.format.verticalAlignment = "Center";
  if (style.wrap === true) range.format.wrapText = true;
}

function addChart(ws: Excel.Worksheet, chart: SheetChart): void {
  const first = chart.series[0];
  if (first === undefined) return;
  const seriesBy = (r: CellRange): "Columns" | "Rows" => (r.toRow - r.fromRow >= r.toCol - r.fromCol ? "Columns" : "Rows");
  const categories = ws.getRange(rangeAddress(chart.categories));
  const added = ws.charts.add(CHART_TYPES[chart.kind], ws.getRange(rangeAddress(first.values)), seriesBy(first.values));
  added.title.text = chart.title;
  const s0 = added.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  for (const s of chart.series.slice(1)) {
    const series = added.series.add(s.name);
    series.setValues(ws.getRange(rangeAddress(s.values)));
    series.setXAxisValues(categories);
  }
  const { row, col, rows, cols } = chart.anchor;
  added.setPosition(`${columnLetter(col)}${row}`, `${columnLetter(col + cols - 1)}${row + rows - 1}`);
}
