/**
 * The demo's physicians' handout printed by LibreOffice (one headless run, own profile): at most 2
 * landscape pages, with the three native charts drawn (their titles are only in the chart parts,
 * so pdftotext finding them means LibreOffice rendered the charts). The first page is saved as a
 * PNG under artifacts/ (git-ignored) for review.
 *
 * Needs soffice (libreoffice-calc) and pdfinfo/pdftotext/pdftoppm (poppler-utils). Without them
 * the test is skipped, except under CI=true, where they must be present (.ci/run installs both).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { physicianReport } from "../../src/core/report/physicianReport";
import { workbookReport } from "../../src/core/report/workbookReport";
import { printXlsxToPdf } from "../../src/files/printPdf";
import { readWorkbookGrids } from "../../src/files/readWorkbook";
import { handoutWorkbookBytes } from "../../src/files/writeHandoutWorkbook";
import { sampleWorkbook } from "../../src/files/writeSampleWorkbook";
import { samplePractice } from "../../src/sample/samplePractice";
import { findSoffice, runningInCI } from "../engine/soffice";

jest.setTimeout(240_000);

const ARTIFACTS = path.join(__dirname, "..", "..", "artifacts");
const has = (tool: string): boolean => spawnSync(tool, ["-v"], { encoding: "utf8" }).error === undefined;
const soffice = findSoffice();
const poppler = has("pdfinfo") && has("pdftotext") && has("pdftoppm");
const ready = soffice !== null && poppler;

if (!ready && runningInCI()) {
  test("LibreOffice and poppler-utils are installed (CI)", () => {
    throw new Error(`missing: ${soffice === null ? "soffice (apt-get install libreoffice-calc) " : ""}${poppler ? "" : "pdfinfo/pdftotext/pdftoppm (apt-get install poppler-utils)"}`);
  });
}

(ready ? describe : describe.skip)("the demo's handout printed by LibreOffice", () => {
  let dir: string;
  let pdf: string;

  beforeAll(async () => {
    dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "pl-handout-pdf-"));
    const sample = samplePractice();
    const book = path.join(dir, "sample.xlsx");
    await sampleWorkbook(sample).xlsx.writeFile(book);
    const report = workbookReport(await readWorkbookGrids(book), { asOf: sample.asOf });
    const xlsx = path.join(dir, "handout.xlsx");
    fs.writeFileSync(xlsx, await handoutWorkbookBytes(physicianReport(report.figures, { audience: "physicians" })));
    pdf = path.join(dir, "handout.pdf");
    fs.writeFileSync(pdf, printXlsxToPdf((soffice as { command: string }).command, xlsx));
  });

  afterAll(async () => {
    await fs.promises.rm(dir, { recursive: true, force: true });
  });

  test("at most 2 pages, US Letter landscape", () => {
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    // 11 × 8.5 in = 792 × 612 pt: wider than tall.
    expect(info).toMatch(/Page size:\s+792 x 612 pts/);
  });

  test("the charts are drawn, the tiles and the footer are on page 1", () => {
    const page1 = spawnSync("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"], { encoding: "utf8" }).stdout;
    for (const title of ["Charges and payments by month", "Payer mix: share of charges vs", "A/R aging"]) expect(page1).toContain(title);
    expect(page1).toContain("Net collection (adjusted)");
    expect(page1).toContain("Provider productivity");
    expect(page1).toMatch(/Page 1 of [12]/);
    expect(page1).toContain("Riverside Family Medicine");
  });

  test("a PNG of page 1 for review (artifacts/)", () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const prefix = path.join(ARTIFACTS, "physician-handout");
    spawnSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "110", "-png", "-singlefile", pdf, prefix], { encoding: "utf8" });
    fs.copyFileSync(pdf, path.join(ARTIFACTS, "physician-handout.pdf"));
    expect(fs.statSync(`${prefix}.png`).size).toBeGreaterThan(20_000);
  });
});
