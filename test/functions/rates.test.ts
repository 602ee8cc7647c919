import fc from "fast-check";
import { collectionRate, daysToPay, denialRate, payerMix } from "../../src/functions/functions";
import { err } from "./errorOf";
import { practiceEngine } from "./hyperformulaHarness";

const col = (values: unknown[]): unknown[][] => values.map((v) => [v]);

describe("PRACTICE.COLLECTIONRATE", () => {
  // insurance | patient | charge | contractual
  const rows = [
    [80, 20, 150, 40],
    [0, 10, 50, 0],
    [120.5, null, 200, 60],
    [null, null, null, null], // blank row: skipped
  ];
  const payments = rows.map((r) => [r[0], r[1]]);
  const charges = col(rows.map((r) => r[2]));
  const adjustments = col(rows.map((r) => r[3]));

  it("is net by default: payments ÷ (charges − contractual adjustments), every payment cell added", () => {
    // payments 100 + 10 + 120.50 = 230.50; charges 400; adjustments 100; 230.50 ÷ 300 = 0.768333…
    expect(collectionRate(payments, charges, adjustments)).toBeCloseTo(230.5 / 300, 15);
  });

  it("is gross with TRUE: payments ÷ charges", () => {
    expect(collectionRate(payments, charges, undefined, true)).toBe(0.57625); // 230.50 ÷ 400 = 0.57625
    expect(collectionRate(payments, charges, adjustments, "TRUE")).toBe(0.57625);
  });

  it("skips a header row and takes a single payments column", () => {
    const withHeader = [["Ins Paid", "Pt Paid"], ...payments];
    expect(collectionRate(withHeader, [["Charge"], ...charges], [["Adj"], ...adjustments])).toBeCloseTo(230.5 / 300, 15);
    expect(collectionRate(col([100, 10, 120.5]), col([150, 50, 200]), undefined, true)).toBe(0.57625);
  });

  it("maps missing adjustments, text, errors and zero charges to Excel errors", () => {
    expect(err(collectionRate(payments, charges)).message).toMatch(/^the net collection rate needs contractualAdjustments: pass the contractual adjustments range, or TRUE/);
    const bad = payments.map((r, i) => (i === 1 ? [0, "ten"] : r));
    expect(err(collectionRate(bad, charges, adjustments)).message).toBe('payments (column 2), row 2 of the range: not an amount (found "ten")');
    expect(err(collectionRate(payments, charges.map((r, i) => (i === 0 ? ["#N/A"] : r)), adjustments)).message).toMatch(/^charges, row 1 of the range: the cell holds the error #N\/A/);
    expect(err(collectionRate([[10]], [[0]], undefined, true)).code).toBe("#DIV/0!");
    expect(err(collectionRate(payments, charges, adjustments, "maybe")).message).toBe('gross must be TRUE or FALSE (found "maybe")');
  });
});

describe("PRACTICE.DENIALRATE", () => {
  // C1: Paid 100 + Denied 50 → denied; C2: Paid 200; C3: Draft 80 → not submitted; C4: Rejected (= Denied) 120; C5: blank status 30 → submitted
  const ids = col(["C1", "C1", "C2", "C3", "C4", "C5", null]);
  const statuses = col(["Paid", "Denied", "Paid", "Draft", "Rejected", null, null]);
  const charges = col([100, 50, 200, 80, 120, 30, null]);

  it("counts claims: denied ÷ submitted", () => {
    // submitted C1, C2, C4, C5 = 4; denied C1, C4 = 2 → 0.5
    expect(denialRate(ids, statuses)).toBe(0.5);
  });

  it("counts dollars: charges of denied claims ÷ charges of submitted claims", () => {
    // submitted 150 + 200 + 120 + 30 = 500; denied 150 + 120 = 270 → 0.54
    expect(denialRate(ids, statuses, charges, true)).toBe(0.54);
    expect(denialRate([["Claim"], ...ids], [["Status"], ...statuses], [["Charge"], ...charges], true)).toBe(0.54); // header skipped
  });

  it("maps unknown statuses, blank claim numbers and nothing submitted to Excel errors", () => {
    const e = err(denialRate(ids, statuses.map((r, i) => (i === 2 ? ["Pendingg"] : r))));
    expect(e.message).toBe('statuses, row 3 of the range: unknown status (use Draft, Submitted, Paid, Partially paid, Denied, Appealed, Written off, Closed) (found "Pendingg")');
    expect(err(denialRate(col([null]), col(["Paid"]))).message).toBe("claimIds, row 1 of the range: the claim number is blank");
    expect(err(denialRate(ids, statuses, undefined, true)).message).toMatch(/needs the charges range/);
    expect(err(denialRate(col(["C1"]), col(["Draft"]))).code).toBe("#DIV/0!");
  });
});

describe("PRACTICE.DAYSTOPAY", () => {
  const starts = col(["2026-01-01", "2026-01-01", "2026-02-01", "2026-03-01", "2026-03-01", "2026-04-01"]);
  const paid = col(["2026-01-31", "2026-02-15", "2026-02-21", null, "2026-03-11", "2026-04-14"]);
  const payers = col(["Aetna", "Aetna", "Medicare", "Medicare", "AETNA ", "Medicare"]);
  // waits: 30 (Aetna), 45 (Jan 1 → Feb 15 = 31 + 14), 20 (Medicare), unpaid (skipped), 10 (Aetna), 13 (Medicare)

  it("is the average, or the median, over the paid lines", () => {
    expect(daysToPay(starts, paid)).toEqual([[23.6]]); // (30 + 45 + 20 + 10 + 13) ÷ 5 = 118 ÷ 5
    expect(daysToPay(starts, paid, undefined, true)).toEqual([[20]]); // 10, 13, 20, 30, 45 → 20
  });

  it("with payers spills Payer | Paid lines | Average days | Median days and an All payers row", () => {
    const out = daysToPay(starts, paid, payers) as unknown[][];
    expect(out[0]).toEqual(["Payer", "Paid lines", "Average days", "Median days"]);
    expect(out[1][0]).toBe("Aetna");
    expect(out[1][1]).toBe(3);
    expect(out[1][2]).toBeCloseTo(85 / 3, 14); // (30 + 45 + 10) ÷ 3
    expect(out[1][3]).toBe(30); // 10, 30, 45
    expect(out[2]).toEqual(["Medicare", 2, 16.5, 16.5]); // (20 + 13) ÷ 2; median of an even count = (13 + 20) ÷ 2
    expect(out[3]).toEqual(["All payers", 5, 23.6, 20]);
  });

  it("maps a payment before its start, a missing start date and no paid line to Excel errors", () => {
    expect(err(() => daysToPay(col(["2026-02-01"]), col(["2026-01-01"]))).message).toBe('paymentDates, row 1 of the range: the payment date is before the start date (found "2026-01-01")');
    expect(err(() => daysToPay(col([null]), col(["2026-01-01"]))).message).toBe("startDates, row 1 of the range: the start date is blank but the line has a payment date");
    expect(err(() => daysToPay(col(["2026-01-01"]), col([null]))).code).toBe("#DIV/0!");
    expect(err(() => daysToPay(col(["2026-01-01"]), col(["later"]))).message).toMatch(/^paymentDates, row 1 of the range: not a date/);
  });
});

describe("PRACTICE.PAYERMIX", () => {
  const payers = col(["Aetna PPO", "Medicare", " aetna ppo ", null, "Self-pay"]);
  const charges = col([300, 500, 100, 50, 50]);
  const payments = [[150, 50], [350, null], [50, null], [null, null], [0, 25]];

  it("spills one row per payer, largest charges first, and a Total row", () => {
    // Aetna PPO 300 + 100 = 400 charges, 200 + 50 = 250 payments; totals 1000 and 625
    expect(payerMix(payers, charges, payments)).toEqual([
      ["Payer", "Charges", "Share of charges", "Payments", "Share of payments", "Collection ratio"],
      ["Medicare", 500, 0.5, 350, 0.56, 0.7], // 500 ÷ 1000; 350 ÷ 625; 350 ÷ 500
      ["Aetna PPO", 400, 0.4, 250, 0.4, 0.625], // 400 ÷ 1000; 250 ÷ 625; 250 ÷ 400
      ["(no payer)", 50, 0.05, 0, 0, 0], // ties at 50 by name: "(" sorts before "s"
      ["Self-pay", 50, 0.05, 25, 0.04, 0.5], // 25 ÷ 625 = 0.04; 25 ÷ 50
      ["Total", 1000, 1, 625, 1, 0.625], // 625 ÷ 1000
    ]);
  });

  it("leaves a share blank when its total is 0 and names unreadable cells", () => {
    expect(payerMix(col(["A"]), col([0]), col([0]))).toEqual([
      ["Payer", "Charges", "Share of charges", "Payments", "Share of payments", "Collection ratio"],
      ["A", 0, "", 0, "", ""],
      ["Total", 0, "", 0, "", ""],
    ]);
    expect(err(() => payerMix(payers, charges.map((r, i) => (i === 4 ? ["fifty"] : r)), payments)).message).toBe('charges, row 5 of the range: not an amount (found "fifty")');
  });

  it("property: the payer rows add up to the Total row and the shares to 1", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("Aetna", "aetna ", "Cigna", "Medicare"), fc.nat(1_000_000), fc.nat(1_000_000)), { minLength: 1, maxLength: 30 }), (lines) => {
        const out = payerMix(col(lines.map((l) => l[0])), col(lines.map((l) => l[1] / 100)), col(lines.map((l) => l[2] / 100))) as (string | number)[][];
        const body = out.slice(1, -1);
        const total = out[out.length - 1];
        const cents = (v: unknown): number => Math.round((v as number) * 100);
        expect(body.reduce((s, r) => s + cents(r[1]), 0)).toBe(cents(total[1]));
        expect(cents(total[1])).toBe(lines.reduce((s, l) => s + l[1], 0));
        expect(body.reduce((s, r) => s + cents(r[3]), 0)).toBe(lines.reduce((s, l) => s + l[2], 0));
        if (total[1] !== 0) expect(body.reduce((s, r) => s + (r[2] as number), 0)).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe("rate functions in a formula engine", () => {
  const hf = practiceEngine({
    Claims: [
      ["Claim", "Payer", "Status", "Charge", "Ins Paid", "Pt Paid", "Contractual", "Submitted", "Paid on"],
      ["C1", "Medicare", "Paid", 500, 300, 50, 100, "=DATE(2026,1,1)", "=DATE(2026,1,31)"],
      ["C2", "Aetna PPO", "Denied", 300, null, null, null, "=DATE(2026,1,5)", null],
      [null, null, null, null, null, null, null, null, null],
      ["C3", " aetna ppo ", "Partially paid", 200, 100, "=NA()", 50, "=DATE(2026,2,1)", "=DATE(2026,2,11)"],
      ["C4", "Self-pay", "Draft", 100, null, 40, null, null, null],
    ],
    Report: [
      ["=PRACTICE.COLLECTIONRATE(Claims!E1:F6,Claims!D1:D6,Claims!G1:G6)"],
      ["=PRACTICE.COLLECTIONRATE(Claims!E1:E6,Claims!D1:D6,,TRUE())"],
      ["=PRACTICE.DENIALRATE(Claims!A1:A6,Claims!C1:C6)"],
      ["=PRACTICE.DENIALRATE(Claims!A1:A6,Claims!C1:C6,Claims!D1:D6,TRUE())"],
      [null],
      ["=PRACTICE.PAYERMIX(Claims!B1:B6,Claims!D1:D6,Claims!E1:E6)"],
      ...Array.from({ length: 9 }, () => []),
      ["=PRACTICE.DAYSTOPAY(Claims!H1:H6,Claims!I1:I6,Claims!B1:B6)"],
    ],
    // DAYSTOPAY is declared as spilling (it spills with payers): its own sheet, so the area it reserves is free.
    Wait: [["=PRACTICE.DAYSTOPAY(Claims!H1:H6,Claims!I1:I6)"]],
  });
  const report = hf.getSheetId("Report") as number;
  const at = (row: number, col = 0): unknown => hf.getCellValue({ sheet: report, row, col });
  afterAll(() => hf.destroy());

  it("names the error value in a payments range", () => {
    const e = at(0) as { value: string; message: string };
    expect(e.value).toBe("#VALUE!");
    expect(e.message).toBe('payments (column 2), row 5 of the range: the cell holds the error #N/A, not an amount (found "#N/A")');
  });

  it("evaluates the gross rate and the denial rates over ranges with a header row and a blank row", () => {
    // insurance paid only: (300 + 100) ÷ (500 + 300 + 200 + 100) = 400 ÷ 1100 = 0.3636…
    expect(at(1)).toBeCloseTo(400 / 1100, 9);
    // submitted C1, C2, C3 (C4 is Draft) = 3; denied C2 → 1 ÷ 3
    expect(at(2)).toBeCloseTo(1 / 3, 9);
    // submitted charges 500 + 300 + 200 = 1000; denied 300 → 0.3
    expect(at(3)).toBe(0.3);
    // C1: Jan 1 → Jan 31 = 30; C3: Feb 1 → Feb 11 = 10; (30 + 10) ÷ 2 = 20 (a 1 x 1 result)
    expect(hf.getCellValue({ sheet: hf.getSheetId("Wait") as number, row: 0, col: 0 })).toBe(20);
  });

  it("spills PAYERMIX and DAYSTOPAY by payer", () => {
    const mix = hf.getSheetValues(report).slice(5, 10).map((r) => r.slice(0, 6));
    expect(mix.map((r) => [r[0], r[1], r[3]])).toEqual([
      ["Payer", "Charges", "Payments"],
      ["Aetna PPO", 500, 100], // 300 + 200 charges; 0 + 100 insurance paid (tie at 500 by name: aetna < medicare)
      ["Medicare", 500, 300],
      ["Self-pay", 100, 0],
      ["Total", 1100, 400],
    ]);
    expect(mix[1][2]).toBeCloseTo(500 / 1100, 9);
    expect(mix[1][4]).toBe(0.25); // 100 ÷ 400
    expect(mix[1][5]).toBe(0.2); // 100 ÷ 500
    expect(mix[2][4]).toBe(0.75); // 300 ÷ 400
    expect(mix[4][5]).toBeCloseTo(400 / 1100, 9);
    const byPayer = hf.getSheetValues(report).slice(15, 19).map((r) => r.slice(0, 4));
    expect(byPayer).toEqual([
      ["Payer", "Paid lines", "Average days", "Median days"],
      ["aetna ppo", 1, 10, 10], // the first paid Aetna line is written " aetna ppo " (C2 has no payment)
      ["Medicare", 1, 30, 30],
      ["All payers", 2, 20, 20],
    ]);
  });
});
