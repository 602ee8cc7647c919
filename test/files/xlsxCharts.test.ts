/**
 * DrawingML chart parts (ECMA-376 Part 1, §21.2 charts, §20.5 spreadsheet drawing) as pure text:
 * where <drawing> goes in a worksheet (after pageMargins … rowBreaks, never inside a rule's
 * extLst), series references and caches, axis formats, and anchors in the reserved cells.
 */
import { absoluteReference, axisFormat, chartParts, chartXml, drawingPosition, drawingXml } from "../../src/files/xlsxCharts";
import type { SheetChart, SheetDescription } from "../../src/core/sheet/sheetDescription";

const sheet: SheetDescription = {
  name: "O'Brien Report",
  columnWidths: [20, 12],
  cells: [
    { row: 2, col: 1, value: "0-30" }, { row: 2, col: 2, value: 1234.5, format: "money" },
    { row: 3, col: 1, value: "31-60" }, { row: 3, col: 2, value: null, format: "money" },
  ],
  merges: [], charts: [], conditional: [], showGridLines: false,
};
const chart: SheetChart = {
  kind: "stackedColumn", title: "A & B", categories: { fromRow: 2, fromCol: 1, toRow: 3, toCol: 1 },
  series: [{ name: "Amount", values: { fromRow: 2, fromCol: 2, toRow: 3, toCol: 2 } }], anchor: { row: 5, col: 3, rows: 10, cols: 2 },
};

test("references quote the sheet name (an apostrophe doubled) and are absolute", () => {
  expect(absoluteReference("O'Brien Report", { fromRow: 2, fromCol: 1, toRow: 3, toCol: 1 })).toBe("'O''Brien Report'!$A$2:$A$3");
});

test("a chart part: stacked columns, escaped title, cached values with a gap for a blank cell", () => {
  const xml = chartXml(sheet, chart);
  expect(xml).toContain('<c:grouping val="stacked"/>');
  expect(xml).toContain('<c:overlap val="100"/>');
  expect(xml).toContain("<a:t>A &amp; B</a:t>");
  expect(xml).toContain("<c:f>'O''Brien Report'!$B$2:$B$3</c:f>");
  expect(xml).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>1234.5</c:v></c:pt></c:numCache>');
  expect(xml).toContain('<c:pt idx="1"><c:v>31-60</c:v></c:pt>');
  // Axis in whole dollars: the money format without cents or its negative section.
  expect(xml).toContain('formatCode="&quot;$&quot;#,##0"');
  expect(axisFormat("0.0%")).toBe("0%");
});

test("a pie has no axes", () => {
  const xml = chartXml(sheet, { ...chart, kind: "pie" });
  expect(xml).toContain("<c:pieChart>");
  expect(xml).not.toContain("<c:catAx>");
});

test("the anchor covers exactly the reserved cells (0-based from, exclusive to)", () => {
  const xml = drawingXml([chart], 1);
  expect(xml).toMatch(/<xdr:from><xdr:col>2<\/xdr:col><xdr:colOff>\d+<\/xdr:colOff><xdr:row>4<\/xdr:row>/);
  expect(xml).toMatch(/<xdr:to><xdr:col>4<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>14<\/xdr:row>/);
  expect(xml).toContain('r:id="rId1"');
});

test("<drawing> goes after the last of pageMargins … rowBreaks, not inside a conditional format's extLst", () => {
  const ws = '<worksheet><sheetData/><conditionalFormatting><cfRule><extLst><ext/></extLst></cfRule></conditionalFormatting><pageMargins left="1"/><pageSetup orientation="landscape"/><headerFooter><oddFooter>x</oddFooter></headerFooter><rowBreaks count="1"><brk id="3"/></rowBreaks><extLst><ext/></extLst></worksheet>';
  const at = drawingPosition(ws);
  expect(ws.slice(0, at).endsWith("</rowBreaks>")).toBe(true);
  expect(ws.slice(at).startsWith("<extLst>")).toBe(true);
});

test("part numbers continue after a package's existing drawings and charts", () => {
  const existing = new Map<string, string>([
    ["xl/worksheets/sheet3.xml", '<worksheet xmlns="m"><sheetData/><pageMargins left="1"/></worksheet>'],
    ["[Content_Types].xml", "<Types></Types>"],
    ["xl/drawings/drawing1.xml", "x"], ["xl/charts/chart1.xml", "x"], ["xl/charts/chart2.xml", "x"],
  ]);
  const out = chartParts({ read: (p) => existing.get(p), has: (p) => existing.has(p) }, "xl/worksheets/sheet3.xml", { ...sheet, charts: [chart] });
  expect(Object.keys(out).sort()).toEqual(["[Content_Types].xml", "xl/charts/chart3.xml", "xl/drawings/_rels/drawing2.xml.rels", "xl/drawings/drawing2.xml", "xl/worksheets/_rels/sheet3.xml.rels", "xl/worksheets/sheet3.xml"]);
  expect(out["xl/worksheets/sheet3.xml"]).toContain('<pageMargins left="1"/><drawing r:id="rId1"/></worksheet>');
  expect(out["xl/worksheets/sheet3.xml"]).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  expect(out["xl/drawings/_rels/drawing2.xml.rels"]).toContain('Target="../charts/chart3.xml"');
});
