/**
 * The report copy's print area and print titles (issue 10 follow-up): the injector writes them as
 * workbook.xml defined names `_xlnm.Print_Area` / `_xlnm.Print_Titles` scoped by localSheetId to the
 * new sheet (ECMA-376 Part 1, 18.2.5 definedName: localSheetId is the 0-based index of the sheet in
 * <sheets>; built-in names "_xlnm.Print_Area", "_xlnm.Print_Titles"). LibreOffice's PDF of the copy
 * shows the title rows again on the report's second page and nothing outside the print area.
 * The PDF part needs soffice and pdftotext; skipped without them except under CI=true.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetCell, SheetDescription } from "../../src/core/sheet/sheetDescription";
import { printXlsxToPdf } from "../../src/files/printPdf";
import { addSheetToXlsxCopy } from "../../src/files/xlsxInject";
import { addPrintNames, printNames } from "../../src/files/xlsxPrintNames";
import { findSoffice, runningInCI } from "../engine/soffice";

jest.setTimeout(200_000);

const SETUP = { orientation: "portrait" as const, fitToWidth: 1, fitToHeight: 0, breaksBefore: [], printArea: { fromRow: 1, fromCol: 1, toRow: 150, toCol: 3 }, titleRows: { from: 1, to: 2 } };

describe("printNames and addPrintNames", () => {
  test("formulas with the sheet name quoted, an apostrophe doubled", () => {
    expect(printNames("Dr. O'Neil 2026-10", SETUP)).toEqual([
      { name: "_xlnm.Print_Area", formula: "'Dr. O''Neil 2026-10'!$A$1:$C$150" },
      { name: "_xlnm.Print_Titles", formula: "'Dr. O''Neil 2026-10'!$1:$2" },
    ]);
    expect(printNames("X", undefined)).toEqual([]);
  });

  const names = printNames("R", { ...SETUP, titleRows: undefined });
  test("a new <definedNames> goes after <sheets> and <externalReferences> (CT_Workbook order), before calcPr", () => {
    const xml = '<workbook xmlns="m"><sheets><sheet name="A"/></sheets><externalReferences><externalReference r:id="rId9"/></externalReferences><calcPr/></workbook>';
    expect(addPrintNames(xml, 1, names)).toBe(
      '<workbook xmlns="m"><sheets><sheet name="A"/></sheets><externalReferences><externalReference r:id="rId9"/></externalReferences>' +
        '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">&apos;R&apos;!$A$1:$C$150</definedName></definedNames><calcPr/></workbook>',
    );
  });

  test("appended to the user's <definedNames> (theirs kept as written), prefixed namespace, self-closing container", () => {
    const xml = '<x:workbook xmlns:x="m"><x:sheets><x:sheet name="A"/></x:sheets><x:definedNames><x:definedName name="Rates">A!$B$2</x:definedName></x:definedNames></x:workbook>';
    expect(addPrintNames(xml, 1, names)).toBe(
      '<x:workbook xmlns:x="m"><x:sheets><x:sheet name="A"/></x:sheets><x:definedNames><x:definedName name="Rates">A!$B$2</x:definedName>' +
        '<x:definedName name="_xlnm.Print_Area" localSheetId="1">&apos;R&apos;!$A$1:$C$150</x:definedName></x:definedNames></x:workbook>',
    );
    const empty = '<workbook><sheets/><definedNames/></workbook>';
    expect(addPrintNames(empty, 0, names)).toBe('<workbook><sheets/><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">&apos;R&apos;!$A$1:$C$150</definedName></definedNames></workbook>');
  });

  test("a name already defined for that sheet is left alone", () => {
    const xml = '<workbook><sheets/><definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">old</definedName></definedNames></workbook>';
    expect(addPrintNames(xml, 1, names)).toBe(xml);
  });
});

/** A report of 150 rows: two title rows, numbered lines, and a cell outside the print area. */
function longReport(): SheetDescription {
  const cells: SheetCell[] = [
    { row: 1, col: 1, value: "Riverside Title Row", styles: ["title"] },
    { row: 2, col: 1, value: "as of 2026-10-31 subtitle", styles: ["subtitle"] },
    { row: 3, col: 5, value: "OUTSIDEPRINTAREA" },
  ];
  for (let r = 3; r <= 150; r++) cells.push({ row: r, col: 1, value: `line ${r}` }, { row: r, col: 2, value: r * 10 });
  return { name: "Physician Report 2026-10", columnWidths: [30, 12, 12, 12, 20], cells, merges: [], charts: [], conditional: [], showGridLines: false, pageSetup: SETUP };
}

describe("the report copy", () => {
  let dir: string;
  let copy: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-print-names-"));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Claims").addRow(["Claim ID", "Charge"]);
    wb.addWorksheet("Payroll").addRow(["Employee", "Wages"]);
    const input = path.join(dir, "book.xlsx");
    await wb.xlsx.writeFile(input);
    copy = path.join(dir, "copy.xlsx");
    await addSheetToXlsxCopy(input, copy, longReport());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("workbook.xml names the print area and title rows of the third sheet (localSheetId 2)", async () => {
    const xml = await (await JSZip.loadAsync(fs.readFileSync(copy))).file("xl/workbook.xml")!.async("string");
    expect(xml).toContain('<definedName name="_xlnm.Print_Area" localSheetId="2">&apos;Physician Report 2026-10&apos;!$A$1:$C$150</definedName>');
    expect(xml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;Physician Report 2026-10&apos;!$1:$2</definedName>');
  });

  const soffice = findSoffice();
  const pdftotext = spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).error === undefined;
  if ((soffice === null || !pdftotext) && runningInCI()) test("LibreOffice and pdftotext are installed (CI)", () => expect({ soffice, pdftotext }).toEqual({ soffice: expect.anything(), pdftotext: true }));
  (soffice !== null && pdftotext ? test : test.skip)("LibreOffice's PDF repeats the title rows on the report's second page, prints nothing outside the area", () => {
    const pdf = path.join(dir, "copy.pdf");
    fs.writeFileSync(pdf, printXlsxToPdf(soffice!.command, copy));
    const pages = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout.split("\f");
    const first = pages.findIndex((p) => /line 3\b/.test(p));
    expect(first).toBeGreaterThanOrEqual(0);
    const second = pages[first + 1] ?? "";
    // Page 2 of the report: later lines, and rows 1-2 printed again at its top.
    expect(second).toMatch(/line \d{2,3}/);
    expect(second).not.toMatch(/line 3\b/);
    expect(second).toContain("Riverside Title Row");
    expect(second).toContain("as of 2026-10-31 subtitle");
    expect(pages.join("")).not.toContain("OUTSIDEPRINTAREA");
  });
});
