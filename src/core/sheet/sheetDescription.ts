/**
 * A sheet as data: what a report or a template sheet holds (values, number formats, styles, column
 * widths, merged cells, charts, conditional emphasis), built by the core and rendered by a host:
 * into an .xlsx file through ExcelJS (src/files) or into the open workbook through Office.js
 * (src/office). Rows and columns are 1-based, as in Excel.
 */
import { columnLetter } from "../cells/issue";

/** Number formats by meaning; each host maps them to the Excel format codes in NUMBER_FORMATS. */
export type NumberFormatName = "money" | "moneyWhole" | "percent1" | "percent2" | "days1" | "integer" | "date" | "ratio2" | "number2";

export const NUMBER_FORMATS: Record<NumberFormatName, string> = {
  money: '"$"#,##0.00;[Red]-"$"#,##0.00',
  moneyWhole: '"$"#,##0;[Red]-"$"#,##0',
  percent1: "0.0%",
  percent2: "0.00%",
  days1: "0.0",
  integer: "#,##0",
  date: "yyyy-mm-dd",
  ratio2: "0.00",
  /** Counts with two decimals and thousands (work RVUs: 13,703.01). */
  number2: "#,##0.00",
};

/** Cell styles by role; hosts map them to fonts, fills and borders (CELL_STYLES). */
export type CellStyleName =
  | "title" | "subtitle" | "section" | "tableHeader" | "label" | "total" | "note"
  | "kpiLabel" | "kpiValue" | "good" | "watch" | "bad" | "tileLabel" | "tileValue" | "tileNote";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** Font colour, "RRGGBB". */
  color?: string;
  /** Fill colour, "RRGGBB". */
  fill?: string;
  borderTop?: boolean;
  borderBottom?: boolean;
  align?: "left" | "center" | "right";
  wrap?: boolean;
}

export const CELL_STYLES: Record<CellStyleName, CellStyle> = {
  title: { bold: true, size: 18, color: "1F3864" },
  subtitle: { italic: true, size: 10, color: "595959" },
  section: { bold: true, size: 13, color: "1F3864", borderBottom: true },
  tableHeader: { bold: true, color: "FFFFFF", fill: "2F5597", align: "center", wrap: true },
  label: {},
  total: { bold: true, borderTop: true },
  note: { italic: true, size: 9, color: "595959" },
  kpiLabel: { bold: true, size: 10, color: "404040", fill: "F2F2F2", wrap: true },
  kpiValue: { bold: true, size: 12, fill: "F2F2F2", align: "right" },
  good: { bold: true, color: "006100", fill: "C6EFCE" },
  watch: { bold: true, color: "9C5700", fill: "FFEB9C" },
  bad: { bold: true, color: "9C0006", fill: "FFC7CE" },
  tileLabel: { bold: true, size: 10, color: "FFFFFF", fill: "1F3864", align: "center" },
  tileValue: { bold: true, size: 18, color: "1F3864", fill: "F2F2F2", align: "center" },
  tileNote: { italic: true, size: 9, color: "404040", fill: "F2F2F2", align: "center" },
};

export type CellContent = string | number | boolean | null;

export interface SheetCell {
  row: number;
  col: number;
  value: CellContent;
  format?: NumberFormatName;
  /** Applied in order; later styles override earlier ones. */
  styles?: CellStyleName[];
  /**
   * An A1-style formula with its leading "=" ("=D2-E2-F2-G2-H2"), written as a formula by both
   * hosts. Plain A1 references, not structured ones ("[@Charge]"): Office.js (Range.formulas) and
   * ExcelJS both write them as they are, and a table extends them row by row. `value` is then the
   * cached result the .xlsx renderer stores with it (none when null); Excel computes its own.
   */
  formula?: string;
}

export interface CellRange {
  fromRow: number;
  fromCol: number;
  toRow: number;
  toCol: number;
}

export interface SheetChart {
  kind: "column" | "stackedColumn" | "bar" | "pie" | "line";
  title: string;
  /** Category labels (one column or row). */
  categories: CellRange;
  series: { name: string; values: CellRange }[];
  /** Where the chart sits: top-left cell and size in cells. */
  anchor: { row: number; col: number; rows: number; cols: number };
}

/** Emphasis that follows the values: a data bar, or a style when a cell passes a threshold. */
export type ConditionalRule =
  | { kind: "dataBar"; range: CellRange; color: string }
  | { kind: "threshold"; range: CellRange; operator: "greaterThan" | "lessThan"; value: number; style: CellStyleName };

/**
 * An Excel table (ListObject) over a range whose first row holds the headers. Table names are
 * unique in a workbook: a host makes the name unique ("ClaimsRegister2").
 */
export interface SheetTable {
  name: string;
  range: CellRange;
  /** Built-in table style, e.g. "TableStyleMedium2" (the hosts' default). */
  style?: string;
  showTotals?: boolean;
}

/** A drop-down list on a range (data validation). */
export interface SheetValidation {
  range: CellRange;
  /** The choices, in order (each without a comma). */
  list: string[];
  allowBlank: boolean;
  /**
   * What Excel does with a value not in the list: "stop" refuses it (default); "warning" asks;
   * "information" accepts it after a note (for cells that may hold several codes, e.g. "25 59").
   */
  alert?: "stop" | "warning" | "information";
  /** The alert's text. */
  message?: string;
}

export interface SheetDescription {
  /** The name wanted; a host makes it unique in the workbook ("Physician Report 2026-10 (2)"). */
  name: string;
  tabColor?: string;
  /** Width of columns A, B, … in Excel character units. */
  columnWidths: number[];
  cells: SheetCell[];
  merges: CellRange[];
  charts: SheetChart[];
  conditional: ConditionalRule[];
  freezeRows?: number;
  showGridLines: boolean;
  /** Excel tables on the sheet. */
  tables?: SheetTable[];
  /** Drop-down lists (data validation). */
  validations?: SheetValidation[];
  /** Row heights in points, by 1-based row (absent rows: the host's default height). */
  rowHeights?: Record<number, number>;
  /** How the sheet prints (absent: the host's defaults). */
  pageSetup?: PageSetup;
}

/**
 * How a sheet prints: orientation, scaling, print area, title rows repeated on every page, header
 * and footer, and manual page breaks. Header and footer texts use Excel's codes ("&P" page, "&N"
 * pages, "&L"/"&C"/"&R" sections), which both Excel and LibreOffice read from an .xlsx.
 */
export interface PageSetup {
  orientation: "landscape" | "portrait";
  /** Fit to this many pages wide (and tall; 0 = as many as needed). */
  fitToWidth: number;
  fitToHeight: number;
  /** The print area (absent: the used range). */
  printArea?: CellRange;
  /** Rows repeated at the top of every printed page (first and last, 1-based). */
  titleRows?: { from: number; to: number };
  /** Header and footer, three parts each (left, center, right), plain text plus the codes above. */
  header?: { left?: string; center?: string; right?: string };
  footer?: { left?: string; center?: string; right?: string };
  /** A page break is placed ABOVE each of these rows (1-based): a new page starts with the row. */
  breaksBefore: number[];
  /** Margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** Excel's header/footer string for three parts: "&Lleft&Ccenter&Rright" ("&" in text doubled). */
export function headerFooterText(parts: { left?: string; center?: string; right?: string } | undefined): string {
  if (parts === undefined) return "";
  const esc = (t: string | undefined): string => (t === undefined ? "" : t);
  return [parts.left !== undefined ? `&L${esc(parts.left)}` : "", parts.center !== undefined ? `&C${esc(parts.center)}` : "", parts.right !== undefined ? `&R${esc(parts.right)}` : ""].join("");
}

/** Cells a chart covers (its anchor as a range). */
export function chartCells(chart: SheetChart): CellRange {
  const { row, col, rows, cols } = chart.anchor;
  return { fromRow: row, fromCol: col, toRow: row + rows - 1, toCol: col + cols - 1 };
}

/** True when two ranges share a cell. */
export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.fromRow <= b.toRow && b.fromRow <= a.toRow && a.fromCol <= b.toCol && b.fromCol <= a.toCol;
}

/** One column's cells from `fromRow` to `toRow` (a chart's categories or series, a data bar). */
export function columnRange(col: number, fromRow: number, toRow: number): CellRange {
  return { fromRow, fromCol: col, toRow, toCol: col };
}

/** A1-style reference of a range on the sheet: "B4:C9". */
export function rangeAddress(range: CellRange): string {
  const a = `${columnLetter(range.fromCol)}${range.fromRow}`;
  const b = `${columnLetter(range.toCol)}${range.toRow}`;
  return a === b ? a : `${a}:${b}`;
}

/** A name not yet in `taken` (Excel compares sheet names case-insensitively; 31 characters at most). */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const clean = wanted.replace(/[\\/?*[\]:]/g, "-").slice(0, 31);
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = clean.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * A table name not yet in `taken` (compared case-insensitively, as Excel does): letters, digits,
 * "_" and "." only, starting with a letter or "_", not readable as a cell reference ("AB12",
 * "R1C1"), 255 characters at most; "ClaimsRegister", then "ClaimsRegister2", "ClaimsRegister3"…
 */
export function uniqueTableName(wanted: string, taken: readonly string[]): string {
  let clean = wanted.replace(/[^A-Za-z0-9_.]/g, "").slice(0, 250);
  if (!/^[A-Za-z_]/.test(clean)) clean = `T_${clean}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(clean) || /^[RrCc]\d*([Cc]\d*)?$/.test(clean)) clean = `${clean}_`;
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const candidate = `${clean}${i}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** The list of a validation as Excel's source text ("Draft,Submitted,Paid"). */
export function validationSource(list: readonly string[]): string {
  return list.map((v) => v.replace(/,/g, " ")).join(",");
}
