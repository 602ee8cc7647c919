/** The Office.js renderer, run against the strict simulated host. */
import fc from "fast-check";
import { physicianReport } from "../../src/core/report/physicianReport";
import { CELL_STYLES, NUMBER_FORMATS, rangeAddress, type CellStyleName, type NumberFormatName, type SheetDescription } from "../../src/core/sheet/sheetDescription";
import { SheetBuilder } from "../../src/core/sheet/sheetBuilder";
import { columnWidthPoints, renderSheetDescription, styleRectangles } from "../../src/office/renderSheet";
import { PAYLOAD_LIMIT_BYTES, SimulatedExcel } from "./simulatedExcel";
import { excelContext, figuresFor } from "./helpers";

/** What a description cell should read as through Range.values: a blank is "". */
const shown = (v: string | number | boolean | null): string | number | boolean => (v === null ? "" : v);

function expectSheetMatches(sim: SimulatedExcel, name: string, sheet: SheetDescription): void {
  // Mismatches collected first: one assertion, so 400,000 cells check in a moment.
  const mismatches: unknown[] = [];
  for (const c of sheet.cells) {
    const cell = sim.cell(name, c.row, c.col);
    const format = c.format === undefined ? "General" : NUMBER_FORMATS[c.format];
    if (cell.value !== shown(c.value) || cell.numberFormat !== format) {
      mismatches.push({ at: [c.row, c.col], want: [shown(c.value), format], got: [cell.value, cell.numberFormat] });
      if (mismatches.length >= 5) break;
    }
  }
  expect(mismatches).toEqual([]);
}

describe("renderSheetDescription: physician report", () => {
  const report = physicianReport(figuresFor(2000));

  it("writes the description's values and number formats in 2 syncs, with widths, styles, tab and gridlines", async () => {
    const sim = new SimulatedExcel(["Claims Register"]);
    const result = await renderSheetDescription(excelContext(sim), report);
    expect(result).toEqual({ name: "Physician Report 2026-10", syncs: 2 }); // 1 to read the sheet names + 1 for every write
    expect(sim.syncCount).toBe(2);
    expectSheetMatches(sim, result.name, report);

    const snap = JSON.parse(sim.snapshot(result.name));
    // Widths [30, 15, 15, …] chars → 30 × 5.25 + 3.75 = 161.25 pt; 15 × 5.25 + 3.75 = 82.5 pt;
    // 16 × 5.25 + 3.75 = 87.75 pt.
    expect(snap.columnWidths[1]).toBe(161.25);
    expect(snap.columnWidths[2]).toBe(82.5);
    expect(snap.columnWidths[4]).toBe(82.5);
    expect(columnWidthPoints(16)).toBe(87.75);
    expect(snap.tabColor).toBe("#2F5597");
    expect(snap.showGridlines).toBe(false);
    // Title (A1): bold, 18 pt, dark blue (CELL_STYLES.title).
    expect(sim.cell(result.name, 1, 1).style).toEqual({ bold: true, size: 18, fontColor: "#1F3864" });
    // "Key figures" header row: white bold on blue, centred and wrapped, vertically centred.
    const header = report.cells.find((c) => c.value === "Figure") as SheetDescription["cells"][number];
    expect(sim.cell(result.name, header.row, 1).style).toEqual({ bold: true, fontColor: "#FFFFFF", fill: "#2F5597", horizontalAlignment: "Center", verticalAlignment: "Center", wrapText: true });
    // The A/R total row has a thin top border on its 4 cells.
    const total = report.cells.find((c) => c.value === "A/R total" && c.styles?.includes("total")) as SheetDescription["cells"][number];
    for (let col = 1; col <= 4; col++) expect(sim.cell(result.name, total.row, col).style?.borderTop).toBe("Continuous");
    // The new sheet is the active one.
    expect(sim.activeSheetId).toBe(snap.id);
  });

  it("creates the native charts and conditional formats of the description", async () => {
    const sim = new SimulatedExcel(["Claims Register"]);
    const { name } = await renderSheetDescription(excelContext(sim), report);
    const snap = JSON.parse(sim.snapshot(name));
    expect(report.charts.length).toBe(3); // month-by-month trend (line), aging (column) and payer mix (bar)
    expect(snap.charts).toHaveLength(3);
    report.charts.forEach((chart, i) => {
      const got = snap.charts[i];
      expect(got.type).toBe({ line: "Line", column: "ColumnClustered", bar: "BarClustered" }[chart.kind as "line" | "column" | "bar"]);
      expect(got.title).toBe(chart.title);
      expect(got.series).toEqual(chart.series.map((s) => ({ name: s.name, values: rangeAddress(s.values), xValues: rangeAddress(chart.categories) })));
      const a = chart.anchor;
      expect(got.position).toEqual({
        start: rangeAddress({ fromRow: a.row, fromCol: a.col, toRow: a.row, toCol: a.col }),
        end: rangeAddress({ fromRow: a.row + a.rows - 1, fromCol: a.col + a.cols - 1, toRow: a.row + a.rows - 1, toCol: a.col + a.cols - 1 }),
      });
    });
    // Aging chart: the middle slot of the chart band, columns C-E, 15 rows → C{r}:E{r+14}.
    const agingAnchor = report.charts[1].anchor;
    expect(snap.charts[1].position).toEqual({ start: `C${agingAnchor.row}`, end: `E${agingAnchor.row + 14}` });

    expect(snap.conditionalFormats).toHaveLength(report.conditional.length);
    report.conditional.forEach((rule, i) => {
      const got = snap.conditionalFormats[i];
      expect(got.range).toBe(rangeAddress(rule.range));
      if (rule.kind === "dataBar") {
        expect(got.type).toBe("DataBar");
        expect(got.dataBar).toEqual({ fillColor: `#${rule.color}`, gradientFill: false, lowerBoundRule: { type: "LowestValue" }, upperBoundRule: { type: "HighestValue" } });
      }
    });
  });

  it("takes the same number of syncs for a report over 100 and over 100,000 register rows", async () => {
    const small = new SimulatedExcel(["Claims Register"]);
    const large = new SimulatedExcel(["Claims Register"]);
    const r1 = await renderSheetDescription(excelContext(small), physicianReport(figuresFor(100)));
    const r2 = await renderSheetDescription(excelContext(large), physicianReport(figuresFor(100_000)));
    expect(r1.syncs).toBe(2);
    expect(r2.syncs).toBe(2);
    expect([small.syncCount, large.syncCount]).toEqual([2, 2]);
  });

  it("picks a unique name and leaves every sheet that existed before byte-for-byte the same", async () => {
    const sim = new SimulatedExcel(["Claims Register"]);
    sim.addSheetNow("Physician Report 2026-10", [["an earlier report"], [1, 2, 3]]);
    sim.addSheetNow("physician report 2026-10 (2)", [["names compare case-insensitively"]]);
    const before = sim.snapshotAll();
    const { name } = await renderSheetDescription(excelContext(sim), report);
    // "Physician Report 2026-10" and "(2)" are taken (case-insensitively) → "(3)".
    expect(name).toBe("Physician Report 2026-10 (3)");
    for (const [sheet, snap] of Object.entries(before)) expect(sim.snapshot(sheet)).toBe(snap);
  });
});

describe("renderSheetDescription: failures", () => {
  const report = physicianReport(figuresFor(500));

  it.each(["ChartCollection.add", "ConditionalFormatCollection.add", "Range.values", "RangeFont.bold"])(
    "when %s fails midway, the partial sheet is removed and the user's sheets are unchanged",
    async (location) => {
      const sim = new SimulatedExcel(["Claims Register"]);
      sim.addSheetNow("Settings", [["Practice name", "Riverside"]]);
      const before = sim.snapshotAll();
      sim.failAt = location;
      const run = renderSheetDescription(excelContext(sim), report);
      await expect(run).rejects.toThrow(`Could not create the sheet "Physician Report 2026-10": ${location} failed`);
      await expect(renderSheetDescription(excelContext(sim), report)).rejects.toThrow("The partial sheet was removed");
      expect(sim.snapshotAll()).toEqual(before);
      expect(sim.sheets.map((s) => s.name)).toEqual(["Claims Register", "Settings"]);
    },
  );

  it("a failing request that is too large is reported and cleaned up too", async () => {
    const sim = new SimulatedExcel(["Claims Register"]);
    const before = sim.snapshotAll();
    // A budget above Excel's limit lets a request grow past 5 MB: Excel refuses it.
    const b = new SheetBuilder("Big", [10]);
    for (let r = 0; r < 60_000; r++) b.line([{ value: "x".repeat(90) }]);
    await expect(renderSheetDescription(excelContext(sim), b.build(), { budgetBytes: 50 * 1024 * 1024 })).rejects.toThrow(/request payload size has exceeded the limit.*partial sheet was removed/s);
    expect(sim.snapshotAll()).toEqual(before);
  });
});

describe("renderSheetDescription: large descriptions stay under the payload limit", () => {
  it("splits 100,000 rows into requests under the budget: syncs ≤ 2 + ceil(bytes / budget)", async () => {
    const b = new SheetBuilder("Register copy", [14, 12, 12, 12]);
    b.line(["Claim", "Charge", "Paid", "Payer"].map((value) => ({ value, styles: ["tableHeader" as CellStyleName] })));
    for (let i = 0; i < 100_000; i++) {
      b.line([{ value: `SYN-${String(i).padStart(7, "0")}` }, { value: 150 + (i % 97), format: "money" }, { value: (i % 89) + 0.25, format: "money" }, { value: i % 2 === 0 ? "Medicare" : "Aetna" }]);
    }
    const sheet = b.build({ freezeRows: 1 });
    const sim = new SimulatedExcel(["Claims Register"]);
    const budget = 4 * 1024 * 1024;
    const result = await renderSheetDescription(excelContext(sim), sheet);
    const bytes = sim.syncs.reduce((n, s) => n + s.requestBytes, 0);
    expect(result.syncs).toBe(sim.syncCount);
    expect(sim.syncCount).toBeLessThanOrEqual(2 + Math.ceil(bytes / budget));
    expect(sim.syncCount).toBeGreaterThan(2); // the values alone are several MB
    for (const s of sim.syncs) expect(s.requestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expectSheetMatches(sim, result.name, sheet);
    expect(JSON.parse(sim.snapshot(result.name)).frozenRows).toBe(1);
  });

  it("keeps text Excel would retype (codes, formulas, TRUE) as the description's text", async () => {
    const b = new SheetBuilder("Codes", [10]);
    b.line([{ value: "99213" }, { value: "=SUM(A1)" }, { value: "-5 days" }, { value: "TRUE" }, { value: "0.5" }, { value: "Dr. Chen" }, { value: null }, { value: 12.34, format: "money" }]);
    const sheet = b.build();
    const sim = new SimulatedExcel();
    const { name } = await renderSheetDescription(excelContext(sim), sheet);
    expectSheetMatches(sim, name, sheet);
  });

  it("property: random descriptions and budgets render cell for cell, every request under 5 MB", async () => {
    const formats = Object.keys(NUMBER_FORMATS) as NumberFormatName[];
    const styles = Object.keys(CELL_STYLES) as CellStyleName[];
    const cellArb = fc.record({
      row: fc.integer({ min: 1, max: 60 }),
      col: fc.integer({ min: 1, max: 8 }),
      value: fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -1e6, max: 1e6 }), fc.boolean(), fc.constant(null)),
      format: fc.option(fc.constantFrom(...formats), { nil: undefined }),
      styles: fc.option(fc.subarray(styles, { maxLength: 2 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(cellArb, { maxLength: 120 }), fc.integer({ min: 2048, max: 64 * 1024 }), async (cells, budgetBytes) => {
        // One description per cell address (the last wins, as it does in the .xlsx renderer).
        const byAddress = new Map(cells.map((c) => [`${c.row},${c.col}`, c]));
        const sheet: SheetDescription = {
          name: "Random", columnWidths: [10, 12], merges: [], charts: [], conditional: [], showGridLines: true,
          cells: [...byAddress.values()].map((c) => ({ row: c.row, col: c.col, value: c.value, ...(c.format ? { format: c.format } : {}), ...(c.styles ? { styles: c.styles } : {}) })),
        };
        const sim = new SimulatedExcel(["Data"]);
        const before = sim.snapshot("Data");
        const { name } = await renderSheetDescription(excelContext(sim), sheet, { budgetBytes });
        expectSheetMatches(sim, name, sheet);
        for (const c of sheet.cells) {
          const want = Object.assign({}, ...(c.styles ?? []).map((s) => CELL_STYLES[s]));
          const got = sim.cell(name, c.row, c.col).style;
          if (want.bold !== undefined) expect(got?.bold).toBe(want.bold);
          if (want.fill !== undefined) expect(got?.fill).toBe(`#${want.fill}`);
          if (Object.keys(want).length === 0) expect(got).toBeUndefined();
        }
        for (const s of sim.syncs) expect(s.requestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
        expect(sim.snapshot("Data")).toBe(before);
      }),
      { numRuns: 40 },
    );
  });

  it("property: style rectangles cover each styled cell exactly once, with its style", () => {
    const styles = Object.keys(CELL_STYLES) as CellStyleName[];
    fc.assert(
      fc.property(fc.array(fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 1, max: 6 }), s: fc.constantFrom(...styles) }), { maxLength: 60 }), (cells) => {
        const byAddress = new Map(cells.map((c) => [`${c.row},${c.col}`, c]));
        const sheet: SheetDescription = {
          name: "S", columnWidths: [], merges: [], charts: [], conditional: [], showGridLines: true,
          cells: [...byAddress.values()].map((c) => ({ row: c.row, col: c.col, value: 1, styles: [c.s] })),
        };
        const covered = new Map<string, string>();
        for (const r of styleRectangles(sheet)) {
          for (let row = r.fromRow; row <= r.toRow; row++) {
            for (let col = r.fromCol; col <= r.toCol; col++) {
              expect(covered.has(`${row},${col}`)).toBe(false);
              covered.set(`${row},${col}`, JSON.stringify(r.style));
            }
          }
        }
        const styled = [...byAddress.values()].filter((c) => JSON.stringify(CELL_STYLES[c.s]) !== "{}");
        expect(covered.size).toBe(styled.length);
        for (const c of styled) expect(covered.get(`${c.row},${c.col}`)).toBe(JSON.stringify(CELL_STYLES[c.s]));
      }),
      { numRuns: 200 },
    );
  });
});
