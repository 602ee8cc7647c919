/**
 * The description's page setup through Office.js: Worksheet.pageLayout (orientation, margins,
 * zoom as fit-to-pages, print area, title rows, header/footer) and horizontalPageBreaks, all of
 * ExcelApi 1.9 ("Excel.PageLayout class", https://learn.microsoft.com/javascript/api/excel/excel.pagelayout;
 * "Excel.PageLayoutZoomOptions interface", https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions:
 * zoom must be set as a whole object). Where ExcelApi 1.9 is missing, the sheet is rendered
 * without it (Excel's default page setup) and nothing fails.
 */
import { rangeAddress, type PageSetup } from "../core/sheet/sheetDescription";

/** Margins are given in inches; Office.js takes points. */
const POINTS_PER_INCH = 72;
/** Inches to points, rounded to a thousandth (0.6 × 72 is 43.199999… in binary floating point). */
const points = (inches: number): number => Math.round(inches * POINTS_PER_INCH * 1000) / 1000;

/** True when the host has ExcelApi 1.9 (page layout). */
export function pageLayoutSupported(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.9") === true;
  } catch {
    return false;
  }
}

/** Queues the page setup on the worksheet (no sync). */
export function applyPageLayout(ws: Excel.Worksheet, p: PageSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  layout.centerHorizontally = true;
  if (p.margins !== undefined) {
    layout.leftMargin = points(p.margins.left);
    layout.rightMargin = points(p.margins.right);
    layout.topMargin = points(p.margins.top);
    layout.bottomMargin = points(p.margins.bottom);
    layout.headerMargin = points(p.margins.header);
    layout.footerMargin = points(p.margins.footer);
  }
  if (p.printArea !== undefined) layout.setPrintArea(rangeAddress(p.printArea));
  if (p.titleRows !== undefined) layout.setPrintTitleRows(`$${p.titleRows.from}:$${p.titleRows.to}`);
  const hf = layout.headersFooters.defaultForAllPages;
  // Office.js takes each part separately, with the same codes (&P, &N) but without &L/&C/&R.
  if (p.header?.left !== undefined) hf.leftHeader = p.header.left;
  if (p.header?.center !== undefined) hf.centerHeader = p.header.center;
  if (p.header?.right !== undefined) hf.rightHeader = p.header.right;
  if (p.footer?.left !== undefined) hf.leftFooter = p.footer.left;
  if (p.footer?.center !== undefined) hf.centerFooter = p.footer.center;
  if (p.footer?.right !== undefined) hf.rightFooter = p.footer.right;
  for (const row of p.breaksBefore) ws.horizontalPageBreaks.add(`A${row}`);
}
