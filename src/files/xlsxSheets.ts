/**
 * An .xlsx workbook opened once, its worksheets read one at a time: the first rows (to find the
 * claims sheet by its header), a whole grid (the small sheets), or row by row without a grid (the
 * claims sheet of a million lines, in two passes), so memory stays flat as the sheet grows.
 *
 * Every way reads with the one worksheet scanner of worksheetScanner.ts (the grid and the stream are
 * two consumers of its rows), so a row streamed holds exactly the values readXlsxGrids' grid holds
 * at its index. The read limits (readLimits.ts) count each sheet once, however often it is read:
 * reading every sheet by any of these ways refuses exactly the files readXlsxGrids refuses.
 */
import type { CellValue } from "../core/cells/cellValue";
import { ReadBudget } from "./readLimits";
import { RowStream } from "./worksheetScanner";
import { openWorkbook, readSheetGrid, scanWorksheet, type OpenedWorkbook, type SheetGrid, type WorksheetPart, type XlsxSource } from "./xlsxReader";

export { RowsOutOfOrderError } from "./worksheetScanner";

/** What forEachRow read: the grid's length (the last row's index + 1) and the notes for the manager. */
export interface SheetRowsRead {
  /** The number of rows the sheet's grid has (readXlsxGrids' `grid.length`), blank rows included. */
  rows: number;
  /** What the reader changed and the manager should be told (text cut at 32,767 characters). */
  notes: string[];
}

export interface XlsxSheets {
  /** The worksheets in tab order, as readXlsxGrids lists them (chart, dialog and macro sheets skipped). */
  readonly names: readonly string[];
  /** The workbook counts dates from 1904; its date cells are moved to the 1900 system as they are read. */
  readonly date1904: boolean;
  /**
   * The worksheet part's size inflated, from the zip directory (nothing is inflated): about 150 bytes
   * a row for a claims export, so the host can decide whether to stream it.
   */
  xmlBytes(name: string): number;
  /**
   * The first `rows` rows as a grid (readXlsxGrids' grid cut to `rows` rows): the inflating stops at
   * the first row past them. A row listed out of order after that point (no spreadsheet program
   * writes one) is not seen; forEachRow and grid see every row.
   */
  head(name: string, rows: number): Promise<SheetGrid>;
  /** The whole sheet, as readXlsxGrids gives it. */
  grid(name: string): Promise<SheetGrid>;
  /**
   * Every row of the sheet's XML in order: `index` 0-based (the grid's), `cells` the values the grid
   * holds at that index (a new array each row; an empty `<row/>` gives []). Rows absent from the XML
   * are blank and not called. No grid is built. Throws RowsOutOfOrderError when a row's number is
   * not greater than the row before's (read the sheet with grid() then); UnreadableFileError as
   * readXlsxGrids does. A sheet can be streamed again (each time it is inflated afresh).
   */
  forEachRow(name: string, onRow: (index: number, cells: readonly CellValue[]) => void): Promise<SheetRowsRead>;
  /** Lets go of the workbook's file (when it is read from its file as needed); no sheet can be read after. */
  close(): void;
}

/**
 * The read budget of one sheet: what a read of it spends is charged to the workbook's budget only
 * past what an earlier read of the same sheet spent, so a sheet read twice (its first rows, then
 * streamed in two passes) counts once, as in readXlsxGrids.
 */
class SheetBudget extends ReadBudget {
  private rowsSpent = 0;
  private cellsSpent = 0;

  constructor(
    private readonly workbook: ReadBudget,
    /** The most an earlier read of this sheet spent (updated as this read goes further). */
    private readonly charged: { rows: number; cells: number },
  ) {
    super();
  }

  override spendRows(n: number, label: string): void {
    this.rowsSpent += n;
    if (this.rowsSpent > this.charged.rows) {
      this.workbook.spendRows(this.rowsSpent - this.charged.rows, label);
      this.charged.rows = this.rowsSpent;
    }
  }

  override spendCell(label: string): void {
    if (++this.cellsSpent > this.charged.cells) {
      this.workbook.spendCell(label);
      this.charged.cells = this.cellsSpent;
    }
  }
}

class OpenedSheets implements XlsxSheets {
  readonly names: readonly string[];
  readonly date1904: boolean;
  private readonly budget = new ReadBudget();
  private readonly charged = new Map<WorksheetPart, { rows: number; cells: number }>();

  constructor(private readonly book: OpenedWorkbook) {
    this.names = book.worksheets.map((s) => s.name);
    this.date1904 = book.date1904;
  }

  private sheet(name: string): WorksheetPart {
    const sheet = this.book.worksheets.find((s) => s.name === name);
    if (sheet === undefined) throw new Error(`${this.book.zip.label}: no worksheet named "${name}" (its worksheets: ${this.names.join(", ")})`);
    return sheet;
  }

  private budgetOf(sheet: WorksheetPart): ReadBudget {
    let charged = this.charged.get(sheet);
    if (charged === undefined) {
      charged = { rows: 0, cells: 0 };
      this.charged.set(sheet, charged);
    }
    return new SheetBudget(this.budget, charged);
  }

  xmlBytes(name: string): number {
    return this.book.zip.entry(this.sheet(name).part)?.uncompressedSize ?? 0;
  }

  async head(name: string, rows: number): Promise<SheetGrid> {
    const sheet = this.sheet(name);
    return readSheetGrid(this.book, sheet, { budget: this.budgetOf(sheet), lastRow: Math.max(0, Math.floor(rows)) });
  }

  async grid(name: string): Promise<SheetGrid> {
    const sheet = this.sheet(name);
    return readSheetGrid(this.book, sheet, { budget: this.budgetOf(sheet) });
  }

  close(): void {
    this.book.zip.close();
  }

  async forEachRow(name: string, onRow: (index: number, cells: readonly CellValue[]) => void): Promise<SheetRowsRead> {
    const sheet = this.sheet(name);
    const budget = this.budgetOf(sheet);
    const stream = new RowStream(onRow, budget, this.book.zip.label, sheet.name);
    const { notes } = await scanWorksheet(this.book, sheet, stream, { budget });
    return { rows: stream.length, notes };
  }
}

/**
 * Opens an .xlsx/.xlsm (a path or its bytes) once: the package checked (zipPackage.ts), the
 * workbook parts and the shared strings read. `label` names the file in messages. Close it when done.
 */
export async function openXlsxSheets(source: XlsxSource, options: { label?: string } = {}): Promise<XlsxSheets> {
  return new OpenedSheets(await openWorkbook(source, options.label));
}
