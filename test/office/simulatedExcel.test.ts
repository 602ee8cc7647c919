/** The simulated host is as strict as Office.js: these tests prove it, so renderer tests mean something. */
import { PAYLOAD_LIMIT_BYTES, SimulatedApiError, SimulatedExcel } from "./simulatedExcel";

describe("simulated Excel host", () => {
  it("throws PropertyNotLoaded on a read before load(), and before sync() after load()", async () => {
    const sim = new SimulatedExcel(["Data"]);
    const ctx = sim.context;
    const ws = ctx.workbook.worksheets.getItem("Data");
    expect(() => ws.name).toThrow(/property 'name' is not available/);
    ws.load("name");
    expect(() => ws.name).toThrow(/call the load method/); // loaded but not synced
    await ctx.sync();
    expect(ws.name).toBe("Data");
    expect(() => ws.tabColor).toThrow(SimulatedApiError); // only what was loaded is readable
    expect(sim.syncCount).toBe(1);
  });

  it("reads a range's values only after load and sync; a write is applied at sync, not before", async () => {
    const sim = new SimulatedExcel(["Data"]);
    const ctx = sim.context;
    const ws = ctx.workbook.worksheets.getItem("Data");
    ws.getRange("A1:B1").values = [["Payer", 12.5]];
    expect(sim.cell("Data", 1, 1).value).toBe(""); // queued, not applied
    const r = ws.getRange("A1:B1");
    r.load("values");
    expect(() => r.values).toThrow(/property 'values'/);
    await ctx.sync();
    expect(r.values).toEqual([["Payer", 12.5]]);
    expect(() => r.format.font.bold).toThrow(/property 'bold'/); // format properties are never read without load
  });

  it("fails at sync with ItemNotFound for an unknown sheet; getItemOrNullObject gives a null object", async () => {
    const sim = new SimulatedExcel(["Data"]);
    const ctx = sim.context;
    ctx.workbook.worksheets.getItem("Nope").load("name");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    const maybe = ctx.workbook.worksheets.getItemOrNullObject("Nope");
    maybe.load("name");
    expect(() => maybe.isNullObject).toThrow(/isNullObject/);
    await ctx.sync();
    expect(maybe.isNullObject).toBe(true);
    const there = ctx.workbook.worksheets.getItemOrNullObject("data"); // names compare case-insensitively
    there.load("name");
    await ctx.sync();
    expect(there.isNullObject).toBe(false);
    expect(there.name).toBe("Data");
  });

  it("gives a null used range for an empty sheet and the used area otherwise", async () => {
    const sim = new SimulatedExcel(["Empty"]);
    sim.addSheetNow("Data", [[], [null, "a", "b"], [null, 1, null]]);
    const ctx = sim.context;
    const empty = ctx.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true);
    const data = ctx.workbook.worksheets.getItem("Data").getUsedRangeOrNullObject(true);
    empty.load("rowCount");
    data.load("rowIndex,columnIndex,rowCount,columnCount");
    await ctx.sync();
    expect(empty.isNullObject).toBe(true);
    // Values in B2:C3 → rowIndex 1, columnIndex 1, 2 rows × 2 columns.
    expect([data.isNullObject, data.rowIndex, data.columnIndex, data.rowCount, data.columnCount]).toEqual([false, 1, 1, 2, 2]);
  });

  it("fails a request over 5 MB with Excel's message, and a response over 5 MB", async () => {
    const sim = new SimulatedExcel(["Data"]);
    const ctx = sim.context;
    const ws = ctx.workbook.worksheets.getItem("Data");
    // 6,000 rows × 100 cells of 10 characters: over 6,000,000 bytes of JSON > 5,242,880.
    const big = Array.from({ length: 6000 }, () => Array.from({ length: 100 }, () => "xxxxxxxxxx"));
    ws.getRangeByIndexes(0, 0, 6000, 100).values = big;
    await expect(ctx.sync()).rejects.toThrow("The request payload size has exceeded the limit");
    expect(sim.syncs[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(sim.cell("Data", 1, 1).value).toBe(""); // nothing applied

    // Half of it per request fits; reading all of it back in one response does not.
    ws.getRangeByIndexes(0, 0, 3000, 100).values = big.slice(0, 3000);
    await ctx.sync();
    ws.getRangeByIndexes(3000, 0, 3000, 100).values = big.slice(3000);
    await ctx.sync();
    const all = ws.getRangeByIndexes(0, 0, 6000, 100);
    all.load("values");
    await expect(ctx.sync()).rejects.toThrow("The response payload size has exceeded the limit");
    expect(() => all.values).toThrow(/property 'values'/);
    expect(sim.syncCount).toBe(4);
  });

  it("coerces typed-looking text the way Excel does unless it carries the apostrophe prefix", async () => {
    const sim = new SimulatedExcel(["Data"]);
    const ctx = sim.context;
    ctx.workbook.worksheets.getItem("Data").getRange("A1:D1").values = [["99213", "'99213", "TRUE", "=1+1"]];
    await ctx.sync();
    expect(sim.cell("Data", 1, 1).value).toBe(99213);
    expect(sim.cell("Data", 1, 2).value).toBe("99213");
    expect(sim.cell("Data", 1, 3).value).toBe(true);
    expect(JSON.parse(sim.snapshot("Data")).cells[3][1]).toEqual({ formula: "=1+1" });
  });

  it("stops a batch at the failing operation (earlier ones stay applied) and names its location", async () => {
    const sim = new SimulatedExcel(["Data"]);
    const ctx = sim.context;
    const ws = ctx.workbook.worksheets.getItem("Data");
    ws.getRange("A1").values = [[1]];
    ws.getRange("A2:B2").values = [[1]]; // wrong dimensions
    ws.getRange("A3").values = [[3]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument", debugInfo: { errorLocation: "Range.values" } });
    expect([sim.cell("Data", 1, 1).value, sim.cell("Data", 3, 1).value]).toEqual([1, ""]);
  });
});

describe("the simulated host's formulas", () => {
  it("reads a formula cell through Range.values as its computed value, recalculated after a write", async () => {
    const sim = new SimulatedExcel(["Data"]);
    const ws = sim.context.workbook.worksheets.getItem("Data");
    ws.getRange("A1:B1").values = [[150, 60]];
    ws.getRange("C1:D1").formulas = [["=ROUND(A1-B1,2)", "=A1/0"]];
    await sim.context.sync();
    expect(sim.cell("Data", 1, 3).value).toBe(90); // 150 − 60
    expect(sim.cell("Data", 1, 4).value).toBe("#DIV/0!");
    ws.getRange("B1").values = [[75.5]];
    const read = ws.getRange("C1");
    read.load("values");
    await sim.context.sync();
    expect(read.values).toEqual([[74.5]]); // 150 − 75.50
  });
});
