/**
 * The regression corpus (see README.md beside this file): each real workbook read cell by cell
 * against LibreOffice's reading of it, and used as the input of a report injection.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unzipSync } from "fflate";
import type { SheetDescription } from "../../src/core/sheet/sheetDescription";
import { addSheetToXlsxCopy } from "../../src/files/xlsxInject";
import { readXlsxGrids } from "../../src/files/xlsxReader";

const EXPECTED = JSON.parse(fs.readFileSync(path.join(__dirname, "expected-libreoffice.json"), "utf8")) as Record<string, Record<string, string[][]>>;
const FILES = Object.keys(EXPECTED);

/** Excel serial (1900 system) of an M/D/Y date as LibreOffice shows it. */
function serialOfUsDate(text: string): number | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return m === null ? null : (Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])) - Date.UTC(1899, 11, 30)) / 86400000;
}

/** Does our cell value read as LibreOffice's text for it? */
function agrees(ours: unknown, theirs: string): boolean {
  if (ours === null || ours === undefined) return theirs === "";
  if (typeof ours === "string") return ours === theirs;
  if (typeof ours === "boolean") return theirs === (ours ? "TRUE" : "FALSE");
  if (typeof ours === "number") {
    // LibreOffice writes a percent-formatted cell with its "%" (15 significant digits).
    const n = theirs.endsWith("%") ? Number(theirs.slice(0, -1)) / 100 : Number(theirs);
    const expected = theirs.trim() !== "" && Number.isFinite(n) ? n : serialOfUsDate(theirs);
    return expected !== null && Math.abs(expected - ours) <= 1e-9 * Math.max(1, Math.abs(ours));
  }
  if (typeof ours === "object" && "error" in (ours as object)) return (ours as { error: string }).error === theirs;
  return false;
}

const fileName = (sheet: string): string => sheet.replace(/[:/\\?*[\]]/g, "_");

const REPORT: SheetDescription = {
  name: "Physician Report 2026-10",
  columnWidths: [20, 12],
  cells: [{ row: 1, col: 1, value: "A/R total", styles: ["label"] }, { row: 1, col: 2, value: 382.5, format: "money" }],
  merges: [],
  charts: [],
  conditional: [],
  showGridLines: true,
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-corpus-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(FILES)("%s", (file) => {
  const input = path.join(__dirname, file);

  it("reads every cell as LibreOffice does", async () => {
    const sheets = await readXlsxGrids(input);
    for (const [name, rows] of Object.entries(EXPECTED[file])) {
      const ours = sheets.find((s) => fileName(s.name) === name);
      if (ours === undefined) {
        // A chart sheet: no cells (this reader skips it).
        expect(rows.flat().every((c) => c === "")).toBe(true);
        continue;
      }
      const height = Math.max(rows.length, ours.grid.length);
      const mismatches: string[] = [];
      for (let r = 0; r < height; r++) {
        const theirs = rows[r] ?? [];
        const mine = ours.grid[r] ?? [];
        for (let c = 0; c < Math.max(theirs.length, mine.length); c++) {
          if (!agrees(mine[c], theirs[c] ?? "")) mismatches.push(`${name} R${r + 1}C${c + 1}: ours ${JSON.stringify(mine[c])}, LibreOffice ${JSON.stringify(theirs[c] ?? "")}`);
        }
      }
      expect(mismatches).toEqual([]);
    }
  });

  it("takes a report sheet with every part the report need not touch byte-identical", async () => {
    const out = path.join(dir, file);
    await addSheetToXlsxCopy(input, out, REPORT);
    const before = unzipSync(fs.readFileSync(input));
    const after = unzipSync(fs.readFileSync(out));
    const edited = /(^|\/)(workbook\.xml|workbook\.xml\.rels|\[Content_Types\]\.xml|styles\.xml)$/i;
    for (const name of Object.keys(before)) {
      if (edited.test(name)) continue;
      expect([name, Buffer.from(after[name] ?? []).equals(Buffer.from(before[name]))]).toEqual([name, true]);
    }
    const sheets = await readXlsxGrids(out);
    expect(sheets[sheets.length - 1].grid[0]).toEqual(["A/R total", 382.5]);
  });
});
