/**
 * Work RVUs per provider (issue 10): Σ units × work RVU of the line's code (CMS PFS). The
 * expected figures are worked out by hand below from the small register and 3-row RVU table,
 * not taken from the code's output.
 *
 * RVU table: 99213 = 1.30, 99214 = 1.92, 93000 = 0.17.
 * Period lines (as of 2026-09-30, period Oct 2025 - Sep 2026):
 *   Dr. Adams: C1 99213 ×1 = 1.30; C1 93000 ×1 = 0.17; C2 99214-25 ×1 = 1.92 (25 does not change it) → 3.39
 *   Dr. Baker: C3 99213 ×2 = 2.60; C3 36415 ×1 = no RVU (counted, 0); C4 "dr. baker" 99214 ×1 = 1.92 → 4.52
 *   C5 Dr. Baker 99214 on 2025-08-15 is before the period: not counted.
 * Total 7.91; 5 lines with a work RVU, 1 without (36415).
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { workbookReport } from "../../../src/core/report/workbookReport";
import { physicianReport } from "../../../src/core/report/physicianReport";
import { readRvuTable } from "../../../src/core/rvu/readRvuTable";
import { workRvuLookup } from "../../../src/core/rvu/workRvuLookup";
import { workRvusByProvider } from "../../../src/core/rvu/workRvusByProvider";
import { dayFromYMD } from "../../../src/core/dates/day";
import type { SheetDescription } from "../../../src/core/sheet/sheetDescription";

const asOf = dayFromYMD(2026, 9, 30)!;
const CLAIMS = [
  ["Claim ID", "Date of Service", "Payer", "CPT", "Modifiers", "Units", "Provider", "Charge", "Insurance Paid", "Patient Paid", "Contractual Adj", "Status"],
  ["C1", "2026-09-02", "Aetna", "99213", null, 1, "Dr. Adams", 150, 90, 20, 40, "Paid"],
  ["C1", "2026-09-02", "Aetna", "93000", null, 1, "Dr. Adams", 60, 20, 0, 40, "Paid"],
  ["C2", "2026-08-10", "Medicare", "99214", "25", 1, "Dr. Adams", 200, 0, 0, 0, "Submitted"],
  ["C3", "2026-07-01", "Aetna", "99213", null, 2, "Dr. Baker", 300, 0, 0, 0, "Denied"],
  ["C3", "2026-07-01", "Aetna", "36415", null, 1, "Dr. Baker", 20, 0, 0, 0, "Denied"],
  ["C4", "2026-06-15", "Aetna", "99214", null, 1, "dr. baker", 200, 100, 0, 100, "Paid"],
  ["C5", "2025-08-15", "Aetna", "99214", null, 1, "Dr. Baker", 200, 100, 0, 100, "Paid"],
];
const RVUS = [
  ["HCPCS", "MOD", "DESCRIPTION", "WORK RVU", "NON-FAC PE RVU", "FACILITY PE RVU", "MP RVU"],
  ["99213", null, "Office visit, est., low", 1.3, 1.26, 0.53, 0.09],
  ["99214", null, "Office visit, est., moderate", "1.92", 1.63, 0.78, 0.14],
  ["93000", null, "ECG, complete", 0.17, 0.31, 0.31, 0.02],
];
const FEES = [["Payer", "CPT", "Allowed Amount"], ["Aetna", "99213", 110]];

const cellsOf = (sheet: SheetDescription) => sheet.cells;
function productivityTable(sheet: SheetDescription): { header: unknown[]; rows: Map<string, unknown[]> } {
  const headerCell = cellsOf(sheet).find((c) => c.value === "Provider" && c.col === 1)!;
  const rowOf = (r: number): unknown[] => cellsOf(sheet).filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => c.value);
  const rows = new Map<string, unknown[]>();
  for (let r = headerCell.row + 1; ; r++) {
    const row = rowOf(r);
    if (row.length < 2) break;
    rows.set(String(row[0]), row);
  }
  return { header: rowOf(headerCell.row), rows };
}

describe("work RVUs per provider from an RVUs sheet", () => {
  const report = workbookReport(
    [{ name: "Claims", grid: CLAIMS }, { name: "Fee Schedule", grid: FEES }, { name: "RVUs", grid: RVUS }],
    { asOf },
  );

  test("figures: 3.39 for Dr. Adams, 4.52 for Dr. Baker, 7.91 in all; one line without an RVU", () => {
    const by = new Map(report.figures.providers.map((p) => [p.provider, p.workRVUs?.toString()]));
    expect(by.get("Dr. Adams")).toBe("3.39");
    expect(by.get("Dr. Baker")).toBe("4.52");
    const w = report.figures.workRvus!;
    expect(w.sheet).toBe("RVUs");
    expect(w.total.toString()).toBe("7.91");
    expect([w.linesWithRvu, w.linesWithoutRvu, w.tableRows]).toEqual([5, 1, 3]);
    expect(w.codesWithoutRvu).toEqual([{ cpt: "36415", lines: 1 }]);
    expect(w.leftOut).toEqual([]);
  });

  test("JSON summary: providers[].workRVUs and the workRVUs section", () => {
    const s = report.summary;
    expect(s.providers.map((p) => [p.provider, p.workRVUs])).toEqual(expect.arrayContaining([["Dr. Adams", "3.39"], ["Dr. Baker", "4.52"]]));
    expect(s.workRVUs).toEqual({ sheet: "RVUs", total: "7.91", tableRows: 3, linesWithRvu: 5, linesWithoutRvu: 1, codesWithoutRvu: [{ cpt: "36415", lines: 1 }], leftOut: [] });
  });

  test("the productivity table has a Work RVUs column, and the notes say what counts 0", () => {
    for (const sheet of [report.sheet, physicianReport(report.figures, { audience: "physicians" })]) {
      const t = productivityTable(sheet);
      expect(t.header).toEqual(["Provider", "Charges", "Payments", "Visits", "Charges per visit", "Share of charges", "Work RVUs"]);
      expect(t.rows.get("Dr. Adams")?.[6]).toBeCloseTo(3.39, 10);
      expect(t.rows.get("Dr. Baker")?.[6]).toBeCloseTo(4.52, 10);
      const notes = sheet.cells.filter((c) => c.styles?.includes("note")).map((c) => String(c.value));
      expect(notes.some((n) => n.includes('sheet "RVUs"') && n.includes("modifier payment reductions are not applied"))).toBe(true);
      expect(notes).toContain("1 of 6 lines have no work RVU in the table and count 0 (codes 36415).");
    }
  });

  test("the RVUs sheet is not taken for a budget, payroll or settings sheet", () => {
    expect(report.budget).toBeNull();
    expect(report.payroll).toBeNull();
  });
});

test("a Work RVU column in the fee schedule is used when there is no RVUs sheet", () => {
  const fees = [
    ["Payer", "CPT", "Allowed Amount", "Work RVU"],
    ["Aetna", "99213", 110, 1.3],
    ["Medicare", "99213", 95, 1.3], // the same code for another payer, same RVU: no warning
    ["Aetna", "99214", 160, 1.92],
    ["Aetna", "93000", 25, 0.17],
  ];
  const report = workbookReport([{ name: "Claims", grid: CLAIMS }, { name: "Fee Schedule", grid: fees }], { asOf });
  expect(report.figures.workRvus?.sheet).toBe("Fee Schedule");
  expect(report.figures.workRvus?.total.toString()).toBe("7.91");
  expect(report.figures.feeCheck).not.toBeNull(); // still the fee schedule
});

test("no RVU table: no workRVUs, the table keeps six columns and says why", () => {
  const report = workbookReport([{ name: "Claims", grid: CLAIMS }, { name: "Fee Schedule", grid: FEES }], { asOf });
  expect(report.figures.workRvus).toBeNull();
  expect(report.summary.workRVUs).toBeNull();
  expect(report.summary.providers.every((p) => p.workRVUs === null)).toBe(true);
  expect(productivityTable(report.sheet).header).toHaveLength(6);
  expect(report.sheet.cells.some((c) => typeof c.value === "string" && c.value.startsWith("Work RVUs are not shown: no RVU table was found"))).toBe(true);
});

describe("readRvuTable", () => {
  test("recognises a PFS-style header under title rows and lists the rows it cannot read", () => {
    const grid = [
      ["ADDENDUM B: RELATIVE VALUE UNITS"],
      [],
      ["HCPCS", "MOD", "DESCRIPTION", "STATUS CODE", "WORK RVU", "NON-FAC PE RVU", "FACILITY PE RVU", "MP RVU"],
      ["99213", null, "Office visit", "A", 1.3, 1.26, 0.53, 0.09], // row 4
      ["71046", "26", "Chest x-ray, 2 views", "A", 0.22, 0.09, 0.09, 0.01], // row 5
      ["71046", "TC", "Chest x-ray, 2 views", "A", 0, 0.7, "NA", 0.01], // row 6
      ["0001A", null, "Vaccine administration", "X", "NA", "NA", "NA", "NA"], // row 7: NA work RVU
      [null, null, "orphan", "A", 0.5, 0, 0, 0], // row 8: no code
      ["99214", "26 TC", "two modifiers", "A", 1.92, 0, 0, 0], // row 9
      ["99215", null, "negative", "A", -1, 0, 0, 0], // row 10
      ["99213", null, "repeat, another RVU", "A", 1.5, 0, 0, 0], // row 11: warning, row 4 used
      ["99213", null, "repeat, same RVU", "A", "1.30", 0, 0, 0], // row 12: silently ignored
      [100, null, "anesthesia code typed as a number", "J", 0, 0, 0, 0], // row 13: → 00100
      [],
    ];
    const read = readRvuTable(grid, "PPRRVU26")!;
    expect(read.headerRow).toBe(3);
    expect(read.rows.map((r) => [r.row, r.cpt, r.modifier, r.work.toString()])).toEqual([
      [4, "99213", null, "1.3"], [5, "71046", "26", "0.22"], [6, "71046", "TC", "0"], [13, "00100", null, "0"],
    ]);
    expect(read.issues.map((i) => [i.row, i.column, i.severity, i.message])).toEqual([
      [7, "E", "error", "work RVU is not a number"],
      [8, "A", "error", "CPT/HCPCS code is blank"],
      [9, "B", "error", "one modifier per RVU row"],
      [10, "E", "error", "work RVU is negative"],
      [11, "E", "warning", "repeats row 4 (same code and modifier) with another work RVU; row 4 is used, this row is ignored"],
    ]);
    expect(read.issues.every((i) => i.sheet === "PPRRVU26")).toBe(true);
    expect(read.rowsRead).toBe(10);
  });

  test("CMS's PFS relative value file as CSV: a preamble, then a header over two rows (WORK above RVU)", () => {
    // Layout of PPRRVU*.csv as CMS ships it (9 preamble lines, "WORK" / "NON-FAC" … above "RVU" /
    // "PE RVU" …, every cell text); the data rows are the CY2026 values the sample uses.
    const grid: string[][] = [
      ...Array.from({ length: 8 }, (_, i) => [`HDR line ${i + 1}: CPT codes and descriptions only are copyright 2025 American Medical Association.`]),
      ["", "", "", "STATUS", "NOT USED FOR MEDICARE", "WORK", "NON-FAC", "NON-FAC", "FACILITY", "FACILITY", "MP", "NON-FACILITY", "FACILITY", "PCTC", "GLOB"],
      ["HCPCS", "MOD", "DESCRIPTION", "CODE", "PAYMENT", "RVU", "PE RVU", "NA INDICATOR", "PE RVU", "NA INDICATOR", "RVU", "TOTAL", "TOTAL", "IND", "DAYS"],
      ["99213", "", "Office o/p est low 20 min", "A", "", "1.30", "1.26", "", "0.53", "", "0.09", "2.65", "1.92", "0", "XXX"],
      ["71046", "26", "X-ray exam chest 2 views", "A", "", "0.22", "0.09", "", "0.09", "", "0.01", "0.32", "0.32", "1", "XXX"],
      ["71046", "TC", "X-ray exam chest 2 views", "A", "", "0.00", "0.70", "", "NA", "NA", "0.01", "0.71", "NA", "1", "XXX"],
    ];
    const read = readRvuTable(grid, "PPRRVU26_JAN")!;
    expect(read.headerRow).toBe(10);
    expect(read.rows.map((r) => [r.row, r.cpt, r.modifier, r.work.toString()])).toEqual([[11, "99213", null, "1.3"], [12, "71046", "26", "0.22"], [13, "71046", "TC", "0"]]);
    expect(read.issues).toEqual([]);
  });

  test("left-out rows reach the JSON summary and the notes", () => {
    const rvus = [...RVUS, ["71046", null, "bad", "n/a", 0, 0, 0]];
    const report = workbookReport([{ name: "Claims", grid: CLAIMS }, { name: "RVUs", grid: rvus }], { asOf });
    expect(report.summary.workRVUs?.leftOut).toEqual([{ sheet: "RVUs", row: 5, column: "D", reason: "work RVU is not a number" }]);
    const said = (sheet: SheetDescription): boolean => sheet.cells.some((c) => typeof c.value === "string" && c.value.startsWith("1 row(s) of the RVU table could not be read"));
    expect(said(report.sheet)).toBe(true);
    expect(said(physicianReport(report.figures, { audience: "physicians" }))).toBe(false); // manager's detail
    expect(report.figures.providers.find((p) => p.provider === "Dr. Adams")?.workRVUs?.toString()).toBe("3.39"); // the good rows still count
  });

  test("sheets without a code and a work RVU column are not RVU tables", () => {
    expect(readRvuTable(CLAIMS, "Claims")).toBeNull();
    expect(readRvuTable(FEES, "Fee Schedule")).toBeNull();
    expect(readRvuTable([["Setting", "Value"], ["Practice name", "X"]], "Settings")).toBeNull();
  });
});

describe("workRvuLookup and workRvusByProvider", () => {
  const lookup = workRvuLookup([
    { row: 2, cpt: "71046", modifier: null, work: new Decimal("0.22") },
    { row: 3, cpt: "71046", modifier: "26", work: new Decimal("0.22") },
    { row: 4, cpt: "71046", modifier: "TC", work: new Decimal("0") },
    { row: 5, cpt: "20610", modifier: null, work: new Decimal("0.79") },
  ]);

  test("a modifier with its own row (26, TC) takes it; other modifiers take the row without modifier", () => {
    expect(lookup("71046", ["TC"])?.toString()).toBe("0");
    expect(lookup("71046", ["26"])?.toString()).toBe("0.22");
    expect(lookup(" 71046 ", [])?.toString()).toBe("0.22");
    expect(lookup("20610", ["50"])?.toString()).toBe("0.79"); // bilateral: no payment adjustment on wRVUs
    expect(lookup("20611", [])).toBeNull();
  });

  test("property: the providers' work RVUs add up to the total, which is Σ units × RVU worked in hundredths", () => {
    const rvuCents: Record<string, number> = { "71046": 22, "20610": 79 };
    fc.assert(
      fc.property(
        fc.array(fc.record({
          provider: fc.constantFrom("A", "a ", "B", null, ""),
          cpt: fc.constantFrom("71046", "20610", "99999", null),
          units: fc.integer({ min: 0, max: 20 }),
        }), { maxLength: 60 }),
        (lines) => {
          const w = workRvusByProvider(lines.map((l) => ({ ...l, modifiers: [] })), lookup);
          const sum = [...w.byProvider.values()].reduce((a, b) => a.plus(b), new Decimal(0));
          const hundredths = lines.reduce((n, l) => n + (l.cpt !== null && rvuCents[l.cpt] !== undefined ? l.units * rvuCents[l.cpt] : 0), 0);
          return sum.eq(w.total) && w.total.times(100).eq(hundredths) && w.linesWithRvu + w.linesWithoutRvu === lines.length && w.byProvider.size <= 3;
        },
      ),
    );
  });
});
