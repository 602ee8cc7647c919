/**
 * The physicians' handout: a workbook with the report sheet only (no register, payroll detail or
 * patient data), opened on it, its charts as DrawingML parts anchored over the reserved cells;
 * the command line's --handout writes it safely (never over an input) and --pdf says how to get
 * LibreOffice when it is missing.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import { physicianReport } from "../../src/core/report/physicianReport";
import { workbookReport, type WorkbookReport } from "../../src/core/report/workbookReport";
import { readWorkbookGrids } from "../../src/files/readWorkbook";
import { handoutWorkbookBytes } from "../../src/files/writeHandoutWorkbook";
import { sampleWorkbook } from "../../src/files/writeSampleWorkbook";
import { samplePractice } from "../../src/sample/samplePractice";
import type { SheetDescription } from "../../src/core/sheet/sheetDescription";

jest.setTimeout(120_000);

describe("the physicians' handout of the demo practice", () => {
  const sample = samplePractice();
  let dir: string;
  let book: string;
  let report: WorkbookReport;
  let sheet: SheetDescription;
  let parts: Record<string, string>;

  beforeAll(async () => {
    dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "pl-handout-"));
    book = path.join(dir, "Riverside.xlsx");
    await sampleWorkbook(sample).xlsx.writeFile(book);
    report = workbookReport(await readWorkbookGrids(book), { asOf: sample.asOf });
    sheet = physicianReport(report.figures, { audience: "physicians" });
    const files = unzipSync(await handoutWorkbookBytes(sheet));
    parts = Object.fromEntries(Object.entries(files).filter(([n]) => n.endsWith(".xml") || n.endsWith(".rels")).map(([n, b]) => [n, strFromU8(b)]));
  });

  afterAll(async () => {
    await fs.promises.rm(dir, { recursive: true, force: true });
  });

  test("one sheet, the report, opened on it", () => {
    expect(Object.keys(parts).filter((n) => n.startsWith("xl/worksheets/sheet"))).toEqual(["xl/worksheets/sheet1.xml"]);
    const sheets = parts["xl/workbook.xml"].match(/<sheet [^>]*>/g) ?? [];
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toContain('name="Physician Report 2026-10"');
    expect(parts["xl/workbook.xml"]).toMatch(/activeTab="0"/);
  });

  test("no claim number, employee name or employee id from the workbook", () => {
    const text = Object.values(parts).join("\n");
    const claimIds = new Set(sample.claims.map((c) => c.claimId));
    for (const s of parts["xl/sharedStrings.xml"].match(/<t[^>]*>[^<]*<\/t>/g) ?? []) expect(claimIds.has(s.replace(/<[^>]+>/g, ""))).toBe(false);
    expect(text).not.toContain(`${sample.practice.claimPrefix}-0`);
    const employees = new Set(sample.payroll.periods.map((p) => p.employeeId));
    expect(employees.size).toBeGreaterThan(5);
    for (const id of employees) expect(text).not.toMatch(new RegExp(`>${id}<`));
    for (const name of ["Linda Park", "Marcus Reed", "Angela Torres"]) expect(text).not.toContain(name);
    // Payroll: one total line, no department table, no tax breakdown.
    expect(text).not.toContain("Social Security");
    expect(text).not.toContain("Hours worked");
  });

  test("page setup: landscape, one page wide by two tall, title rows, header and footer, a break before the details", () => {
    const ws = parts["xl/worksheets/sheet1.xml"];
    expect(ws).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(ws).toMatch(/<pageSetup[^>]*fitToWidth="1"[^>]*fitToHeight="2"/);
    expect(ws).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(ws).toContain("<oddFooter>&amp;LAggregates only: no patient data&amp;RPage &amp;P of &amp;N</oddFooter>");
    const details = sheet.cells.find((c) => c.value === "Details")?.row ?? 0;
    // <brk id=N> is a break below row N.
    expect(ws).toContain(`<brk id="${details - 1}"`);
    const names = parts["xl/workbook.xml"].replace(/&apos;/g, "'");
    expect(names).toMatch(/_xlnm\.Print_Titles[^>]*>'?Physician Report 2026-10'?!\$1:\$2</);
    expect(names).toMatch(/_xlnm\.Print_Area[^>]*>'?Physician Report 2026-10'?!\$A\$1:\$H\$\d+</);
  });

  test("three native charts, anchored over exactly the cells the description reserves", () => {
    expect(Object.keys(parts).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort()).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml"]);
    expect(parts["xl/worksheets/_rels/sheet1.xml.rels"]).toMatch(/relationships\/drawing" Target="\.\.\/drawings\/drawing1\.xml"/);
    expect(parts["xl/worksheets/sheet1.xml"]).toMatch(/<\/rowBreaks><drawing r:id="rId\d+"\/>/);
    const ct = parts["[Content_Types].xml"];
    expect(ct).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
    for (let i = 1; i <= 3; i++) expect(ct).toContain(`PartName="/xl/charts/chart${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    const froms = [...parts["xl/drawings/drawing1.xml"].matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>\d+<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)].map((m) => [Number(m[1]) + 1, Number(m[2]) + 1]);
    expect(froms).toEqual(sheet.charts.map((c) => [c.anchor.col, c.anchor.row]));
    // Chart kinds and their data: the aging chart reads the aging table's amounts, cached to the cent.
    expect(parts["xl/charts/chart1.xml"]).toContain("<c:lineChart>");
    expect(parts["xl/charts/chart2.xml"]).toContain('<c:barDir val="col"/>');
    expect(parts["xl/charts/chart3.xml"]).toContain('<c:barDir val="bar"/>');
    const aging = sheet.charts[1].series[0].values;
    expect(parts["xl/charts/chart2.xml"]).toContain(`<c:f>'Physician Report 2026-10'!$B$${aging.fromRow}:$B$${aging.toRow}</c:f>`);
    const firstBucket = report.figures.aging.buckets[0].amount / 100;
    expect(parts["xl/charts/chart2.xml"]).toContain(`<c:pt idx="0"><c:v>${firstBucket}</c:v></c:pt>`);
  });

  test("--handout writes it next to the report copy; an input is never overwritten", async () => {
    const handout = path.join(dir, "physicians.xlsx");
    const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(await main(["report", book, "--as-of", "2026-10-31", "--out", path.join(dir, "copy.xlsx"), "--handout", handout, "--quiet"])).toBe(0);
      expect(fs.statSync(handout).size).toBeGreaterThan(10_000);
      const before = fs.readFileSync(book);
      const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
      try {
        const link = path.join(dir, "link.xlsx");
        fs.symlinkSync(book, link);
        expect(await main(["report", book, "--as-of", "2026-10-31", "--out", path.join(dir, "copy2.xlsx"), "--handout", link, "--quiet"])).toBe(2);
        expect(String(err.mock.calls.flat().join(""))).toMatch(/--handout .*must not be the input file/);
      } finally {
        err.mockRestore();
      }
      expect(fs.readFileSync(book).equals(before)).toBe(true);
    } finally {
      write.mockRestore();
    }
    // No temporary file is left behind.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("the --out copy (manager's tab) carries the charts too, and the user's sheets unchanged", () => {
    const copy = unzipSync(fs.readFileSync(path.join(dir, "copy.xlsx")));
    const original = unzipSync(fs.readFileSync(book));
    const workbookXml = strFromU8(copy["xl/workbook.xml"]);
    const rid = /<sheet name="Physician Report 2026-10"[^>]*r:id="(rId\d+)"/.exec(workbookXml)?.[1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(strFromU8(copy["xl/_rels/workbook.xml.rels"]))?.[1] ?? "";
    const sheetPart = `xl/${target.replace(/^\/?xl\//, "")}`;
    const rels = strFromU8(copy[sheetPart.replace(/worksheets\//, "worksheets/_rels/") + ".rels"]);
    expect(rels).toMatch(/relationships\/drawing"/);
    expect(Object.keys(copy).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(3);
    for (const [name, bytes] of Object.entries(original)) {
      if (!name.startsWith("xl/worksheets/")) continue;
      expect(Buffer.from(copy[name]).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  test("a budget line shows red only past the report's own over-budget threshold (5% in the demo's Settings)", () => {
    const cells = report.sheet.cells;
    const at = (row: number, col: number) => cells.find((c) => c.row === row && c.col === col)?.value;
    const statuses = cells.filter((c) => c.col === 7 && (c.value === "Unfavorable" || c.value === "Within 5.0%"));
    expect(statuses.length).toBeGreaterThan(2);
    for (const st of statuses) {
      const budgetYTD = Number(at(st.row, 2));
      const variance = Number(at(st.row, 4));
      const past = Math.abs(variance) > 0.05 * Math.abs(budgetYTD);
      expect([at(st.row, 1), st.value]).toEqual([at(st.row, 1), past ? "Unfavorable" : "Within 5.0%"]);
      expect(st.styles?.includes("bad") ?? false).toBe(past);
    }
    // The categories flagged are exactly the summary's lines over budget.
    const redCategories = statuses.filter((st) => st.value === "Unfavorable" && !(cells.find((c) => c.row === st.row && c.col === 1)?.styles ?? []).includes("total")).map((st) => at(st.row, 1));
    expect(redCategories).toEqual(report.summary.budget?.linesOverBudget);
  });

  test("--pdf without LibreOffice says how to get it", async () => {
    const saved = process.env.SOFFICE;
    process.env.SOFFICE = path.join(dir, "no-soffice-here");
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    const out = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(await main(["report", book, "--as-of", "2026-10-31", "--out", path.join(dir, "copy3.xlsx"), "--pdf", path.join(dir, "r.pdf"), "--quiet"])).toBe(1);
      expect(String(err.mock.calls.flat().join(""))).toMatch(/--pdf needs LibreOffice.*apt-get install libreoffice-calc/);
      expect(fs.existsSync(path.join(dir, "r.pdf"))).toBe(false);
    } finally {
      err.mockRestore();
      out.mockRestore();
      if (saved === undefined) delete process.env.SOFFICE;
      else process.env.SOFFICE = saved;
    }
  });
});
