/**
 * The physician report's layout as data (its sheet description): KPI tiles first, with value,
 * benchmark, status and change vs last month worked out by hand below; the chart band, provider
 * productivity, then the details; every chart in cells reserved for it (no chart over a table);
 * the page setup (landscape, one page wide, handout two pages tall, title rows, header/footer,
 * a page break before the details); the physicians' copy without payroll or register detail.
 */
import type { ClaimLine } from "../../src/core/claims/claimLine";
import { dayFromYMD, excelSerialFromDay, type Day } from "../../src/core/dates";
import { physicianReport, SECTION_TITLES, REPORT_COLUMN_WIDTHS } from "../../src/core/report/physicianReport";
import { reportFigures, type TrendPoint } from "../../src/core/report/reportFigures";
import { trendFromReportTab } from "../../src/core/report/trendFromReportTab";
import { chartCells, rangesOverlap, type SheetDescription } from "../../src/core/sheet/sheetDescription";
import { moneyChange, rateChange } from "../../src/core/report/reportTiles";
import Decimal from "decimal.js";

const day = (y: number, m: number, d: number): Day => dayFromYMD(y, m, d) as Day;
const AS_OF = day(2026, 10, 31);

function line(claimId: string, dos: Day, charge: number, ins: number, pat: number, contractual: number, status: ClaimLine["status"], provider = "Dr. A"): ClaimLine {
  return {
    row: 0, claimId, dateOfService: dos, payer: "Medicare", charge, insurancePaid: ins, patientPaid: pat, contractualAdjustment: contractual,
    otherAdjustment: 0, allowed: null, cpt: "99213", modifiers: [], units: 1, placeOfService: "11", provider, payerClass: "Medicare",
    status, denialReason: status === "Denied" ? "CO-16" : null, submittedDate: dos + 2, lastPaymentDate: null,
  };
}

// Amounts in cents. Period (Nov 2025 - Oct 2026): C1, C2, C3. Previous period (Oct 2025 - Sep 2026): C2, C3, C4.
const LINES: ClaimLine[] = [
  line("C1", day(2026, 10, 5), 20000, 10000, 2000, 5000, "Paid"),
  line("C2", day(2026, 9, 10), 10000, 6000, 0, 3000, "Paid", "Dr. B"),
  line("C3", day(2026, 9, 20), 15000, 0, 0, 0, "Denied"),
  line("C4", day(2025, 10, 15), 30000, 20000, 0, 10000, "Paid"),
];

const figures = (trend: TrendPoint[] = []) =>
  reportFigures({ practiceName: "Smith & Jones Clinic", asOf: AS_OF, lines: LINES, rowsRead: 4, leftOut: [], trend });

const cellAt = (s: SheetDescription, row: number, col: number) => s.cells.find((c) => c.row === row && c.col === col);
const rowOf = (s: SheetDescription, text: string): number => {
  const c = s.cells.find((x) => typeof x.value === "string" && x.value.startsWith(text));
  if (c === undefined) throw new Error(`no cell starting "${text}"`);
  return c.row;
};

describe("KPI tiles at the top", () => {
  const sheet = physicianReport(figures());

  test("eight tiles, four across, from row 4, in the order a physician reads them", () => {
    const labels = [[4, 1], [4, 3], [4, 5], [4, 7], [10, 1], [10, 3], [10, 5], [10, 7]].map(([r, c]) => cellAt(sheet, r, c)?.value);
    expect(labels).toEqual([
      "Net collection (adjusted)", "Days in A/R", "A/R over 90 days", "Denial rate (claims)",
      "Charges (12 months)", "Payments (12 months)", "A/R total", "Gross collection rate",
    ]);
    // Each tile's label is merged over its two columns.
    expect(sheet.merges).toContainEqual({ fromRow: 4, fromCol: 1, toRow: 4, toCol: 2 });
  });

  test("value, benchmark, status and change, worked out by hand", () => {
    // Net: payments 100 + 20 + 60 = 180 over (charges 450 − contractual 80) = 370 → 0.48648…
    expect(cellAt(sheet, 5, 1)?.value).toBeCloseTo(180 / 370, 12);
    expect(cellAt(sheet, 5, 1)?.format).toBe("percent1");
    expect(cellAt(sheet, 6, 1)?.value).toBe("95% or more");
    // Below 90 %: red (benchmarks: good ≥ 95 %, watch ≥ 90 %).
    expect(cellAt(sheet, 7, 1)?.value).toBe("Off target");
    expect(cellAt(sheet, 7, 1)?.styles).toContain("bad");
    // Previous 12 months (Oct 2025 - Sep 2026): payments 60 + 200 = 260 over 550 − 130 = 420 → 0.61904…
    // (180/370 − 260/420) × 100 = −13.256… points.
    expect(cellAt(sheet, 8, 1)?.value).toBe("−13.3 pts vs Sep 30");
    // Denial rate: 1 of 3 submitted claims both months → no change.
    expect(cellAt(sheet, 5, 7)?.value).toBeCloseTo(1 / 3, 12);
    expect(cellAt(sheet, 8, 7)?.value).toBe("no change vs Sep 30");
    // Charges: 450.00 now, 550.00 for the 12 months to Sep 30 → −$100; shown in whole dollars.
    expect(cellAt(sheet, 11, 1)?.value).toBe(450);
    expect(cellAt(sheet, 11, 1)?.format).toBe("moneyWhole");
    expect(cellAt(sheet, 14, 1)?.value).toBe("−$100 vs Sep 30");
    // A/R needs last month's balances: without a report tab for September there is no change.
    expect(cellAt(sheet, 14, 5)?.value).toBe("no report tab for Sep 30");
  });

  test("A/R changes come from last month's report tab when the workbook has one", () => {
    // A/R as of Oct 31: (200 − 120 − 50) + (100 − 60 − 30) + 150 + 0 = 190.00; September's tab said 150.00.
    const sep: TrendPoint = { asOf: day(2026, 9, 30), charges: 0, payments: 0, arTotal: 15000, netCollectionRate: null, daysInAR: "30", over90Share: "0.1", denialRate: null };
    const s = physicianReport(figures([sep]));
    expect(cellAt(s, 11, 5)?.value).toBe(190);
    expect(cellAt(s, 14, 5)?.value).toBe("+$40 vs Sep 30");
    // Nothing over 90 days now: 0 − 10 % = −10.0 points.
    expect(cellAt(s, 8, 5)?.value).toBe("−10.0 pts vs Sep 30");
  });

  test("change texts round half up and carry their sign", () => {
    expect(rateChange(new Decimal("0.12345"), new Decimal("0.1"))).toBe("+2.3 pts");
    expect(rateChange(new Decimal("0.1"), new Decimal("0.10049"))).toBe("no change");
    expect(moneyChange(123456789, 0)).toBe("+$1,234,568");
    expect(moneyChange(0, 149)).toBe("−$1");
  });

  test("the key figures are still read back by the next report's trend", () => {
    const grid: (string | number | null)[][] = [];
    for (const c of sheet.cells) {
      grid[c.row - 1] ??= [];
      grid[c.row - 1][c.col - 1] = c.value as string | number | null;
    }
    const back = trendFromReportTab(grid);
    expect(back).toMatchObject({ asOf: AS_OF, charges: 45000, payments: 18000, arTotal: 19000 });
    expect(Number(back?.netCollectionRate)).toBeCloseTo(180 / 370, 12);
  });
});

describe("month by month, from the register by date of service", () => {
  const sheet = physicianReport(figures());
  const monthRow = (label: string) => rowOf(sheet, label);

  test("every month of the period, with September and October worked out by hand", () => {
    const first = monthRow("Nov 2025");
    expect(cellAt(sheet, first + 11, 1)?.value).toBe("Oct 2026");
    // Sep 2026: C2 + C3: charges 250.00, payments 60.00, 2 visits, net 60 / (250 − 30), 1 of 2 claims denied.
    const sep = monthRow("Sep 2026");
    expect([2, 3, 4].map((c) => cellAt(sheet, sep, c)?.value)).toEqual([250, 60, 2]);
    expect(cellAt(sheet, sep, 5)?.value).toBeCloseTo(60 / 220, 12);
    expect(cellAt(sheet, sep, 6)?.value).toBeCloseTo(0.5, 12);
    // Oct 2026: C1: 200.00 charged, 120.00 paid, net 120 / 150.
    const oct = monthRow("Oct 2026");
    expect([2, 3, 4].map((c) => cellAt(sheet, oct, c)?.value)).toEqual([200, 120, 1]);
    expect(cellAt(sheet, oct, 5)?.value).toBeCloseTo(0.8, 12);
    // A month without services: zero charges, no rate (nothing to divide by).
    const nov = monthRow("Nov 2025");
    expect(cellAt(sheet, nov, 2)?.value).toBe(0);
    expect(cellAt(sheet, nov, 5)?.value).toBeNull();
  });
});

describe("order, reserved chart cells and page setup", () => {
  for (const audience of ["manager", "physicians"] as const) {
    const sheet = physicianReport(figures(), { audience });

    test(`${audience}: tiles, charts, productivity, then the details; definitions and key figures last`, () => {
      const order = [
        "Net collection (adjusted)", SECTION_TITLES.glance, SECTION_TITLES.providers, SECTION_TITLES.details, SECTION_TITLES.monthly,
        "A/R aging (as of", "A/R aging by payer", "Payer mix", "Denials:", "Fee schedule check", "Budget status", SECTION_TITLES.notes, SECTION_TITLES.keyFigures,
      ].map((t) => rowOf(sheet, t));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });

    test(`${audience}: no chart covers a cell with content, a merged cell or another chart`, () => {
      expect(sheet.charts.map((c) => c.title)).toEqual(["Charges and payments by month", "A/R aging", "Payer mix: share of charges vs payments"]);
      for (const chart of sheet.charts) {
        const area = chartCells(chart);
        const under = sheet.cells.filter((c) => c.value !== null && c.value !== "" && rangesOverlap(area, { fromRow: c.row, toRow: c.row, fromCol: c.col, toCol: c.col }));
        expect(under).toEqual([]);
        expect(sheet.merges.filter((m) => rangesOverlap(area, m))).toEqual([]);
        for (const other of sheet.charts) if (other !== chart) expect(rangesOverlap(area, chartCells(other))).toBe(false);
        // Inside the print area and the report's eight columns.
        expect(area.toCol).toBeLessThanOrEqual(REPORT_COLUMN_WIDTHS.length);
      }
    });

    test(`${audience}: landscape, one page wide, rows 1-2 on every page, header, footer and a break before the details`, () => {
      const p = sheet.pageSetup;
      expect(p).toMatchObject({ orientation: "landscape", fitToWidth: 1, titleRows: { from: 1, to: 2 } });
      expect(p?.fitToHeight).toBe(audience === "physicians" ? 2 : 0);
      expect(p?.printArea).toEqual({ fromRow: 1, fromCol: 1, toRow: Math.max(...sheet.cells.map((c) => c.row)), toCol: 8 });
      expect(p?.breaksBefore).toContain(rowOf(sheet, SECTION_TITLES.details));
      // "&" is Excel's header code character: the practice's own "&" is doubled.
      expect(p?.header).toEqual({ left: "Smith && Jones Clinic", right: "Physician report as of 2026-10-31" });
      expect(p?.footer?.right).toBe("Page &P of &N");
    });
  }

  test("the physicians' copy leaves out manager-only detail", () => {
    const texts = physicianReport(figures(), { audience: "physicians" }).cells.map((c) => String(c.value));
    expect(texts.some((t) => t.startsWith("Rows read"))).toBe(false);
    const manager = physicianReport(figures()).cells.map((c) => String(c.value));
    expect(manager.some((t) => t.startsWith("Rows read"))).toBe(true);
  });

  test("the as-of date is a date cell in row 2 (read back by the trend)", () => {
    const sheet = physicianReport(figures());
    expect(cellAt(sheet, 2, 2)).toMatchObject({ value: excelSerialFromDay(AS_OF), format: "date" });
  });
});
