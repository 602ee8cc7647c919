import fc from "fast-check";
import { expectedFee, feeVariance, mpfs, underpaid } from "../../src/functions/functions";
import { err } from "./errorOf";
import { practiceEngine } from "./hyperformulaHarness";


// A fee schedule with its header row, as a table on a "Fees" sheet would be passed.
const FEES: unknown[][] = [
  ["Payer", "CPT", "Modifier", "Amount", "% of Medicare"],
  ["Aetna PPO", "99213", null, 100, null], // row 2
  ["Aetna PPO", "99213", "25", "105.00", null], // row 3
  ["Aetna PPO", "27447", null, "$1,500.00", null], // row 4
  ["Medicare", "99213", null, 87.51, null], // row 5
  ["Blue Cross", 99213, null, null, "125%"], // row 6
  [null, null, null, null, null], // blank row: skipped
  ["Cigna", "99214", null, null, 1.5], // row 8: no Medicare row for 99214
];

describe("PRACTICE.MPFS", () => {
  it("applies the CMS formula with the CY2026 non-qualifying conversion factor by default", () => {
    // work 1.30 × 1.000 = 1.30; PE 1.23 × 0.887 = 1.09101; MP 0.10 × 0.577 = 0.0577; Σ = 2.44871
    // 2.44871 × 33.4009 = 80.80743 + 0.981687839 = 81.789117839 → 81.79
    expect(mpfs(1.3, 1.23, 0.1, 1, 0.887, 0.577)).toBe(81.79);
    // 2.44871 × 33.5675 (qualifying APM) = 80.80743 + 1.389642925 = 82.197072925 → 82.20
    expect(mpfs(1.3, 1.23, 0.1, 1, 0.887, 0.577, 33.5675)).toBe(82.2);
    // 2.44871 × 32.3465 (CY2025) = 78.35872 + 0.848478015 = 79.207198015 → 79.21
    expect(mpfs("1.30", "1.23", "0.10", "1.000", "0.887", "0.577", "32.3465")).toBe(79.21);
    // (1.30 + 1.23 + 0.10) × 1 × 33.4009 = 2.63 × 33.4009 = 87.844367 → 87.84
    expect(mpfs(1.3, 1.23, 0.1, 1, 1, 1, null)).toBe(87.84);
  });

  it("rounds once, half up, from the exact amount (never binary floating point)", () => {
    // 1 × 1 × 0.125 = 0.125 → 0.13 (half up; half-even would give 0.12)
    expect(mpfs(1, 0, 0, 1, 1, 1, 0.125)).toBe(0.13);
    // 1.005 × 1 × 1 = 1.005 exactly → 1.01 (Math.round(1.005 × 100) / 100 gives 1.00)
    expect(mpfs(1.005, 0, 0, 1, 1, 1, 1)).toBe(1.01);
    // (0.1 + 0.2) × 1 × 1 = 0.3 exactly
    expect(mpfs(0.1, 0.2, 0, 1, 1, 1, 1)).toBe(0.3);
  });

  it("is #VALUE! naming the argument for text, blanks and negatives", () => {
    expect(err(mpfs("abc", 1, 1, 1, 1, 1)).message).toBe('workRVU must be a number (found "abc")');
    expect(err(mpfs(1, 1, 1, 1, null, 1)).message).toBe("peGPCI is required (a number)");
    expect(err(mpfs(1, 1, -0.5, 1, 1, 1)).message).toBe('mpRVU cannot be negative (found "-0.5")');
    expect(err(mpfs(1, 1, 1, 1, 1, 1, "#N/A")).code).toBe("#VALUE!");
  });
});

describe("PRACTICE.EXPECTEDFEE", () => {
  it("takes the fixed rate × units, payer compared trimmed and case-insensitively", () => {
    expect(expectedFee(FEES, "Aetna PPO", "99213")).toBe(100); // $100.00 × 1
    expect(expectedFee(FEES, "  aetna ppo ", 99213, null, 3)).toBe(300); // $100.00 × 3
    expect(expectedFee(FEES, "Aetna PPO", "27447")).toBe(1500); // "$1,500.00" read as 1500.00
  });

  it("lets a modifier-specific row win, else applies the modifier factors", () => {
    expect(expectedFee(FEES, "Aetna PPO", "99213", "25")).toBe(105); // row 3, factor 1
    expect(expectedFee(FEES, "Aetna PPO", "27447", "80")).toBe(240); // 1500.00 × 16 % = 240.00
    expect(expectedFee(FEES, "Aetna PPO", "27447", "50")).toBe(2250); // 1500.00 × 150 % = 2250.00
    expect(expectedFee(FEES, "Aetna PPO", "27447", "50, 51")).toBe(1125); // 1500.00 × 1.5 × 0.5 = 1125.00
    expect(expectedFee(FEES, "Aetna PPO", "27447", "as")).toBe(204); // 1500.00 × 13.6 % = 204.00
    expect(expectedFee(FEES, "Aetna PPO", "99213", "59")).toBe(100); // 59 has no factor: 100.00
  });

  it("prices percent-of-Medicare rows from the range's own Medicare row, rounded once half up", () => {
    // 87.51 × 125 % = 109.3875 → 109.39
    expect(expectedFee(FEES, "Blue Cross", "99213")).toBe(109.39);
    // 87.51 × 1.25 × 2 = 218.775 → 218.78
    expect(expectedFee(FEES, "Blue Cross", "99213", "", 2)).toBe(218.78);
    // 87.51 × 1.25 × 3 × 0.5 (modifier 51) = 164.08125 → 164.08
    expect(expectedFee(FEES, "Blue Cross", "99213", "51", 3)).toBe(164.08);
  });

  it("reads a schedule without a header row by position, and one with other header names by name", () => {
    const positional = FEES.slice(1);
    expect(expectedFee(positional, "Aetna PPO", "27447", "80")).toBe(240);
    // Columns in another order, named the way payer contracts name them.
    const named = [
      ["Fee", "Procedure Code", "Insurance", "% Medicare", "Mod"],
      [100, "99213", "Aetna PPO", null, null],
      [87.51, "99213", "Medicare", null, null],
      [null, "99213", "Blue Cross", "125%", null],
      [42, "99213", "Aetna PPO", null, "26"],
    ];
    expect(expectedFee(named, "Blue Cross", "99213")).toBe(109.39); // 87.51 × 1.25
    expect(expectedFee(named, "Aetna PPO", "99213", "26")).toBe(42);
    // A header row of unknown names in the usual order is skipped, not read as data.
    expect(expectedFee([["Who", "What", "Which", "How much", "Share"], ...positional], "Aetna PPO", "99213")).toBe(100);
    // A header naming the code and a rate but no payer column says so.
    expect(err(expectedFee([["Insurer name", "Code", "M", "Contract fee", "Pct"], ...positional], "Aetna PPO", "99213")).message).toBe(
      'feeSchedule: its header row has no payer column (e.g. "Payer")',
    );
  });

  it("is #N/A with the reason when no rate matches", () => {
    expect(err(expectedFee(FEES, "Humana", "99213")).code).toBe("#N/A");
    expect(err(expectedFee(FEES, "Humana", "99213")).message).toBe('feeSchedule has no rate for payer "Humana", CPT 99213');
    const noMedicare = err(expectedFee(FEES, "Cigna", "99214"));
    expect(noMedicare.code).toBe("#N/A");
    expect(noMedicare.message).toMatch(/^feeSchedule, row 8 of the range, prices 99214 as a percent of Medicare, but the range has no Medicare amount for 99214/);
  });

  it("is #VALUE! naming the row and column of an unreadable schedule row, and for bad arguments", () => {
    const bad = [...FEES, ["Aetna PPO", "99214", null, "abc", null], ["Aetna PPO", "99215", null, "#N/A", null]];
    const e = err(expectedFee(bad, "Aetna PPO", "99213"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('feeSchedule, row 9 of the range, column "Amount": allowed amount: not an amount (found "abc"); 1 more row cannot be read either');
    expect(err(expectedFee(FEES, null, "99213")).message).toMatch(/^payer is required/);
    expect(err(expectedFee(FEES, "Aetna PPO", "")).message).toMatch(/^cpt is required/);
    expect(err(expectedFee(FEES, "Aetna PPO", "99213", null, 0)).message).toBe('units must be a number above 0 (found "0")');
    expect(err(expectedFee(FEES, "Aetna PPO", "99213", null, "two")).message).toBe('units must be a number (found "two")');
    expect(err(expectedFee([["Payer", "CPT"]], "Aetna PPO", "99213")).message).toMatch(/needs the columns Payer, CPT, Modifier, Amount/);
  });
});

describe("PRACTICE.FEEVARIANCE", () => {
  it("is actual allowed − expected allowed, exact to the cent", () => {
    expect(feeVariance(95.5, FEES, "Aetna PPO", "99213")).toBe(-4.5); // 95.50 − 100.00
    expect(feeVariance(109.39, FEES, "Blue Cross", "99213")).toBe(0); // 109.39 − 109.39 (87.51 × 1.25 rounded)
    expect(feeVariance("$250.00", FEES, "Aetna PPO", "27447", "80")).toBe(10); // 250.00 − 240.00
    expect(feeVariance(0.3, [["Payer", "CPT", "Modifier", "Amount"], ["X", "A0001", null, 0.1]], "X", "a0001", null, 3)).toBe(0); // 0.30 − 0.10 × 3
  });

  it("maps errors: unreadable actual is #VALUE!, no rate is #N/A", () => {
    expect(err(feeVariance("abc", FEES, "Aetna PPO", "99213")).message).toMatch(/^actualAllowed: not an amount/);
    expect(err(feeVariance(null, FEES, "Aetna PPO", "99213")).message).toMatch(/^actualAllowed is required/);
    expect(err(feeVariance(10, FEES, "Humana", "99213")).code).toBe("#N/A");
  });

  it("property: FEEVARIANCE = actual − EXPECTEDFEE to the cent, for any fixed rate, units and actual", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: -10_000_000, max: 10_000_000 }), (rate, units, actual) => {
        const schedule = [["Payer", "CPT", "Modifier", "Amount"], ["P", "99213", null, rate / 100]];
        const expected = expectedFee(schedule, "P", "99213", null, units) as number;
        expect(Math.round(expected * 100)).toBe(rate * units); // fixed rate × units, whole cents
        const variance = feeVariance(actual / 100, schedule, "P", "99213", null, units) as number;
        expect(Math.round(variance * 100)).toBe(actual - rate * units);
        expect(variance).toBe((actual - rate * units) / 100); // the double Excel shows for that amount
      }),
    );
  });
});

// A claims register with its header row, as Claims[#All] is passed.
const REGISTER: unknown[][] = [
  ["Claim ID", "DOS", "Payer", "CPT", "Mod", "Units", "Charge", "Ins Paid", "Contractual Adj", "Allowed", "Status"],
  ["C1", "2026-03-02", "Aetna PPO", "99213", null, 1, 150, 80, 60, null, "Paid"], // row 2: actual 150 − 60 = 90 vs 100 → −10.00
  ["C2", "2026-03-03", "Aetna PPO", "99213", "25", 1, 150, 84, null, 105, "Paid"], // row 3: 105 vs 105 → 0
  ["C3", "2026-03-03", "blue cross", "99213", null, 2, 300, 150, null, 200, "Paid"], // row 4: 200 vs 218.78 → −18.78
  ["C4", "2026-03-04", "Aetna PPO", "27447", "80", 1, 500, 250, null, 250, "Paid"], // row 5: 250 vs 240 → +10.00
  ["C5", "2026-03-04", "Aetna PPO", "99213", null, 1, 150, 0, 0, null, "Denied"], // row 6: denied, not checked
  ["C6", null, "Aetna PPO", "99213", null, 1, 150, 80, 60, null, "Paid"], // row 7: left out, DOS blank
  ["C7", "2026-03-05", "Humana", "99213", null, 1, 150, 80, 60, null, "Paid"], // row 8: no rate
  ["C8", "2026-03-06", "Aetna PPO", "99213", null, 1, "abc", 80, 60, null, "Paid"], // row 9: left out, charge unreadable
  [null, null, null, null, null, null, null, null, null, null, null], // row 10: blank, skipped
  ["C9", "2026-03-06", "Aetna PPO", "99213", null, 1, 150, null, null, null, "Submitted"], // row 11: not adjudicated
];

describe("PRACTICE.UNDERPAID", () => {
  it("spills the discrepancies, underpaid first, then the underpaid total with what was left out", () => {
    const out = underpaid(REGISTER, FEES);
    expect(out).toEqual([
      ["Row", "Claim", "CPT", "Payer", "Expected", "Actual", "Variance"],
      [4, "C3", "99213", "blue cross", 218.78, 200, -18.78], // 87.51 × 1.25 × 2 = 218.775 → 218.78; 200 − 218.78
      [2, "C1", "99213", "Aetna PPO", 100, 90, -10], // 150 − 60 = 90; 90 − 100
      [5, "C4", "27447", "Aetna PPO", 240, 250, 10], // 1500 × 16 % = 240; 250 − 240
      [
        "Underpaid total",
        '2 register rows left out (cannot be read); first: row 7 of the range, column "DOS": date of service is blank; 1 line with no rate in the fee schedule, not checked (first: row 8)',
        "", "", "", "", 28.78, // 18.78 + 10.00
      ],
    ]);
  });

  it("takes the tolerance in dollars: variances within ± tolerance are not listed", () => {
    const out = underpaid(REGISTER, FEES, 10) as unknown[][];
    // −10.00 and +10.00 are within ± 10.00; only −18.78 remains
    expect(out.slice(1, -1)).toEqual([[4, "C3", "99213", "blue cross", 218.78, 200, -18.78]]);
    expect(out[out.length - 1][6]).toBe(18.78);
  });

  it("joins several modifier columns and says nothing more when every row reads", () => {
    const register = [
      ["Claim #", "Date of Service", "Primary Insurance", "Procedure Code", "Mod 1", "Mod 2", "Charges", "Ins Pmt", "Adj"],
      ["A1", 46083, "Aetna PPO", "27447", "50", "51", 2000, 1000, 900], // 1500 × 1.5 × 0.5 = 1125; actual 2000 − 900 = 1100 → −25
    ];
    expect(underpaid(register, FEES)).toEqual([
      ["Row", "Claim", "CPT", "Payer", "Expected", "Actual", "Variance"],
      [2, "A1", "27447", "Aetna PPO", 1125, 1100, -25],
      ["Underpaid total", "", "", "", "", "", 25],
    ]);
  });

  it("is #VALUE! when the register does not start with its header row", () => {
    const e = err(() => underpaid(REGISTER.slice(1), FEES));
    expect(e.message).toMatch(/^register must start with its header row; no column found for Claim ID, Date of Service, Payer, Charge, CPT/);
    expect(err(() => underpaid(REGISTER, [["Payer", "CPT", "Modifier", "Amount"], ["Aetna PPO", "99213", null, "x"]])).message).toMatch(/^feeSchedule, row 2 of the range/);
  });
});

describe("fee functions in a formula engine", () => {
  const hf = practiceEngine({
    Fees: FEES.map((r) => r.map((v) => (v === "125%" ? "125%" : v))),
    Claims: [
      ["Claim ID", "DOS", "Payer", "CPT", "Mod", "Units", "Charge", "Ins Paid", "Contractual Adj", "Allowed", "Status"],
      ["C1", "=DATE(2026,3,2)", "Aetna PPO", "99213", null, 1, 150, 80, 60, null, "Paid"],
      ["C3", "=DATE(2026,3,3)", "Blue Cross", "99213", null, 2, 300, 150, null, 200, "Paid"],
      ["C4", "=DATE(2026,3,4)", "Aetna PPO", "27447", "80", 1, 500, 250, null, "=NA()", "Paid"], // error value in Allowed
      [null, null, null, null, null, null, null, null, null, null, null],
      ["C6", "=DATE(2026,3,4)", "Aetna PPO", "99213", null, 1, 150, 80, 60, null, "Paid"],
    ],
    Calc: [
      ["=PRACTICE.EXPECTEDFEE(Fees!A1:E8,\"Blue Cross\",\"99213\",,2)"],
      ["=PRACTICE.FEEVARIANCE(95.5,Fees!A1:E8,\"Aetna PPO\",99213)"],
      ["=PRACTICE.EXPECTEDFEE(Fees!A1:E8,\"Humana\",\"99213\")"],
      ["=PRACTICE.MPFS(1.3,1.23,0.1,1,0.887,0.577)"],
      ["=PRACTICE.EXPECTEDFEE(Fees!A1:E8,\"Aetna PPO\",\"99213\",\"25\")"],
      ["=PRACTICE.UNDERPAID(Claims!A1:K6,Fees!A1:E8)"],
    ],
  });
  const calc = hf.getSheetId("Calc") as number;
  const at = (row: number, col = 0): unknown => hf.getCellValue({ sheet: calc, row, col });
  afterAll(() => hf.destroy());

  it("evaluates EXPECTEDFEE, FEEVARIANCE and MPFS over real ranges", () => {
    expect(at(0)).toBe(218.78); // 87.51 × 1.25 × 2 = 218.775 → 218.78 (the blank 4th argument is no modifier)
    expect(at(1)).toBe(-4.5); // 95.50 − 100.00
    expect(at(2)).toMatchObject({ value: "#N/A" });
    expect(at(3)).toBe(81.79); // see the MPFS test
    expect(at(4)).toBe(105);
  });

  it("spills UNDERPAID, leaving out the row with an error value and saying so", () => {
    const values = hf.getSheetValues(calc).slice(5, 9).map((r) => r.slice(0, 7));
    expect(values[0]).toEqual(["Row", "Claim", "CPT", "Payer", "Expected", "Actual", "Variance"]);
    expect(values[1]).toEqual([3, "C3", "99213", "Blue Cross", 218.78, 200, -18.78]);
    expect(values[2]).toEqual([2, "C1", "99213", "Aetna PPO", 100, 90, -10]); // C6 repeats C1's figures on another date: also −10
    expect(values[3]).toEqual([6, "C6", "99213", "Aetna PPO", 100, 90, -10]);
    const total = hf.getSheetValues(calc)[9].slice(0, 7);
    expect(total[0]).toBe("Underpaid total");
    // The allowed cell of row 4 holds #N/A: an amount that cannot be read leaves the row out.
    expect(total[1]).toBe('1 register row left out (cannot be read); first: row 4 of the range, column "Allowed": allowed amount: the cell holds the error #N/A, not an amount (found "#N/A")');
    expect(total[6]).toBe(38.78); // 18.78 + 10.00 + 10.00
  });
});
