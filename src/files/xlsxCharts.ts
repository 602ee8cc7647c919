/**
 * Native Excel charts in an .xlsx written by ExcelJS, which cannot write charts itself: each chart
 * of a sheet description becomes a DrawingML chart part (xl/charts/chartN.xml, ECMA-376 Part 1,
 * §21.2 "DrawingML - Charts"), anchored in the cells the description reserves for it through a
 * drawing part (xl/drawings/drawingN.xml, §20.5 "SpreadsheetML Drawing"), with the relationships
 * and content types that link them to the worksheet. Series refer to the sheet's own cells (so the
 * chart follows an edit) and carry a cache of the values (what a reader shows before recalculating).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { columnLetter } from "../core/cells/issue";
import { NUMBER_FORMATS, type CellContent, type CellRange, type SheetChart, type SheetDescription } from "../core/sheet/sheetDescription";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const SERIES_COLORS = ["2F5597", "70AD47", "ED7D31", "A5A5A5", "FFC000"];

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** 'Sheet name'!$A$5:$A$9 */
export function absoluteReference(sheetName: string, r: CellRange): string {
  const a = `$${columnLetter(r.fromCol)}$${r.fromRow}`;
  const b = `$${columnLetter(r.toCol)}$${r.toRow}`;
  return `'${sheetName.replace(/'/g, "''")}'!${a}:${b}`;
}

/** The cells of a one-column or one-row range, in order. */
function rangeCells(sheet: SheetDescription, r: CellRange): { value: CellContent; format?: string }[] {
  const byKey = new Map(sheet.cells.map((c) => [`${c.row},${c.col}`, c]));
  const out: { value: CellContent; format?: string }[] = [];
  for (let row = r.fromRow; row <= r.toRow; row++) {
    for (let col = r.fromCol; col <= r.toCol; col++) {
      const c = byKey.get(`${row},${col}`);
      out.push({ value: c?.value ?? null, ...(c?.format !== undefined ? { format: NUMBER_FORMATS[c.format] } : {}) });
    }
  }
  return out;
}

function seriesXml(sheet: SheetDescription, chart: SheetChart, i: number): string {
  const s = chart.series[i];
  const color = SERIES_COLORS[i % SERIES_COLORS.length];
  const cats = rangeCells(sheet, chart.categories);
  const vals = rangeCells(sheet, s.values);
  const strPts = cats.map((c, k) => (c.value === null ? "" : `<c:pt idx="${k}"><c:v>${esc(String(c.value))}</c:v></c:pt>`)).join("");
  const numPts = vals.map((c, k) => (typeof c.value === "number" && Number.isFinite(c.value) ? `<c:pt idx="${k}"><c:v>${c.value}</c:v></c:pt>` : "")).join("");
  const line = chart.kind === "line";
  const spPr = line
    ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
    : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>${chart.kind === "pie" ? "" : '<c:invertIfNegative val="0"/>'}`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>${spPr}` +
    `<c:cat><c:strRef><c:f>${esc(absoluteReference(sheet.name, chart.categories))}</c:f><c:strCache><c:ptCount val="${cats.length}"/>${strPts}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(absoluteReference(sheet.name, s.values))}</c:f><c:numCache><c:formatCode>${esc(vals[0]?.format ?? "General")}</c:formatCode><c:ptCount val="${vals.length}"/>${numPts}</c:numCache></c:numRef></c:val>` +
    `${line ? '<c:smooth val="0"/>' : ""}</c:ser>`
  );
}

/** A value axis shows whole dollars and whole percents: the cells' format without its decimals or negative section. */
export function axisFormat(cellFormat: string): string {
  return cellFormat.replace(/;.*$/, "").replace(/0\.0+/g, "0");
}

/** The chart part of one chart of the sheet (clustered or stacked columns, bars, a line or a pie). */
export function chartXml(sheet: SheetDescription, chart: SheetChart): string {
  const series = chart.series.map((_, i) => seriesXml(sheet, chart, i)).join("");
  const valueFormat = rangeCells(sheet, chart.series[0]?.values ?? chart.categories)[0]?.format ?? "General";
  const horizontal = chart.kind === "bar";
  const axes = '<c:axId val="50010"/><c:axId val="50020"/>';
  let plot: string;
  if (chart.kind === "pie") {
    plot = `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
  } else if (chart.kind === "line") {
    plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`;
  } else {
    const stacked = chart.kind === "stackedColumn";
    plot =
      `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="60"/>${stacked ? '<c:overlap val="100"/>' : ""}${axes}</c:barChart>`;
  }
  const axesXml = chart.kind === "pie" ? "" :
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines><c:spPr><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${esc(axisFormat(valueFormat))}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr><c:crossAx val="50010"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1100" b="1"/><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${axesXml}</c:plotArea>` +
    `${chart.series.length > 1 || chart.kind === "pie" ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : ""}` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part: one two-cell anchor per chart over exactly the cells the description reserves. */
export function drawingXml(charts: readonly SheetChart[], firstRelId: number): string {
  const anchors = charts.map((chart, i) => {
    const { row, col, rows, cols } = chart.anchor;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">` +
      `<xdr:from><xdr:col>${col - 1}</xdr:col><xdr:colOff>38100</xdr:colOff><xdr:row>${row - 1}</xdr:row><xdr:rowOff>19050</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${col - 1 + cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row - 1 + rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
      `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId${firstRelId + i}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join("")}</xdr:wsDr>`;
}

const relsXml = (rels: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;


/** Worksheet elements that come before <drawing> (CT_Worksheet's order, from pageMargins on). */
const BEFORE_DRAWING = ["pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags"];

/** Where <drawing> goes: right after the last of BEFORE_DRAWING (nested extLst elements of rules are skipped that way). */
export function drawingPosition(ws: string): number {
  let at = -1;
  for (const tag of BEFORE_DRAWING) {
    const start = ws.lastIndexOf(`<${tag}`);
    if (start < 0) continue;
    const open = ws.indexOf(">", start);
    const end = ws[open - 1] === "/" ? open + 1 : ws.indexOf(`</${tag}>`, open) + tag.length + 3;
    at = Math.max(at, end);
  }
  if (at < 0) throw new Error("the worksheet has no pageMargins: cannot place its drawing");
  return at;
}

/** Read access to the parts of an .xlsx package (fflate's unzipped files, or the report copy's parts as writeReportWorkbook will write them). */
export interface PackageParts {
  read(path: string): string | undefined;
  has(path: string): boolean;
}

/**
 * The parts to write so the worksheet at `sheetPath` shows the charts of `sheet`: the worksheet
 * with its <drawing>, its relationships, a new drawing part and its relationships, one chart part
 * per chart and [Content_Types].xml. Part numbers are the first free ones, so a package that
 * already has drawings or charts (a user's workbook) keeps them. The worksheet must not have a
 * drawing yet (ExcelJS writes one only for images, which the report has none of).
 */
export function chartParts(pkg: PackageParts, sheetPath: string, sheet: SheetDescription): Record<string, string> {
  const out: Record<string, string> = {};
  if (sheet.charts.length === 0) return out;
  const slash = sheetPath.lastIndexOf("/");
  const sheetFolder = sheetPath.slice(0, slash);
  const base = sheetFolder.slice(0, sheetFolder.lastIndexOf("/")); // "xl"
  const sheetRelsPath = `${sheetFolder}/_rels/${sheetPath.slice(slash + 1)}.rels`;
  let ws = pkg.read(sheetPath);
  if (ws === undefined) throw new Error(`${sheetPath} is not in the workbook`);
  if (ws.includes("<drawing ")) throw new Error(`${sheetPath} already has a drawing`);
  const free = (prefix: string): number => {
    let n = 1;
    while (pkg.has(`${prefix}${n}.xml`)) n++;
    return n;
  };
  const drawingNumber = free(`${base}/drawings/drawing`);
  const firstChart = free(`${base}/charts/chart`);
  const drawingPath = `${base}/drawings/drawing${drawingNumber}.xml`;

  // Worksheet → drawing.
  let sheetRels = pkg.read(sheetRelsPath) ?? relsXml([]);
  let relId = 1;
  while (sheetRels.includes(`Id="rId${relId}"`)) relId++;
  sheetRels = sheetRels.replace("</Relationships>", `<Relationship Id="rId${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNumber}.xml"/></Relationships>`);
  out[sheetRelsPath] = sheetRels;
  if (!/xmlns:r="/.test(ws.slice(0, ws.indexOf(">", ws.indexOf("<worksheet"))))) ws = ws.replace("<worksheet", `<worksheet xmlns:r="${NS_R}"`);
  const at = drawingPosition(ws);
  out[sheetPath] = `${ws.slice(0, at)}<drawing r:id="rId${relId}"/>${ws.slice(at)}`;

  // Drawing → charts.
  out[drawingPath] = drawingXml(sheet.charts, 1);
  out[`${base}/drawings/_rels/drawing${drawingNumber}.xml.rels`] = relsXml(sheet.charts.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_CHART}" Target="../charts/chart${firstChart + i}.xml"/>`));
  sheet.charts.forEach((chart, i) => {
    out[`${base}/charts/chart${firstChart + i}.xml`] = chartXml(sheet, chart);
  });

  // Content types.
  const overrides = [`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`, ...sheet.charts.map((_, i) => `<Override PartName="/${base}/charts/chart${firstChart + i}.xml" ContentType="${CT_CHART}"/>`)];
  out["[Content_Types].xml"] = (pkg.read("[Content_Types].xml") ?? "").replace("</Types>", `${overrides.join("")}</Types>`);
  return out;
}

/** addCharts on .xlsx bytes (fflate), for the worksheet part xl/worksheets/sheet<sheetNumber>.xml. */
export function addChartsToXlsx(xlsx: Uint8Array, sheetNumber: number, sheet: SheetDescription): Uint8Array {
  if (sheet.charts.length === 0) return xlsx;
  const files = unzipSync(xlsx) as Zippable;
  const pkg: PackageParts = {
    read: (p) => (files[p] instanceof Uint8Array ? strFromU8(files[p] as Uint8Array) : undefined),
    has: (p) => files[p] !== undefined,
  };
  for (const [p, text] of Object.entries(chartParts(pkg, `xl/worksheets/sheet${sheetNumber}.xml`, sheet))) files[p] = strToU8(text);
  return zipSync(files, { level: 6 });
}
