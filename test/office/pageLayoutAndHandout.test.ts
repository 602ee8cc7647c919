/**
 * Office.js side of issue 10: the report's page setup through Worksheet.pageLayout and
 * horizontalPageBreaks (ExcelApi 1.9: "Excel.PageLayout class",
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout; zoom set as a whole object per
 * "Excel.PageLayoutZoomOptions interface", https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions),
 * skipped where the set is missing; and the physicians' handout opened with Excel.createWorkbook
 * (ExcelApi 1.8, base64 .xlsx; office-js#3568: refused under extensionHardening), here with a
 * stand-in for createWorkbook that records what it was given.
 */
import { strFromU8, unzipSync } from "fflate";
import { dayFromYMD } from "../../src/core/dates/day";
import { physicianReport, SECTION_TITLES } from "../../src/core/report/physicianReport";
import { openPhysicianHandout, OperationError } from "../../src/office/operations";
import { bytesToBase64 } from "../../src/office/operations/handout";
import { renderSheetDescription } from "../../src/office/renderSheet";
import { SimulatedExcel } from "./simulatedExcel";
import { excelContext, figuresFor, registerGrid } from "./helpers";

describe("page layout through Office.js", () => {
  const report = physicianReport(figuresFor(300));

  test("ExcelApi 1.9 present: landscape, fit 1 page wide, print area, title rows, header/footer, break before the details; still 2 syncs", async () => {
    const sim = new SimulatedExcel(["Claims Register"]);
    const result = await renderSheetDescription(excelContext(sim), report, { pageLayout: true });
    expect(result.syncs).toBe(2);
    const layout = JSON.parse(sim.snapshot(result.name)).pageLayout;
    const last = Math.max(...report.cells.map((c) => c.row));
    // Margins: inches × 72 points (0.4 in = 28.8 pt, 0.6 in = 43.2 pt).
    expect(layout.settings).toMatchObject({
      orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, centerHorizontally: true,
      leftMargin: 28.8, topMargin: 43.2,
    });
    expect(layout.printArea).toBe(`A1:H${last}`);
    expect(layout.printTitleRows).toBe("$1:$2");
    expect(layout.headerFooter).toEqual({
      leftHeader: "Riverside Family Medicine", rightHeader: "Physician report as of 2026-10-31",
      leftFooter: "Aggregates only: no patient data", rightFooter: "Page &P of &N",
    });
    const details = report.cells.find((c) => c.value === SECTION_TITLES.details)?.row;
    expect(layout.pageBreaks[0]).toBe(`A${details}`);
  });

  test("ExcelApi 1.9 missing: the sheet is rendered without a page layout, and nothing fails", async () => {
    const sim = new SimulatedExcel(["Claims Register"]);
    const result = await renderSheetDescription(excelContext(sim), report, { pageLayout: false });
    expect(JSON.parse(sim.snapshot(result.name)).pageLayout).toEqual({ settings: {}, printArea: null, printTitleRows: null, headerFooter: {}, pageBreaks: [] });
  });
});

describe("the physicians' handout as a new workbook", () => {
  const asOf = dayFromYMD(2026, 10, 31) as number;

  test("built in the pane and handed to createWorkbook as a base64 .xlsx holding the report only; the open workbook is untouched", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims Register", registerGrid(300));
    const before = sim.snapshotAll();
    const given: string[] = [];
    const result = await openPhysicianHandout(excelContext(sim), { asOf, createWorkbook: async (b64) => void given.push(b64) });
    expect(given).toHaveLength(1);
    const bytes = Uint8Array.from(atob(given[0]), (ch) => ch.charCodeAt(0));
    expect(bytes.length).toBe(result.bytes);
    const files = unzipSync(bytes);
    expect(Object.keys(files).filter((n) => n.startsWith("xl/worksheets/sheet"))).toEqual(["xl/worksheets/sheet1.xml"]);
    expect(strFromU8(files["xl/workbook.xml"])).toContain(`name="${result.sheet}"`);
    expect(Object.keys(files).filter((n) => n.startsWith("xl/charts/"))).toHaveLength(3);
    expect(sim.snapshotAll()).toEqual(before);
  });

  test("a refusal by Excel (extension hardening) becomes a plain message", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims Register", registerGrid(50));
    const refuse = async () => {
      throw new Error("This operation is not allowed due to the extension hardening policy.");
    };
    await expect(openPhysicianHandout(excelContext(sim), { asOf, createWorkbook: refuse })).rejects.toThrow(OperationError);
    await expect(openPhysicianHandout(excelContext(sim), { asOf, createWorkbook: refuse })).rejects.toThrow(/extension hardening policy of this computer/);
  });

  test("base64 of any bytes, in chunks, as btoa gives it", () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});
