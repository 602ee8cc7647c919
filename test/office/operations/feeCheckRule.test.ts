/**
 * The Fee check's highlight rule (issue 11 follow-up): claim ids are matched exactly, though
 * COUNTIFS reads `*`, `?` and `~` in a criterion as wildcards and escape (Microsoft,
 * "WorksheetFunction.CountIfs method (Excel)",
 * https://learn.microsoft.com/en-us/office/vba/api/excel.worksheetfunction.countifs: "A question
 * mark matches any single character; an asterisk matches any sequence of characters. If you want
 * to find an actual question mark or asterisk, type a tilde (~) before the character"; the
 * simulated host evaluates COUNTIFS that way); and a re-run replaces the rule the add-in added
 * before instead of stacking another, leaving the user's own rules alone.
 */
import { runFeeCheck } from "../../../src/office/operations";
import { exactCriterion, isUnderpaidRule } from "../../../src/office/operations/underpaidRule";
import { SimulatedExcel, highlightedRows } from "../simulatedExcel";
import { excelContext } from "../helpers";
import { FEE_REGISTER_HEADER, feeScheduleGrid, serial } from "./fixtures";

/** Aetna 99213 is allowed 100.00 (feeScheduleGrid): a line paid (allowed) 90.00 is underpaid, 100.00 is not. */
function wildcardRegister(): unknown[][] {
  const d = serial(2026, 9, 15);
  const line = (id: string, allowed: number): unknown[] => [id, d, "Aetna", 150, allowed, 0, 150 - allowed, allowed, "99213", "Paid"];
  return [
    FEE_REGISTER_HEADER,
    line("AB", 90), // row 2: underpaid
    line("A*", 100), // row 3: paid in full; as a wildcard "A*" would match AB
    line("A?", 100), // row 4: paid in full; "A?" would match AB
    line("A~B", 100), // row 5: paid in full; "A~B" is "AB" with its escape
    line("X*Y", 90), // row 6: underpaid; must match itself
  ];
}

const customRules = (sim: SimulatedExcel) => sim.sheetByName("Claims Register")!.conditionalFormats.filter((c) => c.type === "Custom");

describe("Fee check highlight rule", () => {
  it("highlights exactly the underpaid claim ids, even those holding *, ? or ~", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims Register", wildcardRegister() as never);
    sim.addSheetNow("Fee Schedule", feeScheduleGrid());
    const result = await runFeeCheck(excelContext(sim));
    expect(result.underpaidLines).toBe(2);
    expect(highlightedRows(sim, "Claims Register")).toEqual([2, 6]);
    // The earlier formula (the register cell as the criterion) would mark every row here.
    const rule = customRules(sim)[0].custom!;
    rule.formula = rule.formula!.replace(/SUBSTITUTE\(SUBSTITUTE\(SUBSTITUTE\((\$[A-Z]+\d+),"~","~~"\),"\*","~\*"\),"\?","~\?"\)/g, "$1");
    expect(rule.formula).not.toContain("SUBSTITUTE");
    expect(highlightedRows(sim, "Claims Register")).toEqual([2, 3, 4, 5, 6]);
  });

  it("a re-run replaces the rule it added before, and keeps the user's own rules", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims Register", wildcardRegister() as never);
    sim.addSheetNow("Fee Schedule", feeScheduleGrid());
    const first = await runFeeCheck(excelContext(sim));
    // The user's own rule on the same rows.
    sim.sheetByName("Claims Register")!.conditionalFormats.push({ id: "user", type: "Custom", range: "A2:J6", custom: { formula: "=$D2>100", fill: "#FFFF00" } });
    const second = await runFeeCheck(excelContext(sim));
    expect(second.sheet).not.toBe(first.sheet);
    const rules = customRules(sim);
    expect(rules.map((r) => r.custom!.formula)).toEqual([
      "=$D2>100",
      expect.stringContaining(`=COUNTIFS('${second.sheet}'!$B$6:$B$7,`),
    ]);
    // The add-in's rule alone (the simulated host does not evaluate the user's formula).
    const register = sim.sheetByName("Claims Register")!;
    const all = register.conditionalFormats;
    register.conditionalFormats = all.filter((c) => c.id !== "user");
    expect(highlightedRows(sim, "Claims Register")).toEqual([2, 6]);
    register.conditionalFormats = all;
    expect(second.replacedHighlights).toBe(1);
    expect(first.replacedHighlights).toBe(0);
    await runFeeCheck(excelContext(sim));
    expect(customRules(sim)).toHaveLength(2);
  });

  it("with no line underpaid any more, the earlier highlight is removed (it would mark stale lines)", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Claims Register", wildcardRegister() as never);
    sim.addSheetNow("Fee Schedule", feeScheduleGrid());
    await runFeeCheck(excelContext(sim));
    expect(customRules(sim)).toHaveLength(1);
    // The two short lines were paid in full since (allowed 100.00 = the schedule's 100.00).
    sim.sheetByName("Claims Register")!.values[1][7] = 100;
    sim.sheetByName("Claims Register")!.values[5][7] = 100;
    const again = await runFeeCheck(excelContext(sim));
    expect(again.underpaidLines).toBe(0);
    expect(again.replacedHighlights).toBe(1);
    expect(customRules(sim)).toHaveLength(0);
  });

  it("recognises its own rules (current, earlier and orphaned forms), not the user's", () => {
    expect(isUnderpaidRule(`=COUNTIFS('Fee Check 2026-12-06'!$B$6:$B$9,${exactCriterion("$A2")},'Fee Check 2026-12-06'!$C$6:$C$9,${exactCriterion("$I2")},'Fee Check 2026-12-06'!$H$6:$H$9,$B2)>0`)).toBe(true);
    expect(isUnderpaidRule("=COUNTIFS('Fee Check 2026-12-06 (2)'!$B$6:$B$8,$A2,'Fee Check 2026-12-06 (2)'!$C$6:$C$8,$I2,'Fee Check 2026-12-06 (2)'!$H$6:$H$8,$B2)>0")).toBe(true);
    expect(isUnderpaidRule("=COUNTIFS(#REF!$B$6:$B$8,$A2,#REF!$C$6:$C$8,$I2,#REF!$H$6:$H$8,$B2)>0")).toBe(true);
    expect(isUnderpaidRule("=ISNUMBER(MATCH(ROW(),{2,4,6},0))")).toBe(true);
    expect(isUnderpaidRule("=$D2>100")).toBe(false);
    expect(isUnderpaidRule("=COUNTIFS('My Notes'!$B$6:$B$8,$A2)>0")).toBe(false);
    expect(isUnderpaidRule("=COUNTIFS('Fee Check 2026-12-06'!$D$6:$D$8,$A2)>0")).toBe(false);
  });
});
