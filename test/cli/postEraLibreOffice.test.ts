/**
 * The posted copy of an .xlsx register (two new sheets with Excel tables carried by the injector)
 * opened by LibreOffice headless (own profile, test/engine/soffice.ts) and saved again: both sheets
 * come through with the posted amounts (managed-care sample, by hand in test/era/postRemittances.test.ts:
 * row 2 paid 450.00, CO 50.00; row 3 paid 495.00, CO 105.00) and the practice's own column.
 * Skipped without soffice, except under CI=true.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { readWorkbookGrids } from "../../src/files/readWorkbook";
import { SAMPLES } from "../era/helpers";
import { findSoffice, recalcWithLibreOffice, runningInCI } from "../engine/soffice";

jest.setTimeout(200_000);
const soffice = findSoffice();

if (soffice === null && runningInCI()) {
  test("LibreOffice is installed (CI)", () => {
    throw new Error("missing soffice (apt-get install libreoffice-calc)");
  });
}

(soffice !== null ? describe : describe.skip)("the posted copy opened by LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-post-era-lo-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("both new sheets open, with the posted amounts and the kept column", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Claims");
    ws.addRow(["Claim #", "DOS", "Payer", "CPT", "Billed", "Ins Paid", "Adj", "Status", "Acct No"]);
    ws.addRow(["5554555444", "2002-03-01", "Rushmore Life", "99211", 800, 0, 0, "Submitted", "A-1001"]);
    ws.addRow(["8765432112", "2002-03-10", "Rushmore Life", "93555", 1200, 0, 0, "Submitted", "A-1002"]);
    const book = path.join(dir, "book.xlsx");
    await wb.xlsx.writeFile(book);
    const posted = path.join(dir, "posted.xlsx");
    const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(await main(["post-era", book, path.join(SAMPLES, "managed-care.835"), "--out", posted])).toBe(0);
    } finally {
      write.mockRestore();
    }
    const [saved] = recalcWithLibreOffice(soffice!, [posted], path.join(dir, "lo")).outputs;
    const sheets = await readWorkbookGrids(saved);
    expect(sheets.map((s) => s.name)).toEqual(["Claims", "Claims Register (posted)", "Posting Journal"]);
    const grid = sheets[1].grid;
    const header = grid[0].map(String);
    const col = (h: string) => header.indexOf(h);
    expect(grid.slice(1, 3).map((r) => [r[0], r[col("Insurance Paid")], r[col("Contractual Adj")], r[col("Acct No")]])).toEqual([
      ["5554555444", 450, 50, "A-1001"],
      ["8765432112", 495, 105, "A-1002"],
    ]);
    expect(sheets[2].grid[0][0]).toBe("Posted At");
    expect(sheets[2].grid.length).toBeGreaterThanOrEqual(3);
    // LibreOffice read both tables (as database ranges) and wrote them back as table parts.
    const zip = await JSZip.loadAsync(fs.readFileSync(saved));
    const tables = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/tables\/[^/]+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    expect(tables.map((t) => /\sref="([^"]+)"/.exec(t)?.[1]).sort()).toEqual(["A1:P3", "A1:V3"]);
  });
});
