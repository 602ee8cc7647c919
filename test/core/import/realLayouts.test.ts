import { workbookReport, UnusableInputError } from "../../../src/core/report/workbookReport";
import { dayFromYMD, type Day } from "../../../src/core/dates/day";
import { splitCptModifiers } from "../../../src/core/claims/splitCptModifiers";
import { mapColumns, CLAIM_HEADER_SYNONYMS } from "./testApi";
import { CLAIM_FIELD_HEADERS } from "../../../src/core/claims/claimLine";
import { COVER_SHEET, LEDGER_GRID, LINE_ITEM_GRID } from "./fixtures/realLayouts";

const asOf = dayFromYMD(2026, 10, 31) as Day;

// Expected figures worked out by hand from definitions.md (see the comments), not from the code.
describe("line-item charge detail (NextGen/Tebra style)", () => {
  const report = workbookReport([{ name: "Cover", grid: COVER_SHEET }, { name: "Charge Detail", grid: LINE_ITEM_GRID }], { asOf });

  test("two-row header, CPT-modifier cells, numeric claim numbers, serials with a time part", () => {
    expect(report.claims.source.headerRows).toEqual([4, 5]);
    const lines = report.claims.lines;
    expect(lines.map((l) => [l.claimId, l.cpt, l.modifiers])).toEqual([
      ["50123", "99213", ["25"]], ["50124", "20610", ["50"]], ["50125", "99214", ["25", "59"]], ["50126", "17110", ["51"]],
    ]);
    expect(lines[0].insurancePaid).toBe(7301); // 73.01000000000001 → 73.01
    expect(lines[0].patientPaid).toBe(2000);
    expect(lines[3].status).toBe("Draft");
  });

  test("band rows, subtotals, the repeated header and the aging summary are left out as such", () => {
    const reasons = new Map(report.summary.claims.leftOut.map((l) => [l.row, l.reason]));
    expect([...reasons.keys()]).toEqual([6, 9, 10, 11, 12, 15, 16, 18, 19, 20]);
    expect(reasons.get(11)).toMatch(/repeated header/);
    expect(reasons.get(12)).toMatch(/repeated header/);
    expect(reasons.get(18)).toMatch(/aging summary/);
    expect(reasons.get(20)).toMatch(/aging summary/);
    expect(reasons.get(9)).toMatch(/totals/);
    expect(report.summary.claims.rowsRead).toBe(14);
  });

  test("figures by hand: balances 16.99, 40, 200, 80", () => {
    const s = report.summary;
    // Ages at 2026-10-31: 26, 60, 108, 26 days.
    expect(s.ar.buckets.map((b) => b.amount)).toEqual(["96.99", "40.00", "0.00", "200.00", "0.00"]);
    expect(s.ar.total).toBe("336.99");
    expect(s.kpis.payments).toBe("293.01");
    expect(s.kpis.charges).toBe("730.00");
    expect(s.kpis.submittedClaims).toBe(3); // the unbilled line's claim is not submitted
    expect(report.claims.balanceCheck).toMatchObject({ linesChecked: 4, agreeing: 4, disagreements: 0 });
    expect(s.ar.balancesAsOf).toBe("export");
    expect(s.source?.notes.join("\n")).toMatch(/balances are as the export has them, not as of 2026-10-31/);
  });
});

describe("transaction ledger (EZClaim style)", () => {
  const report = workbookReport([{ name: "Transactions", grid: LEDGER_GRID }], { asOf });

  test("rolled up to claim lines: refunds and recoupments reduce payments, a $0.00 CO-97 posting is a denial", () => {
    const lines = report.claims.lines.map((l) => ({
      claim: l.claimId, cpt: l.cpt, charge: l.charge, ins: l.insurancePaid, pt: l.patientPaid, co: l.contractualAdjustment,
      oa: l.otherAdjustment, status: l.status, reason: l.denialReason, last: l.lastPaymentDate,
    }));
    expect(lines).toEqual([
      // 150 − 90 − (20 − 5) − 40 = 5.00
      { claim: "C100", cpt: "99213", charge: 15000, ins: 9000, pt: 1500, co: 4000, oa: 0, status: "Partially paid", reason: null, last: dayFromYMD(2026, 9, 25) },
      { claim: "C100", cpt: "20610", charge: 20000, ins: 0, pt: 0, co: 0, oa: 0, status: "Denied", reason: "CO-97", last: null },
      // 120 − (100 − 30) − 10 = 40.00; the 2026-11-10 payment is after the as-of date
      { claim: "C101", cpt: "99214", charge: 12000, ins: 7000, pt: 0, co: 0, oa: 1000, status: "Partially paid", reason: null, last: dayFromYMD(2026, 10, 15) },
    ]);
  });

  test("A/R as of the date from the postings; the later posting listed", () => {
    const s = report.summary;
    expect(s.ar.balancesAsOf).toBe("asOfDate");
    expect(s.ar.total).toBe("245.00");
    expect(s.ar.buckets.map((b) => b.amount)).toEqual(["40.00", "205.00", "0.00", "0.00", "0.00"]);
    expect(s.kpis.payments).toBe("175.00");
    expect(s.kpis.denialRate).toBe("0.5000");
    expect(s.claims.leftOut).toEqual([{ sheet: "Transactions", row: 13, reason: expect.stringMatching(/after the as-of date/) }]);
    expect(s.source?.layout).toBe("transaction ledger");
  });

  test("the same ledger as of an earlier date: only the postings up to it", () => {
    const early = workbookReport([{ name: "Transactions", grid: LEDGER_GRID }], { asOf: dayFromYMD(2026, 9, 30) as Day });
    // C100 only (C101 charged 2026-10-01): line 1 = 150 − 90 − 20 − 40 = 0; line 2 = 200
    expect(early.summary.ar.total).toBe("200.00");
  });
});

describe("header mapping", () => {
  test("exact (own) header preferred; the rival reported", () => {
    const m = mapColumns(["Total charges", "Charge", "Plan", "Payer"], CLAIM_HEADER_SYNONYMS, {}, { canonical: CLAIM_FIELD_HEADERS });
    expect(m.mapping.charge).toBe(1);
    expect(m.mapping.payer).toBe(3);
    expect(m.ambiguous).toEqual([
      { field: "charge", columns: ["B", "A"], chosen: "B" },
      { field: "payer", columns: ["D", "C"], chosen: "D" },
    ]);
  });

  test("CPT and modifiers in one cell", () => {
    expect(splitCptModifiers("99213-25")).toEqual({ cpt: "99213", modifiers: ["25"] });
    expect(splitCptModifiers("99214 25 59")).toEqual({ cpt: "99214", modifiers: ["25", "59"] });
    expect(splitCptModifiers("G0439:33")).toEqual({ cpt: "G0439", modifiers: ["33"] });
    expect(splitCptModifiers("99213")).toBeNull();
    expect(splitCptModifiers("2026-10-05")).toBeNull();
  });

  test("a register with no payments or adjustments column says so; no usable line is refused", () => {
    const grid = [["Claim #", "DOS", "Payer", "Charge", "Pt Resp Due"], ["A1", "10/01/2026", "Aetna", "100.00", "20.00"]];
    const r = workbookReport([{ name: "Export", grid }], { asOf });
    expect(r.summary.source?.columns.missingMoney).toEqual(["insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment"]);
    expect(r.summary.source?.notes.join("\n")).toMatch(/no column for payments.*\n.*no column for adjustments/);
    expect(r.summary.source?.columns.notUsed).toEqual([{ column: "E", header: "Pt Resp Due", looksLikeMoney: true }]);
    expect(r.summary.source?.notes.join("\n")).toMatch(/column E \("Pt Resp Due"\) looks like an amount but no field uses it/);
    const bad = [["Claim #", "DOS", "Payer", "Charge"], ["A1", "not a date", "Aetna", "100.00"]];
    expect(() => workbookReport([{ name: "Export", grid: bad }], { asOf })).toThrow(UnusableInputError);
  });
});

describe("transaction ledger variants", () => {
  test("CollaborateMD-style debits and credits; a payment reversal; group codes as the type", () => {
    const grid = [
      ["Claim ID", "Charge ID", "Type", "Date Posted", "DOS", "Payer", "CPT", "Debit", "Credit"],
      ["Z1", "A", "Charge", "2026-10-01", "2026-10-01", "Medicare", "99213", "100.00", ""],
      ["Z1", "A", "Insurance Payment", "2026-10-10", "", "", "", "", "80.00"],
      ["Z1", "A", "CO-45", "2026-10-10", "", "", "", "", "15.00"],
      ["Z1", "A", "Payment Reversal", "2026-10-12", "", "", "", "80.00", ""],
      ["Z1", "A", "Insurance Payment", "2026-10-20", "", "", "", "", "78.00"],
      ["Z2", "A", "Charge", "2026-10-02", "2026-10-02", "Medicare", "99214", "150.00", ""],
      ["Z2", "A", "CO-97", "2026-10-15", "", "", "", "", "0.00"],
    ];
    const r = workbookReport([{ name: "Ledger", grid }], { asOf });
    const [z1, z2] = r.claims.lines;
    // Z1: 100 − (80 − 80 + 78) − 15 = 7.00; Z2 denied CO-97, balance 150.00
    expect([z1.insurancePaid, z1.contractualAdjustment, z1.lastPaymentDate]).toEqual([7800, 1500, dayFromYMD(2026, 10, 20)]);
    expect([z2.status, z2.denialReason]).toEqual(["Denied", "CO-97"]);
    expect(r.summary.ar.total).toBe("157.00");
  });

  test("a line-item export with Description and Amount beside its payment columns stays a register", () => {
    const grid = [
      ["Claim #", "DOS", "Payer", "Description", "Amount", "Ins Paid"],
      ["A1", "10/01/2026", "Aetna", "Office visit", "100.00", "60.00"],
    ];
    const r = workbookReport([{ name: "Export", grid }], { asOf });
    expect(r.summary.source?.layout).toBe("encounter-level export");
    expect(r.summary.ar.total).toBe("40.00");
  });
});

describe("CSV rows with more fields than the header", () => {
  test("an unquoted 1,234.50 is an issue on that row, never a shift of columns; the rest is read", () => {
    const grid = [
      ["Claim #", "DOS", "Payer", "Charge", "Ins Paid", ""],
      ["A1", "10/01/2026", "Aetna", "1", "234.50", "100.00"],
      ["A2", "10/02/2026", "Cigna", "200.00", "50.00", ""],
    ];
    const r = workbookReport([{ name: "Export", grid }], { asOf });
    expect(r.summary.claims.leftOut).toEqual([{ sheet: "Export", row: 2, reason: expect.stringMatching(/1 more value than the header has columns/) }]);
    expect(r.summary.ar.total).toBe("150.00");
  });
});

describe("two sheets that both look like a register", () => {
  test("the Claims Register made by Convert is used, the raw export listed; the report tab says so", () => {
    const raw = [["Claim #", "DOS", "Payer", "Charge", "Ins Paid"], ["A1", "10/01/2026", "Aetna", "100.00", "60.00"]];
    const converted = [["Claim ID", "Date of Service", "Payer", "Charge", "Insurance Paid"], ["A1", "2026-10-01", "Aetna", "100.00", "70.00"]];
    const r = workbookReport([{ name: "Export", grid: raw }, { name: "Claims Register", grid: converted }], { asOf });
    expect(r.summary.source?.name).toBe('sheet "Claims Register"');
    expect(r.summary.source?.otherSheets).toEqual([{ sheet: "Export", reason: expect.stringMatching(/raw export; the Claims Register made from it was used/) }]);
    expect(r.summary.ar.total).toBe("30.00");
    const tab = JSON.stringify(r.sheet);
    expect(tab).toMatch(/Source: claims read from sheet \\"Claims Register\\"/);
    expect(tab).toMatch(/Source: balances are as the export has them/);
  });
});

describe("percent of Medicare with a separate Medicare schedule", () => {
  test("a sheet named Medicare 2026 (CPT, amount, no payer) prices Cigna's 120 %; a payer-class-Medicare line takes the Medicare row", () => {
    const claims = [
      ["Claim #", "DOS", "Payer", "Payer Class", "CPT", "Charge", "Ins Paid", "Contractual Adj", "Status"],
      ["A1", "10/01/2026", "Cigna", "Commercial", "99213", "150.00", "100.00", "50.00", "Paid"],
      ["A2", "10/01/2026", "Novitas Solutions", "Medicare", "99213", "150.00", "80.00", "65.00", "Paid"],
    ];
    const rates = [["Payer", "CPT", "% of Medicare"], ["Cigna", "99213", "120%"]];
    const medicare = [["CPT", "Amount"], ["99213", "90.00"]];
    const r = workbookReport([{ name: "Claims", grid: claims }, { name: "Contract Rates", grid: rates }, { name: "Medicare 2026", grid: medicare }], { asOf });
    const fee = r.summary.feeSchedule;
    // A1: expected 120 % × 90.00 = 108.00, actual 150 − 50 = 100.00 → underpaid 8.00
    // A2: expected 90.00 (the Medicare row, by payer class), actual 150 − 65 = 85.00 → underpaid 5.00
    expect(fee).toMatchObject({ checkedLines: 2, unmatchedLines: 0, underpaidTotal: "13.00" });
  });
});

describe("a required field unmapped", () => {
  test("refused, naming the sheet, its header row and the missing field", () => {
    const grid = [["Claims"], ["Claim #", "DOS", "Charge", "Ins Paid"], ["A1", "10/01/2026", "100.00", "60.00"]];
    expect(() => workbookReport([{ name: "Export", grid }], { asOf })).toThrow(/sheet "Export" row 2, has no column for payer; nothing was written/);
  });
});

describe("payments and adjustments written as negative credits", () => {
  test("every payment and adjustment negative: read as reductions, said in a note", () => {
    const grid = [
      ["Claim #", "DOS", "Payer", "Charge", "Ins Paid", "Adjustment"],
      ["A1", "10/01/2026", "Aetna", "100.00", "-60.00", "-30.00"],
      ["A2", "10/02/2026", "Aetna", "200.00", "-150.00", "(40.00)"],
      ["A3", "10/03/2026", "Aetna", "50.00", "-50.00", "-0.00"],
      ["A4", "10/04/2026", "Aetna", "80.00", "", "-5.00"],
    ];
    const r = workbookReport([{ name: "Export", grid }], { asOf });
    // 100 − 60 − 30 = 10; 200 − 150 − 40 = 10; 50 − 50 = 0; 80 − 5 = 75
    expect(r.summary.ar.total).toBe("95.00");
    expect(r.summary.kpis.payments).toBe("260.00");
    expect(r.summary.source?.notes.join("\n")).toMatch(/insurance payments \(column E\) are written as negative credits/);
  });

  test("one negative payment among positive ones is a reversal and stays", () => {
    const grid = [
      ["Claim #", "DOS", "Payer", "Charge", "Ins Paid"],
      ["A1", "10/01/2026", "Aetna", "100.00", "60.00"],
      ["A2", "10/02/2026", "Aetna", "100.00", "-20.00"],
    ];
    expect(workbookReport([{ name: "Export", grid }], { asOf }).summary.ar.total).toBe("160.00");
  });
});

describe("a header over two rows with merged band cells", () => {
  test('"Insurance" merged over Paid and Adj, "Patient" over Paid and Adj', () => {
    const grid = [
      ["Charge Detail"],
      [null, null, null, null, "Insurance", null, "Patient", null],
      ["Claim #", "DOS", "Payer", "Charge", "Paid", "Adj", "Paid", "Adj"],
      ["A1", "10/01/2026", "Aetna", "100.00", "60.00", "25.00", "10.00", "5.00"],
    ];
    const r = workbookReport([{ name: "Export", grid }], { asOf });
    const [l] = r.claims.lines;
    expect([l.insurancePaid, l.contractualAdjustment, l.patientPaid, l.otherAdjustment]).toEqual([6000, 2500, 1000, 500]);
    expect(r.summary.source?.headerRows).toEqual([2, 3]);
    expect(r.summary.ar.total).toBe("0.00");
  });
});

describe("ledger without a line column", () => {
  test("postings go to the claim's first line, said in a note; an unknown type is listed, never guessed", () => {
    const grid = [
      ["Claim Number", "Transaction Type", "Transaction Date", "Payer", "CPT", "Amount"],
      ["Q1", "Charge", "2026-10-01", "Aetna", "99213", "100.00"],
      ["Q1", "Charge", "2026-10-01", "Aetna", "36415", "20.00"],
      ["Q1", "Ins Pmt", "2026-10-15", "Aetna", "", "70.00"],
      ["Q1", "Frobnicate", "2026-10-16", "", "", "5.00"],
    ];
    const r = workbookReport([{ name: "Ledger", grid }], { asOf });
    // 100 − 70 + 20 = 50.00
    expect(r.summary.ar.total).toBe("50.00");
    expect(r.claims.lines.map((l) => l.insurancePaid)).toEqual([7000, 0]);
    expect(r.summary.source?.notes.join("\n")).toMatch(/1 postings name no line; they were applied to their claim's first line/);
    expect(r.summary.claims.leftOut).toEqual([{ sheet: "Ledger", row: 5, reason: 'unknown transaction type "Frobnicate"' }]);
  });
});
