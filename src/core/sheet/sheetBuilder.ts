import type { CellContent, CellRange, CellStyleName, NumberFormatName, SheetCell, SheetChart, SheetDescription, ConditionalRule, PageSetup, SheetTable, SheetValidation } from "./sheetDescription";

/** Accumulates the cells of a sheet description row by row; `build()` returns the plain data. */
export class SheetBuilder {
  private readonly cells: SheetCell[] = [];
  private readonly merges: CellRange[] = [];
  private readonly charts: SheetChart[] = [];
  private readonly conditional: ConditionalRule[] = [];
  private readonly tables: SheetTable[] = [];
  private readonly validations: SheetValidation[] = [];
  private readonly heights: Record<number, number> = {};
  /** The next free row (1-based). */
  row = 1;

  constructor(
    private readonly name: string,
    private readonly columnWidths: number[],
  ) {}

  set(row: number, col: number, value: CellContent, format?: NumberFormatName, ...styles: CellStyleName[]): void {
    const cell: SheetCell = { row, col, value };
    if (format !== undefined) cell.format = format;
    if (styles.length > 0) cell.styles = styles;
    this.cells.push(cell);
  }

  /** Writes one row of values starting at column 1 (or `fromCol`) and moves to the next row. */
  line(values: { value: CellContent; format?: NumberFormatName; styles?: CellStyleName[] }[], fromCol = 1): number {
    const r = this.row;
    values.forEach((v, i) => this.set(r, fromCol + i, v.value, v.format, ...(v.styles ?? [])));
    this.row++;
    return r;
  }

  /** A formula cell ("=D2-E2"); `cached` is the value stored with it in an .xlsx (none by default). */
  formula(row: number, col: number, formula: string, format?: NumberFormatName, cached: CellContent = null, ...styles: CellStyleName[]): void {
    const cell: SheetCell = { row, col, value: cached, formula };
    if (format !== undefined) cell.format = format;
    if (styles.length > 0) cell.styles = styles;
    this.cells.push(cell);
  }

  table(table: SheetTable): void {
    this.tables.push(table);
  }

  validation(validation: SheetValidation): void {
    this.validations.push(validation);
  }

  merge(range: CellRange): void {
    this.merges.push(range);
  }

  chart(chart: SheetChart): void {
    this.charts.push(chart);
  }

  rule(rule: ConditionalRule): void {
    this.conditional.push(rule);
  }

  /** Sets a row's height in points (a wrapped header, a large tile value). */
  height(row: number, points: number): void {
    this.heights[row] = points;
  }

  skip(rows = 1): void {
    this.row += rows;
  }

  build(options: { tabColor?: string; freezeRows?: number; showGridLines?: boolean; pageSetup?: PageSetup } = {}): SheetDescription {
    const sheet: SheetDescription = {
      name: this.name,
      tabColor: options.tabColor,
      columnWidths: this.columnWidths.slice(),
      cells: this.cells.slice(),
      merges: this.merges.slice(),
      charts: this.charts.slice(),
      conditional: this.conditional.slice(),
      freezeRows: options.freezeRows,
      showGridLines: options.showGridLines ?? false,
    };
    // Optional parts only when used, so descriptions without them stay as they were.
    if (this.tables.length > 0) sheet.tables = this.tables.slice();
    if (this.validations.length > 0) sheet.validations = this.validations.slice();
    if (Object.keys(this.heights).length > 0) sheet.rowHeights = { ...this.heights };
    if (options.pageSetup !== undefined) sheet.pageSetup = options.pageSetup;
    return sheet;
  }
}
