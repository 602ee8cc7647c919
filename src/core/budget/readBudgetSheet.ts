import { cellErrorText, isBlankCell, showCell, type CellValue } from "../cells/cellValue";
import { columnLetter, type InputIssue } from "../cells/issue";
import { parseMoney } from "../cells/parseMoney";
import type { Cents } from "../money/cents";
import { MONTH_NAMES, type BudgetLine, type BudgetLineType } from "./budgetLine";
import { categoryKey, isTotalLabel, lineTypeFromCategory, sectionLineType } from "./lineType";
import { kindFromText, parseMonthHeader, type BudgetValueKind, type MonthHeader } from "./monthHeader";

export interface ReadBudgetSheetOptions {
  /** Sheet name, for messages. */
  sheet?: string;
  /** The budget year; month headings of another year are left out. Default: the year the headings or title give. */
  year?: number;
  /**
   * What a sheet without any "Budget"/"Actual" marking holds. Default: "actual" when the sheet
   * name or title says actual (and not budget or plan), else "budget".
   */
  values?: BudgetValueKind;
  /** Sheet row of grid[0] (default 1), when the grid does not start at A1. */
  firstRow?: number;
  /** Sheet column number of grid[r][0] (default 1 = A). */
  firstColumn?: number;
}

/** A row or column recognised and left out of the lines: a subtotal, a total, a heading without amounts. */
export interface BudgetLeftOut {
  row?: number;
  column?: string;
  label: string;
  reason: string;
}

export interface BudgetSheetLayout {
  /** The sheet name given in the options, else null. */
  sheet: string | null;
  /** monthsAsColumns: Jan..Dec across, categories down; monthsAsRows: months down, categories across. */
  orientation: "monthsAsColumns" | "monthsAsRows" | null;
  /** Rows holding month headings (several when the sheet has a Budget block and an Actual block). */
  headerRows: number[];
  /** Column of the category names (monthsAsColumns). */
  categoryColumn: string | null;
  /** Column of the months (monthsAsRows). */
  monthColumn: string | null;
  /** Column saying "Budget" or "Actual" for each row, when there is one. */
  typeColumn: string | null;
  /** What the sheet holds. */
  values: "budget" | "actual" | "budget and actual";
  year: number | null;
  /** Text of the first row above the headings, when there is one. */
  title: string | null;
  leftOut: BudgetLeftOut[];
}

export interface BudgetSheetRead {
  lines: BudgetLine[];
  issues: InputIssue[];
  layout: BudgetSheetLayout;
}

type Grid = readonly (readonly CellValue[] | undefined)[];

interface MonthColumn {
  index: number;
  month: number;
  kind: BudgetValueKind | null;
}

const TYPE_HEADER = /^(type|kind|budget ?(\/|or|vs\.?) ?actual|scenario|version|basis|amount type)$/;
const LINE_TYPE_HEADER = /^(line type|section|group|class|category type)$/;

/**
 * Reads a budget sheet (definitions.md, "Budget") from a grid of cell values, whatever its layout:
 * - months as columns (headings "Jan".."Dec", "January", "Jan-26", "Jan 2026", "1/2026", dates as
 *   Excel serials or Date objects) with categories down the first text column; or months as rows
 *   (a month column) with categories across the heading row;
 * - budget and actual told apart by paired headings ("Jan Budget" / "Jan Actual", or a month
 *   heading over a "Budget | Actual" row), a "Type" column, "Budget" / "Actual" blocks each with
 *   its own heading row, or else the whole sheet is one kind (see options.values; then read the
 *   other sheet too and join them with mergeBudgetAndActual);
 * - line type from section headings ("Revenue", "Expenses", "Capital"), a "Line type" column, or
 *   the category name (read as expense, with a warning, when nothing tells);
 * - subtotal and total rows and columns ("Total expenses", "Subtotal", "Net income") are left out
 *   and listed in layout.leftOut.
 * A blank budget month is 0; a blank actual month is not yet booked (null). Every unusable cell is
 * an InputIssue naming sheet, row and column letter; the rest is still read. Never throws.
 */
export function readBudgetSheet(grid: readonly (readonly CellValue[])[], options: ReadBudgetSheetOptions = {}): BudgetSheetRead {
  const reader = new SheetReader(grid, options);
  try {
    reader.read();
  } catch (e) {
    // Belt and braces: no grid may make the reader throw.
    reader.issue({ row: reader.rowNo(0), severity: "error", message: `the sheet could not be read: ${e instanceof Error ? e.message : String(e)}` });
  }
  return reader.result();
}

interface LineEntry {
  line: BudgetLine;
  kinds: Set<BudgetValueKind>;
}

class SheetReader {
  readonly issues: InputIssue[] = [];
  readonly leftOut: BudgetLeftOut[] = [];
  private readonly entries: LineEntry[] = [];
  private readonly kindsSeen = new Set<BudgetValueKind>();
  private readonly yearsSeen = new Set<number>();
  private readonly layout: BudgetSheetLayout = {
    sheet: null, orientation: null, headerRows: [], categoryColumn: null, monthColumn: null, typeColumn: null,
    values: "budget", year: null, title: null, leftOut: this.leftOut,
  };
  private readonly firstRow: number;
  private readonly firstColumn: number;
  private readonly width: number;
  private defaultKind: BudgetValueKind = "budget";

  constructor(private readonly grid: Grid, private readonly options: ReadBudgetSheetOptions) {
    this.firstRow = options.firstRow ?? 1;
    this.firstColumn = options.firstColumn ?? 1;
    this.layout.sheet = options.sheet ?? null;
    let width = 0;
    for (const row of grid) if (Array.isArray(row) && row.length > width) width = row.length;
    this.width = width;
  }

  rowNo(r: number): number {
    return this.firstRow + r;
  }

  private letter(c: number): string {
    return columnLetter(this.firstColumn + c);
  }

  private cell(r: number, c: number): CellValue {
    const row = this.grid[r];
    return Array.isArray(row) ? row[c] : undefined;
  }

  private text(r: number, c: number): string | null {
    const v = this.cell(r, c);
    if (isBlankCell(v) || cellErrorText(v) !== null) return null;
    if (typeof v === "string") return v.trim().replace(/\s+/g, " ");
    return null;
  }

  private rowBlank(r: number): boolean {
    for (let c = 0; c < this.width; c++) if (!isBlankCell(this.cell(r, c))) return false;
    return true;
  }

  issue(issue: Omit<InputIssue, "sheet">): void {
    this.issues.push(this.options.sheet !== undefined ? { sheet: this.options.sheet, ...issue } : { ...issue });
  }

  result(): BudgetSheetRead {
    const kinds = this.kindsSeen;
    this.layout.values = kinds.has("budget") && kinds.has("actual") ? "budget and actual" : kinds.has("actual") ? "actual" : "budget";
    return { lines: this.entries.map((e) => e.line), issues: this.issues, layout: this.layout };
  }

  /** Month headings of one row (or column) that make it a heading line, or null. */
  private monthRun(cells: { index: number; value: CellValue }[], allowSerial: boolean): { index: number; header: MonthHeader }[] | null {
    const named: { index: number; header: MonthHeader }[] = [];
    const serial: { index: number; header: MonthHeader }[] = [];
    for (const { index, value } of cells) {
      const h = parseMonthHeader(value);
      if (h === null) continue;
      (h.source === "serial" ? serial : named).push({ index, header: h });
    }
    if (new Set(named.map((n) => n.header.month)).size >= 3) return named;
    if (!allowSerial || serial.length < 3) return null;
    // A row of amounts can look like serials; real date headings rise month by month, at most a
    // year apart, on one day of the month (or all on month ends).
    const ordinal = serial.map((s) => (s.header.year as number) * 12 + s.header.month);
    for (let i = 1; i < ordinal.length; i++) if (ordinal[i] <= ordinal[i - 1]) return null;
    if (ordinal[ordinal.length - 1] - ordinal[0] > 11) return null;
    const sameDay = serial.every((s) => s.header.dayOfMonth === serial[0].header.dayOfMonth);
    const monthEnds = serial.every((s) => s.header.monthEnd);
    return sameDay || monthEnds ? serial : null;
  }

  private rowCells(r: number, from = 0): { index: number; value: CellValue }[] {
    const cells: { index: number; value: CellValue }[] = [];
    for (let c = from; c < this.width; c++) cells.push({ index: c, value: this.cell(r, c) });
    return cells;
  }

  private columnCells(c: number): { index: number; value: CellValue }[] {
    const cells: { index: number; value: CellValue }[] = [];
    for (let r = 0; r < this.grid.length; r++) cells.push({ index: r, value: this.cell(r, c) });
    return cells;
  }

  read(): void {
    if (this.grid.length === 0 || this.width === 0) {
      this.issue({ row: this.rowNo(0), severity: "error", message: "the sheet is empty" });
      return;
    }
    // Find the month headings: text and dates first, serial numbers only when nothing else is found.
    for (const allowSerial of [false, true]) {
      for (let r = 0; r < this.grid.length; r++) {
        const run = this.monthRun(this.rowCells(r), allowSerial);
        if (run !== null) return this.readMonthsAsColumns(r, allowSerial);
      }
      for (let c = 0; c < this.width; c++) {
        const run = this.monthRun(this.columnCells(c), allowSerial);
        if (run !== null) return this.readMonthsAsRows(c, run[0].index, allowSerial);
      }
    }
    this.issue({
      row: this.rowNo(0),
      severity: "error",
      message: 'no month headings found; label the months "Jan".."Dec", "Jan-26", "1/2026" or with dates, across one row or down one column',
    });
  }

  /** Title rows above the headings: the title text, a year and a Budget/Actual hint. */
  private readTitle(aboveRow: number): void {
    const texts: string[] = [];
    for (let r = 0; r < aboveRow; r++) for (let c = 0; c < this.width; c++) {
      const t = this.text(r, c);
      if (t !== null) texts.push(t);
    }
    this.layout.title = texts[0] ?? null;
    const hint = `${this.options.sheet ?? ""} ${texts.join(" ")}`.toLowerCase();
    if (this.options.values !== undefined) this.defaultKind = this.options.values;
    else this.defaultKind = /\bactuals?\b/.test(hint) && !/\b(budget|plan)\b/.test(hint) ? "actual" : "budget";
    const year = /\b(?:fy\s?)?((?:19|20)\d{2})\b/.exec(texts.join(" "));
    if (year) this.titleYear = +year[1];
  }

  private titleYear: number | null = null;

  private settleYear(headerRow: number): void {
    if (this.options.year !== undefined) this.layout.year = this.options.year;
    else if (this.yearsSeen.size === 1) this.layout.year = [...this.yearsSeen][0];
    else if (this.yearsSeen.size === 0) this.layout.year = this.titleYear;
    else {
      const years = [...this.yearsSeen].sort();
      this.layout.year = years[0];
      this.issue({
        row: this.rowNo(headerRow),
        severity: "warning",
        message: `the month headings span ${years.join(" and ")}; each month is placed by its calendar month (pass the year to keep one year only)`,
      });
    }
  }

  /** Whether a heading's year is the one asked for; a heading of another year is left out. */
  private yearAccepted(header: MonthHeader, place: { row?: number; column?: string }, label: string): boolean {
    if (header.year === null) return true;
    if (this.options.year !== undefined && header.year !== this.options.year) {
      this.leftOut.push({ ...place, label, reason: `month of ${header.year}, not ${this.options.year}` });
      return false;
    }
    this.yearsSeen.add(header.year);
    return true;
  }

  // ---------------------------------------------------------------- months as columns

  private monthColumns: MonthColumn[] = [];
  private firstMonthColumn = 0;
  private categoryColumn = -1;
  private typeColumn = -1;
  private lineTypeColumn = -1;

  /** Reads heading row r: its month columns, a two-row Budget|Actual heading, and the columns left of the months. Returns the first data row. */
  private readColumnHeadings(r: number, allowSerial: boolean): number {
    this.layout.headerRows.push(this.rowNo(r));
    const run = this.monthRun(this.rowCells(r), allowSerial) ?? [];
    const columns: MonthColumn[] = [];
    const months = new Map<number, MonthHeader>();
    for (const { index, header } of run) {
      if (!this.yearAccepted(header, { column: this.letter(index) }, showCell(this.cell(r, index)))) continue;
      months.set(index, header);
    }
    let dataRow = r + 1;
    // A month heading over a "Budget | Actual" row (merged month cells): fill each month rightward.
    const below = this.rowCells(r + 1).filter((x) => kindFromText(x.value) !== null);
    const firstMonth = run.length > 0 ? run[0].index : 0;
    if (below.length >= 2 && below.every((x) => x.index >= firstMonth) && ![...months.values()].some((h) => h.kind !== null)) {
      let current: MonthHeader | null = null;
      const kindAt = new Map(below.map((x) => [x.index, kindFromText(x.value) as BudgetValueKind]));
      for (let c = firstMonth; c < this.width; c++) {
        const h = months.get(c);
        if (h !== undefined) current = h;
        else if (!isBlankCell(this.cell(r, c))) current = null; // a "Total" heading ends the month
        const kind = kindAt.get(c);
        if (current !== null && kind !== undefined) columns.push({ index: c, month: current.month, kind });
      }
      dataRow = r + 2;
    } else {
      for (const [index, h] of months) columns.push({ index, month: h.month, kind: h.kind });
    }
    // One column per month and kind: a second one is left out.
    const seen = new Set<string>();
    this.monthColumns = [];
    for (const col of columns) {
      const key = `${col.month}|${col.kind ?? ""}`;
      if (seen.has(key)) {
        this.issue({ row: this.rowNo(r), column: this.letter(col.index), severity: "warning", message: `a second ${MONTH_NAMES[col.month - 1]} column; left out` });
        continue;
      }
      seen.add(key);
      this.monthColumns.push(col);
    }
    this.firstMonthColumn = this.monthColumns.length > 0 ? Math.min(...this.monthColumns.map((m) => m.index)) : firstMonth;
    const monthIndexes = new Set(this.monthColumns.map((m) => m.index));
    // Total and other non-month columns right of the months.
    for (let c = this.firstMonthColumn; c < this.width; c++) {
      if (monthIndexes.has(c)) continue;
      const t = this.text(r, c);
      if (t !== null && kindFromText(t) === null && parseMonthHeader(t) === null) {
        this.leftOut.push({ column: this.letter(c), label: t, reason: isTotalLabel(t) ? "total column" : "not a month column" });
      }
    }
    this.findLabelColumns(r, dataRow, allowSerial);
    return dataRow;
  }

  /** The columns left of the months: category (first text column), Type (Budget/Actual), line type. */
  private findLabelColumns(headerRow: number, dataRow: number, allowSerial: boolean): void {
    this.typeColumn = -1;
    this.lineTypeColumn = -1;
    this.categoryColumn = -1;
    const end = this.nextHeadingRow(dataRow, allowSerial);
    let fallback = false;
    for (let c = 0; c < this.firstMonthColumn; c++) {
      const head = categoryKey(this.text(headerRow, c) ?? "");
      let kinds = 0;
      let sections = 0;
      let other = 0;
      let named = 0; // category-like text on rows with amounts
      for (let r = dataRow; r < end; r++) {
        const t = this.text(r, c);
        if (t === null || /^[\d.,\s$()-]+$/.test(t)) continue;
        // A Type or line-type column has its words on the rows with amounts, not on heading rows.
        const hasAmounts = this.monthColumns.some((m) => !isBlankCell(this.cell(r, m.index)));
        if (hasAmounts && kindFromText(t) !== null) kinds++;
        else if (hasAmounts && sectionLineType(t) !== null) sections++;
        else {
          other++;
          if (hasAmounts) named++;
        }
      }
      if (this.typeColumn < 0 && (TYPE_HEADER.test(head) || (kinds >= 2 && other === 0 && sections === 0))) this.typeColumn = c;
      else if (this.lineTypeColumn < 0 && (LINE_TYPE_HEADER.test(head) || (sections >= 2 && other === 0 && kinds === 0))) this.lineTypeColumn = c;
      else if (named > 0 && (this.categoryColumn < 0 || fallback)) {
        this.categoryColumn = c;
        fallback = false;
      } else if (this.categoryColumn < 0 && other + sections > 0) {
        // Text only on heading rows so far: the category column unless a later column names the lines.
        this.categoryColumn = c;
        fallback = true;
      }
    }
    this.layout.typeColumn = this.typeColumn >= 0 ? this.letter(this.typeColumn) : this.layout.typeColumn;
    if (this.categoryColumn >= 0 && this.layout.categoryColumn === null) this.layout.categoryColumn = this.letter(this.categoryColumn);
  }

  /** The next row (at or after r) that is a new month heading row, or the end of the grid. */
  private nextHeadingRow(r: number, allowSerial: boolean): number {
    for (let i = r; i < this.grid.length; i++) {
      if (this.monthRun(this.rowCells(i), allowSerial) !== null) return i;
    }
    return this.grid.length;
  }

  private readMonthsAsColumns(headerRow: number, allowSerial: boolean): void {
    this.layout.orientation = "monthsAsColumns";
    this.readTitle(headerRow);
    let blockKind: BudgetValueKind | null = this.blockKindOfHeading(headerRow);
    let r = this.readColumnHeadings(headerRow, allowSerial);
    let section: BudgetLineType | null = null;
    let pendingKind: BudgetValueKind | null = null;

    for (; r < this.grid.length; r++) {
      if (this.rowBlank(r)) continue;
      if (this.monthRun(this.rowCells(r), allowSerial) !== null) {
        // A new block with its own heading row ("Actual" block under the "Budget" block).
        blockKind = this.blockKindOfHeading(r) ?? pendingKind ?? blockKind;
        pendingKind = null;
        section = null;
        r = this.readColumnHeadings(r, allowSerial) - 1;
        continue;
      }
      const label = this.rowLabel(r);
      const hasAmounts = this.monthColumns.some((m) => !isBlankCell(this.cell(r, m.index)));
      const row = this.rowNo(r);
      const categoryLetter = this.letter(this.categoryColumn >= 0 ? this.categoryColumn : 0);
      if (label === null) {
        if (hasAmounts) this.issue({ row, column: categoryLetter, severity: "error", message: "amounts without a category name; row left out" });
        continue;
      }
      if (isTotalLabel(label)) {
        this.leftOut.push({ row, label, reason: "subtotal or total row" });
        continue;
      }
      if (!hasAmounts) {
        const s = sectionLineType(label);
        const k = blockKindFromLabel(label);
        if (s !== null) section = s;
        else if (k !== null) {
          blockKind = k;
          pendingKind = k;
          section = null;
        } else this.leftOut.push({ row, label, reason: "no amounts in any month (a heading or an empty line)" });
        continue;
      }

      // Budget or actual: the Type column, else the block, else the sheet.
      let rowKind: BudgetValueKind = blockKind ?? this.defaultKind;
      if (this.typeColumn >= 0) {
        const typeCell = this.cell(r, this.typeColumn);
        const k = kindFromText(typeCell);
        if (k !== null) rowKind = k;
        else if (!isBlankCell(typeCell) || this.monthColumns.some((m) => m.kind === null)) {
          this.issue({
            row, column: this.letter(this.typeColumn), severity: "error", field: "type",
            ...(isBlankCell(typeCell) ? {} : { found: showCell(typeCell) }),
            message: 'type must be "Budget" or "Actual"; row left out',
          });
          continue;
        }
      }

      const lineType = this.lineTypeOf(r, label, section, categoryLetter);
      const values = new Map<BudgetValueKind, (Cents | null)[]>();
      for (const m of this.monthColumns) {
        const kind = m.kind ?? rowKind;
        let months = values.get(kind);
        if (months === undefined) {
          months = new Array<Cents | null>(12).fill(null);
          values.set(kind, months);
        }
        months[m.month - 1] = this.amount(r, m.index, m.month, kind);
      }
      this.addLine(row, undefined, label, lineType, values);
    }
    this.settleYear(headerRow);
  }

  /** "Actual 2026" or "Budget" written on a heading row itself (left of the months), or every month heading of one kind. */
  private blockKindOfHeading(r: number): BudgetValueKind | null {
    const run = this.monthRun(this.rowCells(r), true) ?? [];
    const first = run.length > 0 ? run[0].index : this.width;
    for (let c = 0; c < first; c++) {
      const t = this.text(r, c);
      if (t !== null) {
        const k = blockKindFromLabel(t);
        if (k !== null) return k;
      }
    }
    return null;
  }

  /** The category name of row r: the first text cell left of the months (not the Type or line type column). */
  private rowLabel(r: number): string | null {
    const order: number[] = [];
    if (this.categoryColumn >= 0) order.push(this.categoryColumn);
    for (let c = 0; c < this.firstMonthColumn; c++) if (c !== this.categoryColumn) order.push(c);
    for (const c of order) {
      if (c === this.typeColumn || c === this.lineTypeColumn) continue;
      const t = this.text(r, c);
      if (t !== null && !/^[\d.,\s$()-]+$/.test(t)) return t;
    }
    return null;
  }

  private lineTypeOf(r: number, label: string, section: BudgetLineType | null, column: string): BudgetLineType {
    if (this.lineTypeColumn >= 0) {
      const t = this.text(r, this.lineTypeColumn);
      const s = t === null ? null : sectionLineType(t);
      if (s !== null) return s;
      if (t !== null) {
        this.issue({ row: this.rowNo(r), column: this.letter(this.lineTypeColumn), severity: "warning", found: t, message: 'line type must be "Revenue", "Expense" or "Capital"; read from the category name' });
      }
    }
    if (section !== null) return section;
    const guess = lineTypeFromCategory(label);
    if (!guess.known) {
      this.issue({
        row: this.rowNo(r), column, severity: "warning", found: label,
        message: 'no "Revenue", "Expenses" or "Capital" heading above this line and its name does not tell; read as an expense',
      });
    }
    return guess.lineType;
  }

  /** One month's amount; an unreadable cell is listed and read as blank. */
  private amount(r: number, c: number, month: number, kind: BudgetValueKind): Cents | null {
    const value = this.cell(r, c);
    const parsed = parseMoney(value);
    if (parsed.kind === "value") return parsed.value;
    if (parsed.kind === "invalid") {
      this.issue({
        row: this.rowNo(r), column: this.letter(c), severity: "error", field: kind, found: parsed.found,
        message: `${MONTH_NAMES[month - 1]} ${kind}: ${parsed.message}; read as blank`,
      });
    }
    return null;
  }

  // ---------------------------------------------------------------- months as rows

  private readMonthsAsRows(monthColumn: number, firstMonthRow: number, allowSerial: boolean): void {
    this.layout.orientation = "monthsAsRows";
    this.layout.monthColumn = this.letter(monthColumn);
    let headerRow = firstMonthRow - 1;
    while (headerRow >= 0 && this.rowBlank(headerRow)) headerRow--;
    if (headerRow < 0) {
      this.readTitle(0);
      this.issue({ row: this.rowNo(firstMonthRow), severity: "error", message: "no heading row with the category names above the months" });
      return;
    }
    this.readTitle(headerRow);
    this.layout.headerRows.push(this.rowNo(headerRow));
    const monthRun = this.monthRun(this.columnCells(monthColumn), allowSerial) ?? [];
    const monthRows = new Set(monthRun.map((m) => m.index));

    // Type column: a "Type" heading, or Budget/Actual words down the month rows.
    let typeColumn = -1;
    for (let c = 0; c < this.width && typeColumn < 0; c++) {
      if (c === monthColumn) continue;
      if (TYPE_HEADER.test(categoryKey(this.text(headerRow, c) ?? ""))) typeColumn = c;
      else {
        let kinds = 0;
        for (const r of monthRows) if (kindFromText(this.cell(r, c)) !== null) kinds++;
        if (kinds >= 2) typeColumn = c;
      }
    }
    if (typeColumn >= 0) this.layout.typeColumn = this.letter(typeColumn);

    // Section headings in the row above the category names, carried rightward.
    const sectionOf = new Map<number, BudgetLineType>();
    if (headerRow > 0) {
      let current: BudgetLineType | null = null;
      for (let c = 0; c < this.width; c++) {
        const t = this.text(headerRow - 1, c);
        if (t !== null) current = sectionLineType(t);
        if (current !== null) sectionOf.set(c, current);
      }
    }

    // Category columns: named in the heading row; "Rent Budget" / "Rent Actual" pairs.
    interface CategoryColumn { index: number; name: string; kind: BudgetValueKind | null }
    const categories: CategoryColumn[] = [];
    for (let c = 0; c < this.width; c++) {
      if (c === monthColumn || c === typeColumn) continue;
      const head = this.cell(headerRow, c);
      const name = typeof head === "string" ? head.trim().replace(/\s+/g, " ") : isBlankCell(head) ? "" : showCell(head);
      if (name === "") {
        if ([...monthRows].some((r) => !isBlankCell(this.cell(r, c)))) {
          this.issue({ row: this.rowNo(headerRow), column: this.letter(c), severity: "warning", message: "amounts under a column with no category name; column left out" });
        }
        continue;
      }
      if (isTotalLabel(name)) {
        this.leftOut.push({ column: this.letter(c), label: name, reason: "subtotal or total column" });
        continue;
      }
      const split = splitKind(name);
      categories.push({ index: c, name: split.name, kind: split.kind });
    }

    const values = new Map<number, Map<BudgetValueKind, (Cents | null)[]>>();
    for (let r = headerRow + 1; r < this.grid.length; r++) {
      if (this.rowBlank(r)) continue;
      const row = this.rowNo(r);
      const monthCell = this.cell(r, monthColumn);
      const header = monthRows.has(r) ? parseMonthHeader(monthCell) : null;
      if (header === null) {
        const label = isBlankCell(monthCell) ? "" : showCell(monthCell);
        if (label !== "" && isTotalLabel(label)) this.leftOut.push({ row, label, reason: "subtotal or total row" });
        else if (categories.some((k) => !isBlankCell(this.cell(r, k.index)))) {
          this.issue({
            row, column: this.letter(monthColumn), severity: "error", field: "month",
            ...(label === "" ? {} : { found: label }),
            message: 'not a month (expected e.g. "Jan", "Jan-26" or a date); row left out',
          });
        } else this.leftOut.push({ row, label, reason: "not a month row" });
        continue;
      }
      if (!this.yearAccepted(header, { row }, showCell(monthCell))) continue;
      let rowKind: BudgetValueKind = header.kind ?? this.defaultKind;
      if (typeColumn >= 0) {
        const typeCell = this.cell(r, typeColumn);
        const k = kindFromText(typeCell);
        if (k !== null) rowKind = k;
        else {
          this.issue({
            row, column: this.letter(typeColumn), severity: "error", field: "type",
            ...(isBlankCell(typeCell) ? {} : { found: showCell(typeCell) }),
            message: 'type must be "Budget" or "Actual"; row left out',
          });
          continue;
        }
      }
      for (const k of categories) {
        const kind = k.kind ?? rowKind;
        let byKind = values.get(k.index);
        if (byKind === undefined) {
          byKind = new Map();
          values.set(k.index, byKind);
        }
        let months = byKind.get(kind);
        if (months === undefined) {
          months = new Array<Cents | null>(12).fill(null);
          byKind.set(kind, months);
        }
        const amount = this.amount(r, k.index, header.month, kind);
        if (months[header.month - 1] !== null && amount !== null) {
          this.issue({ row, column: this.letter(k.index), severity: "warning", message: `a second ${MONTH_NAMES[header.month - 1]} ${kind} for this category; left out` });
          continue;
        }
        if (amount !== null) months[header.month - 1] = amount;
        // Remember that the kind was present even when every cell is blank.
      }
    }

    for (const k of categories) {
      const byKind = values.get(k.index) ?? new Map<BudgetValueKind, (Cents | null)[]>([[k.kind ?? this.defaultKind, new Array<Cents | null>(12).fill(null)]]);
      const section = sectionOf.get(k.index) ?? null;
      const lineType = section ?? this.lineTypeOf(headerRow, k.name, null, this.letter(k.index));
      this.addLine(this.rowNo(headerRow), this.letter(k.index), k.name, lineType, byKind);
    }
    this.settleYear(headerRow);
  }

  // ---------------------------------------------------------------- lines

  /**
   * Adds the figures of one row (or column) to the lines: into the line of the same category and
   * line type that still lacks these kinds (the Actual row of a Budget row), else a new line.
   */
  private addLine(row: number, column: string | undefined, category: string, lineType: BudgetLineType, values: Map<BudgetValueKind, (Cents | null)[]>): void {
    const key = `${lineType}|${categoryKey(category)}`;
    const kinds = [...values.keys()];
    for (const k of kinds) this.kindsSeen.add(k);
    const same = this.entries.filter((e) => `${e.line.lineType}|${categoryKey(e.line.category)}` === key);
    let entry = same.find((e) => kinds.every((k) => !e.kinds.has(k)));
    if (entry === undefined) {
      if (same.length > 0) {
        this.issue({
          row, ...(column === undefined ? {} : { column }), severity: "warning", found: category,
          message: `"${category}" appears more than once; kept as a separate line`,
        });
      }
      entry = {
        line: {
          row, category, lineType,
          budget: new Array<Cents>(12).fill(0),
          actual: new Array<Cents | null>(12).fill(null),
          ...(column === undefined ? {} : { column }),
        },
        kinds: new Set(),
      };
      this.entries.push(entry);
    }
    for (const [kind, months] of values) {
      entry.kinds.add(kind);
      for (let m = 0; m < 12; m++) {
        if (kind === "budget") entry.line.budget[m] = months[m] ?? 0;
        else entry.line.actual[m] = months[m];
      }
    }
  }
}

/** "Budget", "Actual 2026", "Budget - FY2026": a block heading; null otherwise. */
function blockKindFromLabel(label: string): BudgetValueKind | null {
  const t = label.toLowerCase().replace(/\b(fy\s?)?(19|20)\d{2}\b/g, " ").replace(/[-–—:|()]/g, " ").replace(/\s+/g, " ").trim();
  return kindFromText(t);
}

/** "Rent Budget" → Rent, budget; "Actual - Rent" → Rent, actual; "Rent" → Rent, null. */
function splitKind(name: string): { name: string; kind: BudgetValueKind | null } {
  let m = /^(.*?)[\s\-–—:|(]+(budget(?:ed)?|plan(?:ned)?|actuals?)\)?$/i.exec(name);
  if (m && m[1].trim() !== "") return { name: m[1].trim(), kind: kindFromText(m[2]) };
  m = /^(budget(?:ed)?|plan(?:ned)?|actuals?)[\s\-–—:|]+(.+)$/i.exec(name);
  if (m && m[2].trim() !== "") return { name: m[2].trim(), kind: kindFromText(m[1]) };
  return { name, kind: null };
}
