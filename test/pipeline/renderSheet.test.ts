/**
 * src/files/renderSheet.ts: a small hand-made SheetDescription rendered into an ExcelJS workbook,
 * written to an .xlsx buffer and read back, so what is asserted is what Excel would open.
 * Expected formats, fonts and fills are the ones sheetDescription.ts assigns to each name
 * (NUMBER_FORMATS, CELL_STYLES): the renderer's job is to carry them into the file faithfully.
 */
import ExcelJS from "exceljs";
import { renderSheet } from "../../src/files/renderSheet";
import { CELL_STYLES, NUMBER_FORMATS, type CellStyleName, type SheetDescription } from "../../src/core/sheet/sheetDescription";

const description: SheetDescription = {
  name: "Summary",
  tabColor: "2F5597",
  columnWidths: [30, 12, 14],
  cells: [
    { row: 1, col: 1, value: "Riverside: physician report", styles: ["title"] },
    { row: 2, col: 1, value: "Charges", styles: ["kpiLabel"] },
    { row: 2, col: 2, value: 1234.5, format: "money", styles: ["kpiValue"] },
    { row: 3, col: 1, value: "Net collection rate" },
    { row: 3, col: 2, value: 0.9731, format: "percent1" },
    { row: 4, col: 1, value: "Bucket", styles: ["tableHeader"] },
    { row: 4, col: 2, value: "Amount", styles: ["tableHeader"] },
    { row: 5, col: 1, value: "0-30" },
    { row: 5, col: 2, value: 100, format: "money" },
    { row: 6, col: 1, value: "31-60" },
    { row: 6, col: 2, value: 50.25, format: "money" },
    { row: 7, col: 1, value: "Total", styles: ["total"] },
    { row: 7, col: 2, value: 150.25, format: "money", styles: ["total"] },
    { row: 8, col: 2, value: 28.6875, format: "days1" },
    { row: 9, col: 2, value: 12, format: "integer", styles: ["note", "bad"] },
    { row: 10, col: 2, value: true },
  ],
  merges: [{ fromRow: 1, fromCol: 1, toRow: 1, toCol: 3 }],
  charts: [
    {
      kind: "column",
      title: "A/R aging",
      categories: { fromRow: 5, fromCol: 1, toRow: 6, toCol: 1 },
      series: [{ name: "Amount", values: { fromRow: 5, fromCol: 2, toRow: 6, toCol: 2 } }],
      anchor: { row: 12, col: 1, rows: 8, cols: 3 },
    },
  ],
  conditional: [
    { kind: "dataBar", range: { fromRow: 5, fromCol: 2, toRow: 6, toCol: 2 }, color: "5B9BD5" },
    { kind: "threshold", range: { fromRow: 3, fromCol: 2, toRow: 3, toCol: 2 }, operator: "lessThan", value: 0.95, style: "bad" },
  ],
  freezeRows: 4,
  showGridLines: false,
};

let ws: ExcelJS.Worksheet;
let reread: ExcelJS.Workbook;
let name: string;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  // A sheet already named "summary" (Excel compares names case-insensitively) with a value.
  wb.addWorksheet("summary").getCell("A1").value = "keep me";
  name = renderSheet(wb, description);
  const buffer = await wb.xlsx.writeBuffer();
  reread = new ExcelJS.Workbook();
  await reread.xlsx.load(buffer as ArrayBuffer);
  ws = reread.getWorksheet(name) as ExcelJS.Worksheet;
});

describe("renderSheet → .xlsx → read back", () => {
  it("makes the sheet name unique and leaves the other sheets alone", () => {
    expect(name).toBe("Summary (2)");
    expect(reread.worksheets.map((w) => w.name)).toEqual(["summary", "Summary (2)"]);
    expect(reread.getWorksheet("summary")?.getCell("A1").value).toBe("keep me");
  });

  it("values", () => {
    expect(ws.getCell("A1").value).toBe("Riverside: physician report");
    expect(ws.getCell("B2").value).toBe(1234.5);
    expect(ws.getCell("B3").value).toBe(0.9731);
    expect(ws.getCell("A4").value).toBe("Bucket");
    expect(ws.getCell("B7").value).toBe(150.25);
    expect(ws.getCell("B8").value).toBe(28.6875);
    expect(ws.getCell("B10").value).toBe(true);
  });

  it("number formats", () => {
    // The Excel codes sheetDescription.ts gives each format name.
    expect(ws.getCell("B2").numFmt).toBe(NUMBER_FORMATS.money);
    expect(NUMBER_FORMATS.money).toMatch(/^"\$"#,##0\.00/);
    expect(ws.getCell("B3").numFmt).toBe(NUMBER_FORMATS.percent1);
    expect(ws.getCell("B8").numFmt).toBe(NUMBER_FORMATS.days1);
    expect(ws.getCell("B9").numFmt).toBe(NUMBER_FORMATS.integer);
    expect(ws.getCell("A1").numFmt ?? "General").toBe("General");
  });

  // Styles are compared with CELL_STYLES (the palette may be retuned: the renderer must follow it).
  const argb = (rgb: string | undefined): string | undefined => (rgb === undefined ? undefined : `FF${rgb}`);
  const fontOf = (name: CellStyleName, ...more: CellStyleName[]) => {
    const st = Object.assign({}, CELL_STYLES[name], ...more.map((m) => CELL_STYLES[m]));
    const font: Record<string, unknown> = {};
    if (st.bold !== undefined) font.bold = st.bold;
    if (st.italic !== undefined) font.italic = st.italic;
    if (st.size !== undefined) font.size = st.size;
    if (st.color !== undefined) font.color = { argb: argb(st.color) };
    return font;
  };

  it("fonts, fills, borders and alignment", () => {
    // title: bold, large, coloured
    expect(CELL_STYLES.title).toMatchObject({ bold: true });
    expect(ws.getCell("A1").font).toMatchObject(fontOf("title"));
    // tableHeader: bold, coloured text on a solid fill, centred, wrapped
    expect(ws.getCell("A4").font).toMatchObject(fontOf("tableHeader"));
    expect(ws.getCell("A4").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: argb(CELL_STYLES.tableHeader.fill) } });
    expect(ws.getCell("A4").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    // kpiValue: bold on a fill, right-aligned
    expect(ws.getCell("B2").font).toMatchObject(fontOf("kpiValue"));
    expect(ws.getCell("B2").fill).toMatchObject({ fgColor: { argb: argb(CELL_STYLES.kpiValue.fill) } });
    expect(ws.getCell("B2").alignment).toMatchObject({ horizontal: "right" });
    // total: bold with a thin top border
    expect(ws.getCell("B7").font).toMatchObject({ bold: true });
    expect(ws.getCell("B7").border?.top).toMatchObject({ style: "thin" });
    expect(ws.getCell("B7").border?.bottom).toBeUndefined();
    // note then bad: the later style wins where both set a property (colour, fill), the earlier
    // one's italic small size stays.
    expect(ws.getCell("B9").font).toMatchObject({ ...fontOf("note", "bad"), italic: true, bold: true });
    expect(ws.getCell("B9").font?.color?.argb).toBe(argb(CELL_STYLES.bad.color));
    expect(ws.getCell("B9").fill).toMatchObject({ fgColor: { argb: argb(CELL_STYLES.bad.fill) } });
    // No style: no fill.
    expect(ws.getCell("A3").fill).toBeUndefined();
  });

  it("merges, column widths, frozen rows, grid lines and tab colour", () => {
    expect(ws.getCell("C1").isMerged).toBe(true);
    expect(ws.getCell("C1").master.address).toBe("A1");
    expect(ws.getCell("A2").isMerged).toBe(false);
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([30, 12, 14]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4, showGridLines: false });
    expect(ws.properties.tabColor).toMatchObject({ argb: "FF2F5597" });
  });

  it("data bars and threshold rules", () => {
    const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[] }).conditionalFormattings;
    const byRef = new Map(rules.map((r) => [r.ref, r.rules]));
    expect(byRef.get("B5:B6")?.[0]).toMatchObject({ type: "dataBar" });
    const bar = byRef.get("B5:B6")?.[0] as { color?: { argb?: string }; cfvo?: { type: string }[] };
    expect(bar.color?.argb).toBe("FF5B9BD5");
    expect(bar.cfvo?.map((c) => c.type)).toEqual(["min", "max"]);
    const threshold = byRef.get("B3")?.[0] as { type: string; operator: string; formulae: unknown[]; style: { font?: { color?: { argb?: string } }; fill?: { bgColor?: { argb?: string } } } };
    expect(threshold).toMatchObject({ type: "cellIs", operator: "lessThan" });
    expect(threshold.formulae.map(String)).toEqual(["0.95"]);
    // The "bad" style as a conditional format: its font colour, and its fill as the background colour.
    expect(threshold.style.font?.color?.argb).toBe(argb(CELL_STYLES.bad.color));
    expect(threshold.style.fill?.bgColor?.argb).toBe(argb(CELL_STYLES.bad.fill));
  });

  it("a chart leaves its anchor cells empty (charts are added as DrawingML parts afterwards, xlsxCharts.ts)", () => {
    expect(ws.getCell(12, 1).value).toBeNull();
  });

  it("makes long and repeated names unique within 31 characters", () => {
    const wb = new ExcelJS.Workbook();
    const long = { ...description, name: "Physician Report 2026-10 for Riverside" };
    const first = renderSheet(wb, long);
    const second = renderSheet(wb, long);
    const third = renderSheet(wb, { ...description, name: "Physician Report 2026-10" });
    const fourth = renderSheet(wb, { ...description, name: "Physician Report 2026-10" });
    // 31 characters: "Physician Report 2026-10 for Ri"; then 27 + " (2)".
    expect(first).toBe("Physician Report 2026-10 for Ri");
    expect(second).toBe("Physician Report 2026-10 fo (2)");
    expect(third).toBe("Physician Report 2026-10");
    expect(fourth).toBe("Physician Report 2026-10 (2)");
    expect(wb.worksheets.map((w) => w.name)).toEqual([first, second, third, fourth]);
  });
});
