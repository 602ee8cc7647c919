import fc from "fast-check";
import { parsePercent, readFeeScheduleRows, type RawFeeScheduleRow } from "../../../src/core/feeSchedule";

const percentOf = (value: unknown): string | null => {
  const p = parsePercent(value);
  return p.kind === "value" ? p.value.toString() : null;
};

describe("parsePercent", () => {
  it("reads a % sign as percentage points", () => {
    expect(percentOf("125%")).toBe("1.25"); // 125 ÷ 100
    expect(percentOf("125 %")).toBe("1.25");
    expect(percentOf(" 87.5% ")).toBe("0.875"); // 87.5 ÷ 100
    expect(percentOf("15%")).toBe("0.15");
  });
  it("reads a bare number up to 10 as a fraction and from 20 as percentage points", () => {
    expect(percentOf(1.25)).toBe("1.25"); // a cell formatted 125 % holds 1.25
    expect(percentOf("0.8")).toBe("0.8");
    expect(percentOf(10)).toBe("10"); // 1000 %, the largest fraction
    expect(percentOf(125)).toBe("1.25"); // 125 ÷ 100
    expect(percentOf("20")).toBe("0.2"); // 20 ÷ 100
  });
  it("refuses what it would have to guess, and what is not a positive percentage", () => {
    for (const v of [15, "12.5", 19.99, 0, "0%", -1.25, "-125%", "abc", "#N/A", true, "1,25", Infinity, {}]) {
      expect(parsePercent(v).kind).toBe("invalid");
    }
    expect(parsePercent("").kind).toBe("blank");
    expect(parsePercent(null).kind).toBe("blank");
  });
});

describe("readFeeScheduleRows", () => {
  const read = (rows: RawFeeScheduleRow[]) =>
    readFeeScheduleRows(rows, { sheet: "Fees", columns: { payer: "A", cpt: "B", modifier: "C", amount: "D", percentOfMedicare: "E" } });

  it("reads fixed and percent-of-Medicare rows", () => {
    const { rows, issues } = read([
      { row: 2, cells: { payer: " Aetna PPO ", cpt: 99213, amount: "$100.00" } },
      { row: 3, cells: { payer: "Aetna PPO", cpt: "99213", modifier: 25, amount: 105 } },
      { row: 4, cells: { payer: "Blue Cross", cpt: "j1100", percentOfMedicare: "125%" } },
      { row: 5, cells: { payer: "Anesthesia Co", cpt: 100, modifier: "as", percentOfMedicare: 1.1 } },
      { row: 6, cells: {} },
    ]);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.row, r.payer, r.cpt, r.modifier, r.kind, r.amount, r.percent?.toString() ?? null])).toEqual([
      [2, "Aetna PPO", "99213", null, "fixed", 10000, null], // $100.00 = 10000 cents
      [3, "Aetna PPO", "99213", "25", "fixed", 10500, null],
      [4, "Blue Cross", "J1100", null, "percentOfMedicare", null, "1.25"],
      [5, "Anesthesia Co", "00100", "AS", "percentOfMedicare", null, "1.1"], // Excel's 100 is code 00100
    ]);
  });

  it("leaves out rows with both, neither, or unreadable values, naming row and column", () => {
    const { rows, issues } = read([
      { row: 2, cells: { payer: "Aetna", cpt: "99213", amount: 100, percentOfMedicare: "125%" } },
      { row: 3, cells: { payer: "Aetna", cpt: "99214" } },
      { row: 4, cells: { payer: "Aetna", cpt: "99215", amount: "12,50" } },
      { row: 5, cells: { payer: "Aetna", cpt: "99215", percentOfMedicare: 15 } },
      { row: 6, cells: { cpt: "99215", amount: 10 } },
      { row: 7, cells: { payer: "Aetna", amount: 10 } },
      { row: 8, cells: { payer: "Aetna", cpt: "99215", amount: -10 } },
      { row: 9, cells: { payer: "Aetna", cpt: "27447", modifier: "50 51", amount: 10 } },
    ]);
    expect(rows).toEqual([]);
    const errors = issues.filter((i) => i.severity === "error").map((i) => [i.row, i.column]);
    expect(errors).toEqual([[2, "E"], [3, "D"], [4, "D"], [5, "E"], [6, "A"], [7, "B"], [8, "D"], [9, "C"]]);
    expect(issues.every((i) => i.sheet === "Fees")).toBe(true);
    expect(issues.find((i) => i.row === 5)?.message).toMatch(/ambiguous/);
  });

  it("keeps the first of duplicate (payer, CPT, modifier) rows and warns on the later ones", () => {
    const { rows, issues } = read([
      { row: 2, cells: { payer: "Aetna PPO", cpt: "99213", amount: 100 } },
      { row: 3, cells: { payer: "aetna ppo", cpt: "99213", amount: 95 } },
      { row: 4, cells: { payer: "Aetna PPO", cpt: "99213", modifier: "25", amount: 95 } },
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 3, severity: "warning", column: "B" });
    expect(issues[0].message).toMatch(/row 2 is used/);
  });

  it("never throws on arbitrary cell values", () => {
    const cell = fc.oneof(fc.anything(), fc.double(), fc.string(), fc.constantFrom("125%", "1.25", "15", "#N/A", "$1,234.50", "-", "%", ".", "1e5"));
    fc.assert(
      fc.property(
        fc.array(fc.record({
          row: fc.integer({ min: 1, max: 1000 }),
          cells: fc.record({ payer: cell, cpt: cell, modifier: cell, amount: cell, percentOfMedicare: cell }, { requiredKeys: [] }),
        })),
        (rows) => {
          const result = readFeeScheduleRows(rows);
          // every non-blank row is either read or has an issue
          return result.rows.length <= rows.length && result.rows.every((r) => (r.amount === null) !== (r.percent === null));
        },
      ),
      { numRuns: 500 },
    );
  });
});
