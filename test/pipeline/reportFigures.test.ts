/**
 * The headless pipeline on export-shaped fixtures: sheets → workbookReport → JSON summary.
 * Every expected value is worked out by hand from /work/shared/reference/definitions.md, with the
 * arithmetic beside it. As-of date D = 2026-10-31 throughout, so:
 *   - reporting period = 2025-11-01 … 2026-10-31 (12 calendar months ending with October 2026);
 *   - days-in-A/R window = D−89 … D = 2026-08-03 … 2026-10-31 (Aug 2 is D−90, outside);
 *   - ages: 0-30 = DOS Oct 1 … Oct 31; 31-60 = Sep 1 … Sep 30; 61-90 = Aug 2 … Aug 31;
 *     91-120 = Jul 3 … Aug 1; 121+ = Jul 2 and earlier.
 */
import fc from "fast-check";
import { UnusableInputError, workbookReport, type WorkbookSheet } from "../../src/core/report/workbookReport";
import type { ReportSummaryJson } from "../../src/core/report/summaryJson";
import { advancedMdSheets, serial } from "./fixtures/advancedMdBook";
import { csvSheet, day } from "./helpers";
import { parseCsv } from "../../src/files/csv";

const asOf = day("2026-10-31");

function summaryOf(sheets: WorkbookSheet[]): ReportSummaryJson {
  return workbookReport(sheets, { asOf }).summary;
}

const bucketsOf = (s: ReportSummaryJson) => s.ar.buckets.map((b) => [b.label, b.amount, b.lines]);
const mixOf = (s: ReportSummaryJson) =>
  s.payerMix.map((p) => [p.payer, p.charges, p.chargeShare, p.payments, p.paymentShare, p.collectionRatio]);

/*
 * Fixture A: kareo-claims.csv (Kareo-style CSV: title, "Run date" and practice lines, a blank row,
 * header on row 5 "Claim # | Patient | DOS | Primary Insurance | CPT | Mod 1 | Units | Billed |
 * Ins Pmt | Pat Pmt | Adj | Write Off | Status | Denial Reason", "$1,234.50" and "(25.00)" amounts,
 * US text dates). Lines (row: claim, DOS, payer, charge − ins − pat − contr − other = balance; bucket):
 *   6  C1001 10/05/26 Aetna PPO         180 − 110 − 20 − 50        =   0.00  0-30 (age 26)
 *   7  C1002 10/20/26 Medicare          120                          = 120.00  0-30 (age 11)
 *   8  C1003 09/14/26 "AETNA PPO "      250 − 100 − 60             =  90.00  31-60 (age 16+31 = 47)
 *   9  C1004 08/20/26 "Aetna PPO, Inc." 180 (Denied CO-97)         = 180.00  61-90 (age 11+30+31 = 72)
 *  10  Subtotal Aetna PPO                                           → left out (totals)
 *  11  blank
 *  12  C1005 07/15/26 Blue Cross        1234.50 − 800 − 300        = 134.50  91-120 (16+31+30+31 = 108)
 *  13  C1006 06/10/26 Blue Cross        300 − 150 − 25 − 100       =  25.00  121+ (20+31+31+30+31 = 143)
 *  14  C1007 10/01/26 Self-pay          95 − 120 (patient)         = −25.00  0-30 (age 30: credit)
 *  15  C1008 08/02/26 Medicare          120 − 70 − 17.50 − 20 − (−25.00) = 37.50  61-90 (age 90)
 *  16  C1009 13/45/2026                 → left out (unreadable date of service)
 *  17  C1010 11/03/26 Aetna PPO         after D: counted, not aged, not in the period
 *  18  C1011 10/25/25 Blue Cross        180 = 180.00  121+ (age 371; before the period start)
 *  19  C1012 09/30/26 Aetna PPO 99213   120 − 75 − 15 − 30         =   0.00  31-60 (age 31)
 *  20  C1012 09/30/26 Aetna PPO 36415   15 (Denied CO-16)          =  15.00  31-60
 *  21  C1013 10/28/26 Medicare          180 (Draft)                = 180.00  0-30
 *  22  Grand Total                                                  → left out (totals)
 */
describe("fixture A: Kareo-style CSV", () => {
  const sheet = csvSheet("kareo-claims.csv");
  const report = workbookReport([sheet], { asOf });
  const s = report.summary;

  it("finds the header below the title lines and maps the export's column names", () => {
    expect(report.claims.headerRow).toBe(5);
    expect(report.claims.mapping).toMatchObject({
      claimId: "A", dateOfService: "C", payer: "D", cpt: "E", modifiers: "F", units: "G", charge: "H",
      insurancePaid: "I", patientPaid: "J", contractualAdjustment: "K", otherAdjustment: "L", status: "M", denialReason: "N",
    });
  });

  it("dates and period", () => {
    expect(s.asOf).toBe("2026-10-31");
    // 12 calendar months ending with October 2026: 2025-11-01 … 2026-10-31.
    expect(s.period).toEqual({ from: "2025-11-01", to: "2026-10-31" });
  });

  it("reconciles rows read = lines used + left out, and lists what was left out", () => {
    // Non-blank rows below the header: rows 6-10 and 12-22 = 5 + 11 = 16 (row 11 is blank).
    expect(s.claims.rowsRead).toBe(16);
    // Used: rows 6-9, 12-15, 17-21 = 4 + 4 + 5 = 13.
    expect(s.claims.lines).toBe(13);
    // Left out: rows 10 (subtotal), 16 (unreadable DOS), 22 (grand total) = 3; 13 + 3 = 16.
    expect(s.claims.leftOut).toHaveLength(3);
    expect(s.claims.lines + s.claims.leftOut.length).toBe(s.claims.rowsRead);
    expect(s.claims.leftOut.map((l) => [l.sheet, l.row])).toEqual([["kareo-claims", 10], ["kareo-claims", 16], ["kareo-claims", 22]]);
    expect(s.claims.leftOut[0].reason).toMatch(/total/i);
    expect(s.claims.leftOut[1].reason).toMatch(/date of service/i);
    expect(s.claims.leftOut[1].column).toBe("C");
    expect(s.claims.leftOut[2].reason).toMatch(/total/i);
    // C1010 (11/03/2026) is after D.
    expect(s.claims.afterAsOf).toBe(1);
    // Period lines: 13 − C1010 (after D) − C1011 (10/25/2025, before 2025-11-01) = 11.
    expect(s.claims.periodLines).toBe(11);
  });

  it("A/R total, buckets, credit balances and shares over 90 / 120 days", () => {
    // 0-30: C1001 0 + C1002 120 + C1007 −25 + C1013 180 = 275.00; non-zero lines: 3.
    // 31-60: C1003 90 + C1012 0 + C1012 15 = 105.00; non-zero: 2.
    // 61-90: C1004 180 + C1008 37.50 = 217.50; 2.
    // 91-120: C1005 134.50; 1.
    // 121+: C1006 25 + C1011 180 = 205.00; 2.
    expect(bucketsOf(s)).toEqual([
      ["0-30", "275.00", 3],
      ["31-60", "105.00", 2],
      ["61-90", "217.50", 2],
      ["91-120", "134.50", 1],
      ["121+", "205.00", 2],
    ]);
    // 275 + 105 + 217.50 + 134.50 + 205 = 937.00
    expect(s.ar.total).toBe("937.00");
    // The only negative balance: C1007 −25.00.
    expect(s.ar.creditBalances).toBe("-25.00");
    // over 90 = 134.50 + 205 = 339.50; 339.50 / 937 = 0.362326… → 0.3623
    expect(s.ar.over90).toBe("339.50");
    expect(s.ar.over90Share).toBe("0.3623");
    // over 120 = 205 / 937 = 0.218783… → 0.2188
    expect(s.ar.over120Share).toBe("0.2188");
  });

  it("days in A/R (90-day window 2026-08-03 … 2026-10-31)", () => {
    // Window charges: C1001 180 + C1002 120 + C1003 250 + C1004 180 + C1007 95 + C1012 120 + 15
    //   + C1013 180 = 1140.00 (C1008 on 08/02 is D−90, outside). 937 × 90 / 1140 = 73.9736… → 74.0
    expect(s.ar.daysInARWindowDays).toBe(90);
    expect(s.ar.daysInAR).toBe("74.0");
  });

  it("charges, payments, adjustments and collection rates of the period", () => {
    // Charges: 180 + 120 + 250 + 180 + 1234.50 + 300 + 95 + 120 + 120 + 15 + 180 = 2794.50
    expect(s.kpis.charges).toBe("2794.50");
    // Payments: C1001 130 + C1003 100 + C1005 800 + C1006 175 + C1007 120 + C1008 87.50 + C1012 90 = 1502.50
    expect(s.kpis.payments).toBe("1502.50");
    // Contractual: 50 + 60 + 300 + 100 + 20 + 30 = 560.00; other: C1008 (25.00) = −25.00
    expect(s.kpis.contractualAdjustments).toBe("560.00");
    expect(s.kpis.otherAdjustments).toBe("-25.00");
    // Gross = 1502.50 / 2794.50 = 0.537663… → 0.5377
    expect(s.kpis.grossCollectionRate).toBe("0.5377");
    // Net = 1502.50 / (2794.50 − 560) = 1502.50 / 2234.50 = 0.672409… → 0.6724
    expect(s.kpis.netCollectionRate).toBe("0.6724");
  });

  it("submitted and denied claims, denial rates", () => {
    // Period claims: C1001-C1008, C1012, C1013 = 10; C1013 is Draft only → 9 submitted.
    expect(s.kpis.submittedClaims).toBe(9);
    // Denied: C1004, C1012 (one of its two lines) = 2; 2 / 9 = 0.2222
    expect(s.kpis.deniedClaims).toBe(2);
    expect(s.kpis.denialRate).toBe("0.2222");
    // Dollars: denied claims' charges 180 + (120 + 15) = 315; submitted 2794.50 − 180 (C1013) = 2614.50;
    // 315 / 2614.50 = 0.120481… → 0.1205
    expect(s.kpis.denialRateDollars).toBe("0.1205");
  });

  it("payer mix: 'Aetna PPO' / 'AETNA PPO ' / 'Aetna PPO, Inc.' are one payer", () => {
    // Aetna PPO: 180 + 250 + 180 + 120 + 15 = 745.00; paid 130 + 100 + 90 = 320.00
    // Medicare: 120 + 120 + 180 = 420.00; paid 87.50.  Blue Cross: 1234.50 + 300 = 1534.50; paid 975.00
    // Self-pay: 95.00; paid 120.00.  Sorted by charges, descending.
    // Shares of 2794.50: 0.549114 → 0.5491; 0.266595 → 0.2666; 0.150295 → 0.1503; 0.033995 → 0.0340
    // Shares of 1502.50: 0.648918 → 0.6489; 0.212978 → 0.2130; 0.058236 → 0.0582; 0.079866 → 0.0799
    // Collection ratio: 975/1534.5 = 0.635386 → 0.6354; 320/745 = 0.429530 → 0.4295;
    //   87.5/420 = 0.208333 → 0.2083; 120/95 = 1.263157 → 1.2632
    expect(mixOf(s)).toEqual([
      ["Blue Cross", "1534.50", "0.5491", "975.00", "0.6489", "0.6354"],
      ["Aetna PPO", "745.00", "0.2666", "320.00", "0.2130", "0.4295"],
      ["Medicare", "420.00", "0.1503", "87.50", "0.0582", "0.2083"],
      ["Self-pay", "95.00", "0.0340", "120.00", "0.0799", "1.2632"],
    ]);
  });

  it("has no fee schedule check without a fee schedule", () => {
    expect(s.feeSchedule).toBeNull();
  });
});

/*
 * Fixture B: an AdvancedMD-style workbook (fixtures/advancedMdBook.ts): Excel serial dates and
 * numeric amounts, header on row 4, a #REF! charge, "UNITED HEALTHCARE" in capitals, a "Totals"
 * row, and a "Contract Rates" sheet. Balances (charge − ins − pat − contr − other):
 *   5  E2001 10/12 Cigna 99214     200 − 112 − 28 − 60 = 0        0-30
 *   6  E2002 10/12 Cigna 99213     150 − 76 − 20 − 54 = 0         0-30
 *   7  E2003 09/08 Medicare 99214  200 − 104 − 70 = 26.00         31-60 (22+31 = 53)
 *   8  E2004 09/08 Medicare 99213  150 − 70 − 62.50 = 17.50       31-60
 *   9  E2005 08/15 UHC 99214       200 − 120 − 50 = 30.00         61-90 (16+30+31 = 77)
 *  10  E2006 08/15 UHC 99213       150 (Denied) = 150.00          61-90
 *  11  E2007 07/20 UHC 99213       150 − 95 − 35 = 20.00          91-120 (11+31+30+31 = 103)
 *  12  E2008 06/05 Cigna 20610-51  250 − 28 − 215 = 7.00          121+ (25+31+31+30+31 = 148)
 *  13  E2009 06/05 Cigna 20610-50  400 − 88 − 40 − 290 = −18.00   121+ (credit)
 *  14  E2010 10/20 Aetna HMO       150.00                         0-30
 *  15  E2011 2025-11-01 Self Pay   150 − 50 − 100 = 0             121+ (first day of the period)
 *  16  E2012 charge #REF!          → left out
 *  17  E2013 11/02/2026            after D
 *  18  blank;  19 Totals           → left out
 */
describe("fixture B: AdvancedMD-style workbook with a contract-rate sheet", () => {
  const report = workbookReport(advancedMdSheets(), { asOf });
  const s = report.summary;

  it("finds the claims and the fee schedule sheets by their headers", () => {
    expect(s.source?.name).toBe('sheet "Charge Detail"');
    expect(report.claims.headerRow).toBe(4);
    expect(report.feeSchedule?.sheet).toBe("Contract Rates");
    // 9 rate rows (rows 3-11), none refused.
    expect(report.feeSchedule?.rows).toHaveLength(9);
    expect(report.feeSchedule?.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("reconciles rows read = lines used + left out", () => {
    // Non-blank rows below row 4: 5-17 and 19 = 13 + 1 = 14; used 5-15 and 17 = 12; left out 16, 19.
    expect(s.claims.rowsRead).toBe(14);
    expect(s.claims.lines).toBe(12);
    expect(s.claims.leftOut.map((l) => [l.sheet, l.row])).toEqual([["Charge Detail", 16], ["Charge Detail", 19]]);
    expect(s.claims.leftOut[0].reason).toMatch(/charge/i);
    expect(s.claims.leftOut[0].column).toBe("H");
    expect(s.claims.leftOut[1].reason).toMatch(/total/i);
    expect(s.claims.afterAsOf).toBe(1);
    // Period: rows 5-15 (E2011 on 2025-11-01 is the period's first day) = 11.
    expect(s.claims.periodLines).toBe(11);
  });

  it("A/R, buckets, credit balances, shares and days in A/R", () => {
    // 0-30: 0 + 0 + 150 = 150.00 (1 line); 31-60: 26 + 17.50 = 43.50 (2); 61-90: 30 + 150 = 180.00 (2);
    // 91-120: 20.00 (1); 121+: 7 − 18 + 0 = −11.00 (2 non-zero).
    expect(bucketsOf(s)).toEqual([
      ["0-30", "150.00", 1],
      ["31-60", "43.50", 2],
      ["61-90", "180.00", 2],
      ["91-120", "20.00", 1],
      ["121+", "-11.00", 2],
    ]);
    // 150 + 43.50 + 180 + 20 − 11 = 382.50
    expect(s.ar.total).toBe("382.50");
    expect(s.ar.creditBalances).toBe("-18.00");
    // over 90 = 20 − 11 = 9.00; 9 / 382.50 = 0.023529… → 0.0235
    expect(s.ar.over90).toBe("9.00");
    expect(s.ar.over90Share).toBe("0.0235");
    // over 120 = −11.00; −11 / 382.50 = −0.028758… → −0.0288 (credit balances netted, definitions.md)
    expect(s.ar.over120).toBe("-11.00");
    expect(s.ar.over120Share).toBe("-0.0288");
    // Window charges: 200 + 150 + 200 + 150 + 200 + 150 + 150 (E2010) = 1200.00;
    // 382.50 × 90 / 1200 = 28.6875 → 28.7
    expect(s.ar.daysInAR).toBe("28.7");
  });

  it("collections and denials", () => {
    // Charges: 200+150+200+150+200+150+150+250+400+150+150 = 2150.00
    expect(s.kpis.charges).toBe("2150.00");
    // Payments: 140 + 96 + 104 + 70 + 120 + 0 + 95 + 28 + 128 + 0 + 50 = 831.00
    expect(s.kpis.payments).toBe("831.00");
    // Contractual: 60+54+70+62.50+50+35+215+290 = 836.50; other: 100.00
    expect(s.kpis.contractualAdjustments).toBe("836.50");
    expect(s.kpis.otherAdjustments).toBe("100.00");
    // Gross 831 / 2150 = 0.386511… → 0.3865; net 831 / (2150 − 836.50) = 831 / 1313.50 = 0.632660… → 0.6327
    expect(s.kpis.grossCollectionRate).toBe("0.3865");
    expect(s.kpis.netCollectionRate).toBe("0.6327");
    // 11 claims, none Draft in the period → 11 submitted; E2006 denied → 1 / 11 = 0.0909
    expect(s.kpis.submittedClaims).toBe(11);
    expect(s.kpis.deniedClaims).toBe(1);
    expect(s.kpis.denialRate).toBe("0.0909");
    // 150 / 2150 = 0.069767… → 0.0698
    expect(s.kpis.denialRateDollars).toBe("0.0698");
  });

  it("payer mix ('UNITED HEALTHCARE' grouped with 'United Healthcare'; ties by name)", () => {
    // Cigna 200+150+250+400 = 1000 (paid 140+96+28+128 = 392); UHC 200+150+150 = 500 (paid 120+95 = 215);
    // Medicare 200+150 = 350 (paid 104+70 = 174); Aetna HMO 150 (0); Self Pay 150 (50).
    // Charge shares of 2150: .465116 → .4651; .232558 → .2326; .162790 → .1628; .069767 → .0698 (×2)
    // Payment shares of 831: .471720 → .4717; .258724 → .2587; .209386 → .2094; 0; .060168 → .0602
    // Ratios: 392/1000 = .3920; 215/500 = .4300; 174/350 = .497142 → .4971; 0/150 = 0; 50/150 = .3333
    expect(mixOf(s)).toEqual([
      ["Cigna", "1000.00", "0.4651", "392.00", "0.4717", "0.3920"],
      ["United Healthcare", "500.00", "0.2326", "215.00", "0.2587", "0.4300"],
      ["Medicare", "350.00", "0.1628", "174.00", "0.2094", "0.4971"],
      ["Aetna HMO", "150.00", "0.0698", "0.00", "0.0000", "0.0000"],
      ["Self Pay", "150.00", "0.0698", "50.00", "0.0602", "0.3333"],
    ]);
  });

  it("fee schedule check: checked, unmatched, discrepancies with source rows, underpaid total", () => {
    const fee = s.feeSchedule;
    expect(fee).not.toBeNull();
    // Checked (rate found, adjudicated): E2001, E2002, E2003, E2004, E2005, E2007, E2008, E2009 = 8.
    expect(fee?.checkedLines).toBe(8);
    // Unmatched: E2010 (Aetna HMO), E2011 (Self Pay) = 2; denied E2006 = 1; nothing unadjudicated.
    expect(fee?.unmatchedLines).toBe(2);
    expect(fee?.deniedLines).toBe(1);
    expect(fee?.notAdjudicatedLines).toBe(0);
    // E2005: 120 % × Medicare 99214 130.00 = 156.00; actual = 200 − 50 (no allowed) = 150.00 → −6.00
    // E2004: Medicare 99213 92.50; allowed 87.50 → −5.00
    // E2008: Cigna 20610 80.00 × 50 % (modifier 51, no 51 row) = 40.00; allowed 35.00 → −5.00
    // E2002: Cigna 99213 100.00; allowed 96.00 → −4.00
    // E2007: 120 % × 92.50 = 111.00; allowed 115.00 → +4.00 (overpaid)
    // (E2001 140 = 140, E2003 130 = 130, E2009: row for modifier 50 110.00 = 110: no variance.)
    // Underpaid first, most underpaid first, ties by row; then overpaid.
    expect(fee?.discrepancies.map((d) => [d.row, d.claimId, d.cpt, d.payer, d.expected, d.actual, d.variance, d.kind])).toEqual([
      [9, "E2005", "99214", "United Healthcare", "156.00", "150.00", "-6.00", "underpaid"],
      [8, "E2004", "99213", "Medicare", "92.50", "87.50", "-5.00", "underpaid"],
      [12, "E2008", "20610", "Cigna", "40.00", "35.00", "-5.00", "underpaid"],
      [6, "E2002", "99213", "Cigna", "100.00", "96.00", "-4.00", "underpaid"],
      [11, "E2007", "99213", "United Healthcare", "111.00", "115.00", "4.00", "overpaid"],
    ]);
    // 6 + 5 + 5 + 4 = 20.00 underpaid; 4.00 overpaid.
    expect(fee?.underpaidTotal).toBe("20.00");
    expect(fee?.overpaidTotal).toBe("4.00");
    // By payer: Cigna 5 + 4 = 9.00 (2 lines), UHC 6.00 (1), Medicare 5.00 (1).
    expect(fee?.underpaidByPayer).toEqual([
      { payer: "Cigna", lines: 2, amount: "9.00" },
      { payer: "United Healthcare", lines: 1, amount: "6.00" },
      { payer: "Medicare", lines: 1, amount: "5.00" },
    ]);
  });
});

/*
 * Fixture C: athena-claims.csv (athena-style CSV: header on row 3 "Claim No. | Patient | Svc Date |
 * Payor | Proc Code | Chg | Ins Paid | Pt Paid | Contractual Adj | Bad Debt | Claim Status |
 * Rendering Provider"; two-digit-year and ISO dates; a page break with "Page 1 of 2" and a repeated
 * header; an exact duplicate line; a "12.00-" recoupment; "End of Report"). Balances:
 *   4  L301 10/5/26 Medicare      150 − 74 − 18.50 − 57.50 = 0      0-30
 *   5  L302 10/15 Humana Gold     210 (Rejected = Denied)  = 210    0-30
 *   6  L303 9/22 Medicaid         95 − 40 − 55 = 0                   31-60
 *   7  L304 9/3 Humana Gold       85 − 45 − 10 − 30 = 0              31-60
 *   8  Page 1 of 2; 9 repeated header → left out
 *  10  L305 7/1 Medicare          2800 − 1200 − 1300 = 300           121+ (30+31+30+31 = 122)
 *  11  L306 7/3 Medicare          120 (unknown status "Pending Review": submitted)  91-120 (age 120)
 *  12  L306 again, identical       → left out (duplicate)
 *  13  L307 10/29 Self Pay        175 − 200 = −25 (credit)           0-30
 *  14  L308 8/12 Medicare         150 − 74 − 57.50 − 18.50 = 0       61-90 (19+30+31 = 80)
 *  15  L309 8/20 Humana Gold      130 − (−12.00) = 142 (Appealed)    61-90 (72)
 *  16  L310 10/30 Medicaid        80 (On Hold = Draft)               0-30
 *  17  End of Report → left out
 */
describe("fixture C: athena-style CSV with page breaks and a duplicate", () => {
  const s = summaryOf([csvSheet("athena-claims.csv")]);

  it("reconciles rows read = lines used + left out", () => {
    // Rows 4-17 = 14 non-blank rows; used 4-7, 10, 11, 13-16 = 10; left out 8, 9, 12, 17 = 4.
    expect(s.claims.rowsRead).toBe(14);
    expect(s.claims.lines).toBe(10);
    expect(s.claims.leftOut.map((l) => [l.sheet, l.row])).toEqual([
      ["athena-claims", 8], ["athena-claims", 9], ["athena-claims", 12], ["athena-claims", 17],
    ]);
    expect(s.claims.leftOut[0].reason).toMatch(/page/i);
    expect(s.claims.leftOut[1].reason).toMatch(/header/i);
    expect(s.claims.leftOut[2].reason).toMatch(/row 11/);
    expect(s.claims.leftOut[3].reason).toMatch(/end/i);
    expect(s.claims.afterAsOf).toBe(0);
    expect(s.claims.periodLines).toBe(10);
  });

  it("A/R, buckets and days in A/R", () => {
    // 0-30: 0 + 210 − 25 + 80 = 265.00 (3 non-zero); 31-60: 0 (0); 61-90: 0 + 142 = 142.00 (1);
    // 91-120: 120.00 (1); 121+: 300.00 (1).
    expect(bucketsOf(s)).toEqual([
      ["0-30", "265.00", 3],
      ["31-60", "0.00", 0],
      ["61-90", "142.00", 1],
      ["91-120", "120.00", 1],
      ["121+", "300.00", 1],
    ]);
    // 265 + 142 + 120 + 300 = 827.00
    expect(s.ar.total).toBe("827.00");
    expect(s.ar.creditBalances).toBe("-25.00");
    // (120 + 300) / 827 = 0.507859… → 0.5079; 300 / 827 = 0.362756… → 0.3628
    expect(s.ar.over90Share).toBe("0.5079");
    expect(s.ar.over120Share).toBe("0.3628");
    // Window (from 08/03): 150 + 210 + 95 + 85 + 175 + 150 + 130 + 80 = 1075.00;
    // 827 × 90 / 1075 = 69.2372… → 69.2
    expect(s.ar.daysInAR).toBe("69.2");
  });

  it("collections, denials and payer mix", () => {
    // Charges: 150+210+95+85+2800+120+175+150+130+80 = 3995.00
    expect(s.kpis.charges).toBe("3995.00");
    // Payments: 92.50 + 0 + 40 + 55 + 1200 + 0 + 200 + 74 − 12 + 0 = 1649.50
    expect(s.kpis.payments).toBe("1649.50");
    // Contractual 57.50 + 55 + 30 + 1300 + 57.50 = 1500.00; other (bad debt) 18.50
    expect(s.kpis.contractualAdjustments).toBe("1500.00");
    expect(s.kpis.otherAdjustments).toBe("18.50");
    // Gross 1649.50 / 3995 = 0.412891… → 0.4129; net 1649.50 / 2495 = 0.661122… → 0.6611
    expect(s.kpis.grossCollectionRate).toBe("0.4129");
    expect(s.kpis.netCollectionRate).toBe("0.6611");
    // 10 claims, L310 Draft → 9 submitted; L302 denied → 1 / 9 = 0.1111; 210 / (3995 − 80) = 210 / 3915 = 0.053639… → 0.0536
    expect(s.kpis.submittedClaims).toBe(9);
    expect(s.kpis.deniedClaims).toBe(1);
    expect(s.kpis.denialRate).toBe("0.1111");
    expect(s.kpis.denialRateDollars).toBe("0.0536");
    // Medicare 150+2800+120+150 = 3220 (paid 92.50+1200+74 = 1366.50); Humana Gold 210+85+130 = 425
    // (paid 55 − 12 = 43); Medicaid 95+80 = 175 (40); Self Pay 175 (200); Medicaid before Self Pay on the tie.
    // Shares of 3995: .806007 → .8060; .106382 → .1064; .043804 → .0438 (×2)
    // Shares of 1649.50: .828432 → .8284; .026068 → .0261; .024249 → .0242; .121248 → .1212
    // Ratios: 1366.5/3220 = .424378 → .4244; 43/425 = .101176 → .1012; 40/175 = .228571 → .2286; 200/175 = 1.142857 → 1.1429
    expect(mixOf(s)).toEqual([
      ["Medicare", "3220.00", "0.8060", "1366.50", "0.8284", "0.4244"],
      ["Humana Gold", "425.00", "0.1064", "43.00", "0.0261", "0.1012"],
      ["Medicaid", "175.00", "0.0438", "40.00", "0.0242", "0.2286"],
      ["Self Pay", "175.00", "0.0438", "200.00", "0.1212", "1.1429"],
    ]);
  });
});

describe("invariants on generated exports (fast-check)", () => {
  const header = ["Claim #", "DOS", "Payer", "Charge", "Ins Paid", "Pt Paid", "Adj", "Status"];
  const payers = ["Aetna PPO", "AETNA PPO ", "Medicare", "Cigna"];
  const statuses = ["Paid", "Denied", "Draft", "Submitted", ""];
  const row = fc.oneof(
    { weight: 8, arbitrary: fc.record({
      claim: fc.integer({ min: 1, max: 15 }),
      dos: fc.integer({ min: -400, max: 10 }), // days from D
      payer: fc.constantFrom(...payers),
      charge: fc.integer({ min: 0, max: 500_00 }),
      ins: fc.integer({ min: 0, max: 300_00 }),
      pat: fc.integer({ min: 0, max: 100_00 }),
      adj: fc.integer({ min: -50_00, max: 200_00 }),
      status: fc.constantFrom(...statuses),
    }).map((r) => [`K${r.claim}`, serial("2026-10-31") + r.dos, r.payer, r.charge / 100, r.ins / 100, r.pat / 100, r.adj / 100, r.status] as unknown[]) },
    { weight: 1, arbitrary: fc.constantFrom<unknown[]>([], ["Subtotal", null, null, 100], ["K1", "not a date", "Cigna", 10], ["Page 2 of 3"]) },
  );

  it("rows read = lines + left out; buckets add up to the A/R total; shares stay within their sums", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const grid = [["Claims export"], header, ...rows];
        let report: ReturnType<typeof workbookReport>;
        try {
          report = workbookReport([{ name: "Export", grid }], { asOf });
        } catch (e) {
          // No usable line: refused loudly (issue 8), never a report of zeros.
          expect(e).toBeInstanceOf(UnusableInputError);
          expect((e as Error).message).toMatch(/no usable claim line/);
          return;
        }
        const s = report.summary;
        expect(s.claims.lines + s.claims.leftOut.length).toBe(s.claims.rowsRead);
        const cents = (m: string): number => Math.round(Number(m) * 100);
        expect(s.ar.buckets.reduce((n, b) => n + cents(b.amount), 0)).toBe(cents(s.ar.total));
        expect(s.payerMix.reduce((n, p) => n + cents(p.charges), 0)).toBe(cents(s.kpis.charges));
        expect(s.payerMix.reduce((n, p) => n + cents(p.payments), 0)).toBe(cents(s.kpis.payments));
        expect(s.kpis.deniedClaims).toBeLessThanOrEqual(s.kpis.submittedClaims);
        // "Aetna PPO" and "AETNA PPO " are one payer.
        expect(s.payerMix.filter((p) => p.payer.toLowerCase() === "aetna ppo").length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });
});

describe("CSV exports with a title line above the header", () => {
  // Bug (src/files/csv.ts, detectDelimiter): the delimiter is chosen from the first line only. A
  // semicolon- or tab-separated export whose first line is a title ("Claims export", no delimiter)
  // is read as comma-separated, every row becomes one cell, and no header is found. Proposed fix:
  // choose the delimiter from the first ~20 non-blank lines (the one giving the most fields on the
  // most lines), not from line 1 alone.
  it("reads a semicolon-separated export whose first line is a title", () => {
    const text = [
      "Claims export",
      "Claim #;DOS;Payer;Charge;Ins Paid",
      "S1;10/05/2026;Medicare;100.00;60.00",
      "S2;10/06/2026;Cigna;50.00;",
    ].join("\r\n");
    const s = summaryOf([{ name: "export", grid: parseCsv(text) }]);
    // Two lines: A/R = (100 − 60) + 50 = 90.00
    expect(s.claims.lines).toBe(2);
    expect(s.ar.total).toBe("90.00");
  });
});
