/* Text written through Range.values: the simulated host parses it as Excel does (typedEntry.ts,
 * which cites Microsoft's pages), and the renderer keeps every description's text as text.
 * Expected serials worked out by hand: 2025-01-01 is serial 45,658, so 2026-01-01 is 45,658 + 365
 * = 46,023; Jan 2 is 46,024; Oct 31 is 46,023 + 303 = 46,326. */
import fc from "fast-check";
import { SheetBuilder } from "../../src/core/sheet/sheetBuilder";
import { needsTextPrefix, renderSheetDescription } from "../../src/office/renderSheet";
import { SimulatedExcel } from "./simulatedExcel";
import { typedEntry } from "./simulatedExcel/typedEntry";
import { excelContext } from "./helpers";

describe("the simulated host parses written text as Excel does", () => {
  it.each([
    ["1234E5", { kind: "number", value: 123_400_000 }],
    ["99213", { kind: "number", value: 99213 }],
    ["00123", { kind: "number", value: 123 }],
    ["$1,234.50", { kind: "number", value: 1234.5 }],
    ["12%", { kind: "number", value: 0.12 }],
    ["(25)", { kind: "number", value: -25 }],
    ["Jan 2026", { kind: "number", value: 46023 }],
    ["31-Oct", { kind: "number", value: 46326 }],
    ["Oct 31, 2026", { kind: "number", value: 46326 }],
    ["2026-10-31", { kind: "number", value: 46326 }],
    ["10/31/2026", { kind: "number", value: 46326 }],
    ["1/2", { kind: "number", value: 46024 }],
    ["10:30 AM", { kind: "number", value: 0.4375 }], // 10.5 h ÷ 24
    ["TRUE", { kind: "boolean", value: true }],
    ["#N/A", { kind: "error", code: "#N/A" }],
    ["=1+1", { kind: "formula", formula: "=1+1" }],
    ["-abc", { kind: "formula", formula: "=-abc" }],
    ["Aetna PPO", { kind: "text", text: "Aetna PPO" }],
    ["'99213", { kind: "text", text: "99213" }],
  ])("%s", (text, expected) => {
    expect(typedEntry(text, undefined)).toEqual(expected);
  });

  it("keeps text in a cell formatted as Text (@)", () => {
    expect(typedEntry("1234E5", "@")).toEqual({ kind: "text", text: "1234E5" });
  });

  it("stores what Range.values would: 1234E5 becomes a number without the prefix, stays text with it", async () => {
    const sim = new SimulatedExcel(["Data"]);
    sim.context.workbook.worksheets.getItem("Data").getRange("A1:C1").values = [["1234E5", "'1234E5", "#N/A"]];
    await sim.context.sync();
    expect(sim.cell("Data", 1, 1).value).toBe(123_400_000);
    expect(sim.cell("Data", 1, 2).value).toBe("1234E5");
    expect(sim.cell("Data", 1, 3).value).toBe("#N/A");
  });
});

describe("renderSheetDescription keeps text as text", () => {
  const TEXTS = ["1234E5", "Jan 2026", "31-Oct", "1/2", "00123", "99213", "10:30", "$5", "12%", "TRUE", "#N/A", "=SUM(A1)", "-25", "'quoted", "Aetna PPO", "C-1001"];

  it("writes claim ids, payer names and codes that Excel would parse exactly as given", async () => {
    const b = new SheetBuilder("Texts", [20]);
    TEXTS.forEach((t, i) => b.set(i + 1, 1, t));
    const sim = new SimulatedExcel(["Claims Register"]);
    const result = await renderSheetDescription(excelContext(sim), b.build());
    TEXTS.forEach((t, i) => expect(sim.cell(result.name, i + 1, 1).value).toBe(t));
  });

  it("property: every text Excel would parse as something else gets the prefix", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        if (typedEntry(text, undefined).kind !== "text" || text.startsWith("'")) expect(needsTextPrefix(text)).toBe(true);
      }),
    );
  });
});
