/** The task pane's operations against the strict simulated Excel host. */
import { CLAIM_FIELD_HEADERS, CLAIM_STATUSES, PAYER_CLASSES } from "../../../src/core/claims/claimLine";
import { dayFromYMD } from "../../../src/core/dates/day";
import { REGISTER_HEADERS, COMMON_MODIFIERS } from "../../../src/core/templates";
import {
  OperationCancelled, OperationError, convertToRegister, describeWorkbook, generatePhysicianReport, plainErrorMessage,
  previewConversion, runFeeCheck, selectCell, setUpSheets, underpaidRuleFormula,
} from "../../../src/office/operations";
import { SimulatedApiError, SimulatedExcel, highlightedRows, sortRows } from "../simulatedExcel";
import { excelContext, registerGrid } from "../helpers";
import { exportGrid, feeRegisterGrid, feeScheduleGrid, serial } from "./fixtures";

/** A register cell as an exact COUNTIFS criterion (~, *, ? escaped with ~), written out by hand. */
const exact = (cell: string): string => `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","~~"),"*","~*"),"?","~?")`;

const BUDGET = 4 * 1024 * 1024;
const cellsOf = (snapshot: string): unknown => JSON.parse(snapshot).cells;

describe("describeWorkbook", () => {
  it("tells the register, the fee schedule, an export and an empty sheet apart in 3 syncs", async () => {
    const sim = new SimulatedExcel(["Empty"]);
    sim.addSheetNow("Claims Register", registerGrid(50));
    sim.addSheetNow("Fee Schedule", feeScheduleGrid());
    sim.addSheetNow("Export", exportGrid());
    const { sheets } = await describeWorkbook(excelContext(sim));
    expect(sim.syncCount).toBe(3);
    expect(sheets.map((s) => [s.name, s.kind, s.rows, s.address])).toEqual([
      ["Empty", "other", 0, null],
      ["Claims Register", "claims", 50, "A1:S51"], // header row 1, 50 lines below it
      ["Fee Schedule", "feeSchedule", 2, "A1:E3"],
      ["Export", "claims", 7, "A1:I11"], // header at row 4, rows 5-11 below it
    ]);
  });
});

describe("setUpSheets", () => {
  it("creates the five templates as tables with drop-downs and formulas, Settings first", async () => {
    const sim = new SimulatedExcel(["Sheet1"]);
    const before = sim.snapshotAll();
    const result = await setUpSheets(excelContext(sim), ["claimsRegister", "feeSchedule", "budget", "payroll", "settings"]);
    expect(result).toEqual({ created: ["Settings", "Claims Register", "Fee Schedule", "Budget", "Payroll"], skipped: [] });
    expect(sim.snapshot("Sheet1")).toBe(before.Sheet1);
    // Each sheet: 1 sync for the names + 1 for its writes; plus the first sync for the names.
    expect(sim.syncCount).toBe(1 + 5 * 2);
    expect(sim.allTables().map((t) => [t.name, t.range])).toEqual([
      ["PracticeSettings", "A4:C17"],
      ["ClaimsRegister", "A1:U2"],
      ["FeeSchedule", "A1:E2"],
      ["BudgetLines", "A4:AE23"], // 2 revenue + 15 MGMA expense + 2 capital lines = 19 rows, 5-23
      ["PayrollRegister", "A1:Q2"],
    ]);
    const register = sim.sheetByName("Claims Register")!;
    expect(REGISTER_HEADERS.map((_, i) => sim.cell("Claims Register", 1, i + 1).value)).toEqual([...REGISTER_HEADERS]);
    expect(register.frozenRows).toBe(1);
    // Balance (T2) and Age Bucket (U2) count from the Settings sheet just created (as-of at B6).
    expect(sim.formula("Claims Register", 2, 20)).toBe('=IF(D2="","",ROUND(D2-E2-F2-G2-H2,2))');
    expect(sim.formula("Claims Register", 2, 21)).toContain("IF(ISNUMBER(Settings!$B$6),Settings!$B$6,TODAY())");
    expect(register.validations.map((v) => [v.range, (v.rule as { list: { source: string } }).list.source])).toEqual([
      ["O2", PAYER_CLASSES.join(",")],
      ["P2", CLAIM_STATUSES.join(",")],
      ["K2", COMMON_MODIFIERS.join(",")],
    ]);
    expect(sim.cell("Claims Register", 2, 4).numberFormat).toBe('"$"#,##0.00;[Red]-"$"#,##0.00');
    expect(sim.cell("Claims Register", 2, 2).numberFormat).toBe("yyyy-mm-dd");
    expect(sim.formula("Payroll", 2, 15)).toBe('=IF(M2="","",IF(L2="Yes",0,MAX(0,M2-Settings!$B$16)))');
    expect(sim.cell("Settings", 9, 1).value).toBe("Social Security rate");
    expect(sim.cell("Settings", 9, 2).value).toBe(0.062);
    // The first sheet created is the active one.
    expect(sim.activeSheetId).toBe(sim.sheetByName("Settings")!.id);
  });

  it("gives a table a free name when a defined name holds the template's (tables and names share one namespace)", async () => {
    const sim = new SimulatedExcel(["Sheet1"]);
    sim.definedNames.push({ name: "ClaimsRegister", formula: "=Sheet1!$A$1:$D$20" });
    const result = await setUpSheets(excelContext(sim), ["claimsRegister"]);
    expect(result.created).toEqual(["Claims Register"]);
    expect(sim.allTables().map((t) => t.name)).toEqual(["ClaimsRegister2"]);
  });

  it("the simulated host refuses a table named like a defined name, as Excel does", async () => {
    const sim = new SimulatedExcel(["Sheet1"]);
    sim.definedNames.push({ name: "Payers", formula: "=Sheet1!$A$1" });
    const ws = sim.context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1:B2").values = [["Payer", "Class"], ["Aetna", "Commercial"]];
    ws.tables.add("A1:B2", true).name = "payers";
    await expect(sim.context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("never overwrites: existing sheets are skipped with the reason, and left byte-identical", async () => {
    const sim = new SimulatedExcel(["Sheet1"]);
    sim.addSheetNow("claims register", [["my own data"]]);
    sim.addSheetNow("Settings", [["Setting", "Value"], ["As of", 46326]]);
    const before = sim.snapshotAll();
    const result = await setUpSheets(excelContext(sim), ["claimsRegister", "settings", "budget"]);
    expect(result.created).toEqual(["Budget"]);
    expect(result.skipped).toEqual([
      { kind: "settings", reason: 'The sheet "Settings" already exists; it was left as it is.' },
      { kind: "claimsRegister", reason: 'The sheet "claims register" already exists; it was left as it is.' },
    ]);
    for (const [name, snap] of Object.entries(before)) expect(sim.snapshot(name)).toBe(snap);
    // The budget's year to date counts from the user's own as-of cell ("As of" in A2 → B2).
    expect(sim.formula("Budget", 2, 2)).toBe("=MONTH(IF(ISNUMBER(Settings!$B$2),Settings!$B$2,TODAY()))");
  });

  it("cancelled midway, removes what it created", async () => {
    const sim = new SimulatedExcel(["Sheet1"]);
    const abort = new AbortController();
    const run = setUpSheets(excelContext(sim), ["settings", "claimsRegister", "budget"], {
      signal: abort.signal,
      onProgress: (_f, text) => {
        if (text.includes("Claims Register")) abort.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(OperationCancelled);
    expect(sim.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("an injected failure (adding a table) leaves no partial sheet", async () => {
    const sim = new SimulatedExcel(["Sheet1"]);
    sim.failAt = "TableCollection.add";
    await expect(setUpSheets(excelContext(sim), ["settings", "feeSchedule"])).rejects.toThrow(/partial sheet was removed/);
    expect(sim.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(sim.allTables()).toEqual([]);
  });
});

describe("previewConversion and convertToRegister", () => {
  it("previews the mapping the reader found, writing nothing", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Export", exportGrid());
    const before = sim.snapshotAll();
    const preview = await previewConversion(excelContext(sim), { sheet: "export" });
    expect(preview.headerRow).toBe(4);
    expect(preview.mapping).toEqual({ claimId: "A", dateOfService: "B", payer: "C", cpt: "D", charge: "E", insurancePaid: "F", patientPaid: "G", contractualAdjustment: "H", status: "I" });
    expect(preview.missingRequired).toEqual([]);
    expect(preview.rowsBelowHeader).toBe(7); // rows 5-11
    expect(preview.headers[0]).toEqual({ column: "A", header: "Claim #" });
    expect(sim.snapshotAll()).toEqual(before);
  });

  it("writes a new register table, leaves the source byte-identical, and points left-out rows at their source cells", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Export", exportGrid());
    const before = sim.snapshot("Export");
    const result = await convertToRegister(excelContext(sim), { sheet: "Export" }, {});
    expect(sim.snapshot("Export")).toBe(before);
    expect(result.sheet).toBe("Claims Register");
    expect(result.lines).toBe(3); // rows 5, 6 and 8
    expect(result.leftOut.map((l) => [l.row, l.address])).toEqual([
      [7, "B7"], // unreadable date of service, column B
      [9, "C9"], // blank payer, column C
      [10, "A10"], // totals row
      [11, "A11"], // end-of-report footer
    ]);
    expect(sim.cell("Claims Register", 1, 1).value).toBe(CLAIM_FIELD_HEADERS.claimId);
    expect(sim.cell("Claims Register", 4, 1).value).toBe("C-1004");
    expect(sim.cell("Claims Register", 4, 4).value).toBe(180.5);
    expect(sim.formula("Claims Register", 4, 20)).toBe('=IF(D4="","",ROUND(D4-E4-F4-G4-H4,2))');
    expect(sim.allTables().map((t) => [t.name, t.range])).toEqual([["ClaimsRegister", "A1:U4"], ["ConversionLeftOut", "W1:Y5"]]);
    expect(sim.activeSheetId).toBe(sim.sheetByName("Claims Register")!.id);
  });

  it("converts a selected range: rows and addresses are the sheet's", async () => {
    const sim = new SimulatedExcel([]);
    const shifted = exportGrid().map((row) => [null, ...row]); // the export starts in column B
    sim.addSheetNow("Export", shifted);
    const result = await convertToRegister(excelContext(sim), { sheet: "Export", address: "B4:J8" }, {});
    expect(result.lines).toBe(3);
    expect(result.leftOut.map((l) => l.address)).toEqual(["C7"]); // only row 7 of rows 5-8: its date, now in column C
  });

  it("takes the pane's column choices over the reader's", async () => {
    const sim = new SimulatedExcel([]);
    const grid = exportGrid();
    grid[3][2] = "Column 3"; // no longer read as the payer
    sim.addSheetNow("Export", grid);
    const preview = await previewConversion(excelContext(sim), { sheet: "Export" });
    expect(preview.missingRequired).toContain("payer");
    await expect(convertToRegister(excelContext(sim), { sheet: "Export" }, {})).rejects.toBeInstanceOf(OperationError);
    const result = await convertToRegister(excelContext(sim), { sheet: "Export" }, { payer: "C" });
    expect(result.lines).toBe(3);
  });

  it("syncs stay constant from 100 to 10,000 rows (plus the byte budget)", async () => {
    const run = async (rows: number): Promise<SimulatedExcel> => {
      const sim = new SimulatedExcel([]);
      sim.addSheetNow("Export", registerGrid(rows));
      await convertToRegister(excelContext(sim), { sheet: "Export" }, {});
      return sim;
    };
    const small = await run(100);
    const large = await run(10_000);
    const bytes = large.syncs.reduce((n, s) => n + s.requestBytes + s.responseBytes, 0);
    // 100 rows: names 1 + read 3 + render 2 = 6.
    expect(small.syncCount).toBe(6);
    expect(large.syncCount).toBeLessThanOrEqual(small.syncCount + Math.ceil(bytes / BUDGET));
    for (const s of large.syncs) expect(Math.max(s.requestBytes, s.responseBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it("cancelled while writing, or failing, leaves no partial sheet and the source untouched", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Export", exportGrid());
    const before = sim.snapshotAll();
    const abort = new AbortController();
    const cancelled = convertToRegister(excelContext(sim), { sheet: "Export" }, {}, {
      signal: abort.signal,
      onProgress: (_f, text) => {
        if (text.startsWith("Writing")) abort.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(OperationCancelled);
    expect(sim.snapshotAll()).toEqual(before);
    sim.failAt = "DataValidation.rule";
    await expect(convertToRegister(excelContext(sim), { sheet: "Export" }, {})).rejects.toThrow(/DataValidation.rule failed.*partial sheet was removed/s);
    expect(sim.snapshotAll()).toEqual(before);
  });
});

describe("an export whose header row is not recognised", () => {
  // Column names no synonym list knows: the user points at row 3 ("Use this row as the header")
  // and picks the columns; rows 4-5 become two claim lines.
  const grid = [
    ["Riverside Family Medicine"],
    [],
    ["Col1", "Col2", "Col3", "Col4"],
    ["R-1", serial(2026, 9, 1), "Aetna", 150],
    ["R-2", serial(2026, 9, 2), "Cigna", 80.5],
  ];
  it("offers the pointed row's cells as the columns, then converts with the columns picked", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Odd Export", grid);
    const before = sim.snapshot("Odd Export");
    const unpointed = await previewConversion(excelContext(sim), { sheet: "Odd Export" });
    expect(unpointed.headerRow).toBeNull();
    const p = await previewConversion(excelContext(sim), { sheet: "Odd Export", headerRow: 3 });
    expect(p.headerRow).toBe(3);
    expect(p.headers).toEqual([{ column: "A", header: "Col1" }, { column: "B", header: "Col2" }, { column: "C", header: "Col3" }, { column: "D", header: "Col4" }]);
    expect(p.rowsBelowHeader).toBe(2);
    const r = await convertToRegister(excelContext(sim), { sheet: "Odd Export", headerRow: 3 }, { claimId: "A", dateOfService: "B", payer: "C", charge: "D" });
    expect(r.lines).toBe(2);
    expect(sim.snapshot("Odd Export")).toBe(before);
  });
});

describe("generatePhysicianReport", () => {
  const asOf = dayFromYMD(2026, 10, 31) as number;

  it("writes the report tab with its charts and KPI emphasis, and activates it", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims Register", registerGrid(300));
    const before = sim.snapshotAll();
    const result = await generatePhysicianReport(excelContext(sim), { asOf, practiceName: "Riverside" });
    expect(result.sheet).toBe("Physician Report 2026-10");
    expect(sim.activeSheetId).toBe(sim.sheetByName(result.sheet)!.id);
    const snap = JSON.parse(sim.snapshot(result.sheet));
    expect(snap.charts.length).toBeGreaterThanOrEqual(2);
    const thresholds = snap.conditionalFormats.filter((c: { type: string }) => c.type === "CellValue");
    // Net collection rate, days in A/R, A/R over 90 days and denial rate: one rule each.
    expect(thresholds).toHaveLength(4);
    expect(thresholds.map((t: { cellValue: { rule: unknown } }) => t.cellValue.rule)).toEqual([
      { formula1: "0.95", operator: "LessThan" },
      { formula1: "40", operator: "GreaterThan" },
      { formula1: "0.15", operator: "GreaterThan" },
      { formula1: "0.05", operator: "GreaterThan" },
    ]);
    expect(result.summary).toBeDefined();
    for (const [name, s] of Object.entries(before)) expect(sim.snapshot(name)).toBe(s);
  });

  it("syncs: 100 and 10,000 lines differ only by the read's byte budget", async () => {
    const run = async (rows: number): Promise<number> => {
      const sim = new SimulatedExcel([]);
      sim.addSheetNow("Claims Register", registerGrid(rows));
      await generatePhysicianReport(excelContext(sim), { asOf });
      return sim.syncCount;
    };
    // 100 lines: read 3 + render 2.
    expect(await run(100)).toBe(5);
    // 10,000 lines × 19 columns > the probe's 10,000 cells: one more read block, under one budget.
    expect(await run(10_000)).toBe(6);
  });

  it("says in plain words when there are no claims, and writes nothing", async () => {
    const sim = new SimulatedExcel(["Notes"]);
    await expect(generatePhysicianReport(excelContext(sim), { asOf })).rejects.toThrow(/No report was written: no sheet has a header row naming claim number/);
    expect(sim.sheets.map((s) => s.name)).toEqual(["Notes"]);
  });
});

describe("runFeeCheck", () => {
  it("highlights the underpaid rows with one rule, writes the discrepancy sheet, and leaves the register's cells as they were", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims Register", feeRegisterGrid());
    sim.addSheetNow("Fee Schedule", feeScheduleGrid());
    const before = sim.snapshotAll();
    const result = await runFeeCheck(excelContext(sim));
    // Underpaid: row 2 90.00 − 100.00 = −10.00; row 4 72.50 − 80.00 = −7.50; row 6 95.25 − 100.00 = −4.75.
    // Total 10.00 + 7.50 + 4.75 = 22.25; Aetna 2 lines 14.75, Medicare 1 line 7.50.
    expect(result.underpaidTotal).toBe(2225);
    expect(result.underpaidLines).toBe(3);
    expect(result.byPayer).toEqual([{ payer: "Aetna", lines: 2, amount: 1475 }, { payer: "Medicare", lines: 1, amount: 750 }]);
    expect(result.sheet).toMatch(/^Fee Check \d{4}-\d{2}-\d{2}$/);

    const register = JSON.parse(sim.snapshot("Claims Register"));
    // One rule keyed on claim (A) + CPT (I) + date of service (B) against the Fee Check sheet's
    // lines table (rows 6-8: claim in B, CPT in C, date in H).
    const q = `'${result.sheet}'`;
    expect(register.conditionalFormats).toEqual([
      {
        id: expect.any(String), type: "Custom", range: "A2:J6",
        custom: { formula: `=COUNTIFS(${q}!$B$6:$B$8,${exact("$A2")},${q}!$C$6:$C$8,${exact("$I2")},${q}!$H$6:$H$8,$B2)>0`, fill: "#FFC7CE", fontColor: "#9C0006" },
      },
    ]);
    expect(highlightedRows(sim, "Claims Register")).toEqual([2, 4, 6]); // A-1, M-1, A-4 (see feeRegisterGrid)
    expect(cellsOf(sim.snapshot("Claims Register"))).toEqual(cellsOf(before["Claims Register"]));
    expect(sim.snapshot("Fee Schedule")).toBe(before["Fee Schedule"]);

    // The discrepancy sheet: lines from row 6, most underpaid first, then the total to recover.
    const s = result.sheet;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => sim.cell(s, 6, c).value)).toEqual([2, "A-1", "99213", "Aetna", 100, 90, -10, serial(2026, 9, 15)]);
    expect([1, 7].map((c) => sim.cell(s, 7, c).value)).toEqual([4, -7.5]);
    expect([1, 7].map((c) => sim.cell(s, 8, c).value)).toEqual([6, -4.75]);
    expect([1, 4, 7].map((c) => sim.cell(s, 9, c).value)).toEqual(["Total to recover", "3 lines", 22.25]);
    // By payer: heading row 11, header row 12, Aetna 13, Medicare 14, total 15.
    expect([1, 2, 3].map((c) => sim.cell(s, 13, c).value)).toEqual(["Aetna", 2, 14.75]);
    expect([1, 2, 3].map((c) => sim.cell(s, 14, c).value)).toEqual(["Medicare", 1, 7.5]);
    expect([1, 2, 3].map((c) => sim.cell(s, 15, c).value)).toEqual(["Total", 3, 22.25]);
  });

  it("a failure while adding the highlight removes the discrepancy sheet; the register is unchanged", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims Register", feeRegisterGrid());
    sim.addSheetNow("Fee Schedule", feeScheduleGrid());
    const before = sim.snapshotAll();
    sim.failAt = "ConditionalFormatRule.formula";
    await expect(runFeeCheck(excelContext(sim))).rejects.toThrow(/could not be highlighted in "Claims Register".*was removed/s);
    expect(sim.snapshotAll()).toEqual(before);
  });

  it("syncs: constant from 100 to 10,000 lines (plus the read's budget)", async () => {
    const run = async (rows: number): Promise<number> => {
      const sim = new SimulatedExcel([]);
      sim.addSheetNow("Claims Register", registerGrid(rows));
      sim.addSheetNow("Fee Schedule", [["Payer", "CPT", "Modifier", "Allowed Amount"], ["Medicare", "99213", null, 1], ["Aetna PPO", "99213", null, 1]]);
      await runFeeCheck(excelContext(sim));
      return sim.syncCount;
    };
    const small = await run(100);
    expect(small).toBeLessThanOrEqual(7); // read 3 + sheet 2 + rules 2 (the register's rules, then the new one)
    expect(await run(10_000)).toBeLessThanOrEqual(small + 1);
  });

  it("the highlight follows the underpaid lines when the register is sorted (not their old rows)", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims Register", feeRegisterGrid());
    sim.addSheetNow("Fee Schedule", feeScheduleGrid());
    await runFeeCheck(excelContext(sim));
    const claimAt = (row: number): unknown => sim.cell("Claims Register", row, 1).value;
    const highlightedClaims = (): unknown[] => highlightedRows(sim, "Claims Register").map(claimAt).sort();
    expect(highlightedClaims()).toEqual(["A-1", "A-4", "M-1"]);
    // The user sorts the data rows by claim ID, descending: M-1, A-4, A-3, A-2, A-1 in rows 2-6.
    sortRows(sim, "Claims Register", "A2:J6", 0, false);
    expect([2, 3, 4, 5, 6].map(claimAt)).toEqual(["M-1", "A-4", "A-3", "A-2", "A-1"]);
    expect(highlightedRows(sim, "Claims Register")).toEqual([2, 3, 6]);
    expect(highlightedClaims()).toEqual(["A-1", "A-4", "M-1"]);
    // A rule keyed on ROW() (the earlier design) would now mark A-4, A-2 and A-1's old rows: wrong lines.
    sim.sheetByName("Claims Register")!.conditionalFormats[0].custom!.formula = "=ISNUMBER(MATCH(ROW(),{2,4,6},0))";
    expect(highlightedRows(sim, "Claims Register").map(claimAt)).toEqual(["M-1", "A-3", "A-1"]);
  });

  it("uses the register picked, and names the sheets there are when it is gone", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims Register", feeRegisterGrid());
    sim.addSheetNow("Fee Schedule", feeScheduleGrid());
    await expect(runFeeCheck(excelContext(sim), { claimsSheet: "Old Register" })).rejects.toThrow('There is no sheet named "Old Register" in this workbook (was it renamed or deleted?). The sheets are: "Claims Register", "Fee Schedule".');
  });

  it("rule formula: quoted sheet name, the lines table's rows, the register's columns", () => {
    expect(underpaidRuleFormula("Fee Check 2026-12-06", 2, { headerRow: 4, claimId: "A", cpt: "D", dateOfService: "B" }))
      .toBe(`=COUNTIFS('Fee Check 2026-12-06'!$B$6:$B$7,${exact("$A5")},'Fee Check 2026-12-06'!$C$6:$C$7,${exact("$D5")},'Fee Check 2026-12-06'!$H$6:$H$7,$B5)>0`);
  });
});

describe("selectCell and errors", () => {
  it("activates the sheet and selects the cell", async () => {
    const sim = new SimulatedExcel(["A", "Export"]);
    await selectCell(excelContext(sim), "Export", "C9");
    expect(sim.selection).toEqual({ sheet: "Export", address: "C9" });
    expect(sim.activeSheetId).toBe(sim.sheetByName("Export")!.id);
    await expect(selectCell(excelContext(sim), "Gone", "A1")).rejects.toThrow('There is no sheet named "Gone"');
  });

  it("puts Office errors in plain words", () => {
    expect(plainErrorMessage(new SimulatedApiError("InvalidOperationInCellEditMode", "x"))).toBe("The workbook is being edited (a cell is in edit mode): press Enter or Esc and try again.");
    expect(plainErrorMessage(new OperationError("Mine."))).toBe("Mine.");
  });
});
