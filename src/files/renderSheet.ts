import type ExcelJS from "exceljs";
import {
  CELL_STYLES,
  NUMBER_FORMATS,
  rangeAddress,
  uniqueSheetName,
  headerFooterText,
  type CellStyle,
  type PageSetup,
  type SheetDescription,
  uniqueTableName,
  validationSource,
} from "../core/sheet/sheetDescription";

const argb = (rgb: string): string => `FF${rgb}`;

/**
 * Renders a sheet description into an ExcelJS workbook as a new sheet with a unique name; the
 * workbook's other sheets are not touched. Returns the sheet's final name.
 *
 * ExcelJS cannot write charts: writeReportWorkbook adds the description's charts to the saved file
 * as DrawingML parts (xlsxCharts.ts). The page setup (landscape, fit to width, print area, title
 * rows, header/footer, page breaks) is written here.
 */
export function renderSheet(workbook: ExcelJS.Workbook, sheet: SheetDescription): string {
  const name = uniqueSheetName(sheet.name, workbook.worksheets.map((w) => w.name));
  const ws = workbook.addWorksheet(name, {
    properties: sheet.tabColor !== undefined ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views: [
      sheet.freezeRows !== undefined && sheet.freezeRows > 0
        ? { state: "frozen", ySplit: sheet.freezeRows, showGridLines: sheet.showGridLines }
        : { showGridLines: sheet.showGridLines },
    ],
  } as Partial<ExcelJS.AddWorksheetOptions>);

  sheet.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });

  for (const cell of sheet.cells) {
    const target = ws.getCell(cell.row, cell.col);
    // A formula is written without a cached value unless the description gives one.
    target.value = cell.formula !== undefined
      ? ({ formula: cell.formula.replace(/^=/, ""), ...(cell.value !== null ? { result: cell.value } : {}) } as ExcelJS.CellValue)
      : cell.value;
    if (cell.format !== undefined) target.numFmt = NUMBER_FORMATS[cell.format];
    if (cell.styles !== undefined && cell.styles.length > 0) {
      const style: CellStyle = Object.assign({}, ...cell.styles.map((s) => CELL_STYLES[s]));
      applyStyle(target, style);
    }
  }

  for (const m of sheet.merges) ws.mergeCells(m.fromRow, m.fromCol, m.toRow, m.toCol);

  // Tables: ExcelJS writes a table's cells from its rows, so the rows are the cells just written.
  const taken: string[] = [];
  workbook.worksheets.forEach((w) => {
    for (const t of Object.values((w as unknown as { tables?: Record<string, { name?: string; table?: { name?: string } }> }).tables ?? {})) {
      const n = t.table?.name ?? t.name;
      if (typeof n === "string") taken.push(n);
    }
  });
  for (const table of sheet.tables ?? []) {
    const tableName = uniqueTableName(table.name, taken);
    taken.push(tableName);
    const { fromRow, fromCol, toRow, toCol } = table.range;
    const columns: ExcelJS.TableColumnProperties[] = [];
    for (let c = fromCol; c <= toCol; c++) columns.push({ name: String(ws.getCell(fromRow, c).value ?? `Column${c - fromCol + 1}`), filterButton: true });
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = fromRow + 1; r <= toRow; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = fromCol; c <= toCol; c++) row.push(ws.getCell(r, c).value);
      rows.push(row);
    }
    ws.addTable({
      name: tableName,
      ref: `${rangeAddress({ fromRow, fromCol, toRow: fromRow, toCol: fromCol })}`,
      headerRow: true,
      totalsRow: table.showTotals === true,
      style: { theme: (table.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns,
      rows,
    });
  }

  // One validation per range (ExcelJS's worksheet.dataValidations.add writes a single <dataValidation sqref>).
  const validations = (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations ?? []) {
    validations.add(rangeAddress(v.range), {
      type: "list",
      allowBlank: v.allowBlank,
      formulae: [`"${validationSource(v.list)}"`],
      showErrorMessage: true,
      errorStyle: v.alert ?? "stop",
      ...(v.message !== undefined ? { error: v.message, errorTitle: "Practice Ledger" } : {}),
    });
  }

  for (const rule of sheet.conditional) {
    if (rule.kind === "dataBar") {
      ws.addConditionalFormatting({
        ref: rangeAddress(rule.range),
        rules: [
          {
            type: "dataBar",
            priority: 1,
            minLength: 0,
            maxLength: 100,
            gradient: false,
            border: false,
            cfvo: [{ type: "min" }, { type: "max" }],
            color: { argb: argb(rule.color) },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    } else {
      const style = CELL_STYLES[rule.style];
      ws.addConditionalFormatting({
        ref: rangeAddress(rule.range),
        rules: [
          {
            type: "cellIs",
            priority: 1,
            operator: rule.operator,
            formulae: [String(rule.value)],
            style: {
              font: { bold: style.bold, color: style.color !== undefined ? { argb: argb(style.color) } : undefined },
              fill: style.fill !== undefined ? { type: "pattern", pattern: "solid", bgColor: { argb: argb(style.fill) } } : undefined,
            },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    }
  }

  for (const [row, points] of Object.entries(sheet.rowHeights ?? {})) ws.getRow(Number(row)).height = points;
  if (sheet.pageSetup !== undefined) applyPageSetup(ws, sheet.pageSetup);
  // Charts are not drawn by ExcelJS: writeReportWorkbook adds them as DrawingML parts afterwards
  // (xlsxCharts.ts), in the cells the description reserves for them.
  return name;
}

/** Page setup through ExcelJS (<pageSetup>, <printOptions>, <headerFooter>, <rowBreaks>, print titles and area as defined names). */
function applyPageSetup(ws: ExcelJS.Worksheet, p: PageSetup): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    paperSize: 1 as unknown as ExcelJS.PageSetup["paperSize"], // US Letter
    horizontalCentered: true,
    // ExcelJS prefixes each side with "$" only ("A1" → "$A1"): "A$1" gives the absolute "$A$1".
    ...(p.printArea !== undefined ? { printArea: rangeAddress(p.printArea).replace(/([A-Z]+)(\d+)/g, "$1$$$2") } : {}),
    ...(p.titleRows !== undefined ? { printTitlesRow: `${p.titleRows.from}:${p.titleRows.to}` } : {}),
    ...(p.margins !== undefined ? { margins: p.margins } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddHeader: headerFooterText(p.header), oddFooter: headerFooterText(p.footer) };
  for (const row of p.breaksBefore) {
    // Excel's <brk id=N> breaks BELOW row N: a break before row r is a break below r − 1.
    if (row > 1) ws.getRow(row - 1).addPageBreak();
  }
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  cell.font = {
    bold: style.bold,
    italic: style.italic,
    size: style.size,
    color: style.color !== undefined ? { argb: argb(style.color) } : undefined,
  };
  if (style.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.borderTop === true || style.borderBottom === true) {
    cell.border = {
      top: style.borderTop === true ? { style: "thin" } : undefined,
      bottom: style.borderBottom === true ? { style: "thin" } : undefined,
    };
  }
  if (style.align !== undefined || style.wrap === true) {
    cell.alignment = { horizontal: style.align, wrapText: style.wrap, vertical: "middle" };
  }
}
