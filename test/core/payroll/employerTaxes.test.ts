import { employerCost, employerTaxes, PAYROLL_SETTINGS_2026, wagesUnderBase, type PayrollSettings } from "../../../src/core/payroll";

const S = PAYROLL_SETTINGS_2026;

describe("employerTaxes (2026 defaults)", () => {
  it("taxes FUTA only on the part of a payroll still under $7,000", () => {
    // YTD before 6,500.00, wages 1,200.00
    const t = employerTaxes(120_000, 650_000, S);
    // FUTA wages = min(1,200, 7,000 − 6,500) = 500.00; FUTA = 0.6 % × 500 = 3.00
    expect(t.futaWages).toBe(50_000);
    expect(t.futa).toBe(300);
    // Social Security: YTD far below 184,500, so all 1,200 taxed: 6.2 % × 1,200 = 74.40
    expect(t.socialSecurityWages).toBe(120_000);
    expect(t.socialSecurity).toBe(7_440);
    // Medicare 1.45 % × 1,200 = 17.40
    expect(t.medicare).toBe(1_740);
    // SUTA default rate 0: nothing
    expect(t.suta).toBe(0);
    // total = 74.40 + 17.40 + 3.00 + 0 = 94.80
    expect(t.total).toBe(9_480);
  });

  it("taxes Social Security only up to the $184,500 wage base", () => {
    // YTD before 184,000.00, wages 2,000.00
    const t = employerTaxes(200_000, 18_400_000, S);
    // SS wages = min(2,000, 184,500 − 184,000) = 500.00; SS = 6.2 % × 500 = 31.00
    expect(t.socialSecurityWages).toBe(50_000);
    expect(t.socialSecurity).toBe(3_100);
    // Medicare has no base: 1.45 % × 2,000 = 29.00
    expect(t.medicareWages).toBe(200_000);
    expect(t.medicare).toBe(2_900);
    // FUTA: 184,000 > 7,000 already, nothing left
    expect(t.futa).toBe(0);
    // total = 31.00 + 29.00 = 60.00
    expect(t.total).toBe(6_000);
  });

  it("charges only Medicare once YTD wages are above both bases", () => {
    // YTD 190,000.00 > 184,500 and > 7,000; wages 3,000.00
    const t = employerTaxes(300_000, 19_000_000, S);
    expect(t.socialSecurityWages).toBe(0);
    expect(t.socialSecurity).toBe(0);
    expect(t.futaWages).toBe(0);
    expect(t.futa).toBe(0);
    // Medicare 1.45 % × 3,000 = 43.50 (the extra 0.9 % over 200,000 is the employee's, not matched)
    expect(t.medicare).toBe(4_350);
    expect(t.total).toBe(4_350);
  });

  it("does not add the employee-only additional Medicare 0.9 % above $200,000", () => {
    // YTD 250,000.00, wages 10,000.00: 1.45 % × 10,000 = 145.00 (not 2.35 % = 235.00)
    expect(employerTaxes(1_000_000, 25_000_000, S).medicare).toBe(14_500);
  });

  it("rounds each tax to the cent half up", () => {
    // wages 7.50 = 750 cents, first payroll of the year:
    const t = employerTaxes(750, 0, S);
    // SS 6.2 % × 750 = 46.5 cents → 47 (half up; half-even would give 46)
    expect(t.socialSecurity).toBe(47);
    // Medicare 1.45 % × 750 = 10.875 cents → 11
    expect(t.medicare).toBe(11);
    // FUTA 0.6 % × 750 = 4.5 cents → 5 (half-even would give 4)
    expect(t.futa).toBe(5);
    // wages 10.00: Medicare 1.45 % × 1,000 cents = 14.5 cents → 15
    expect(employerTaxes(1_000, 0, S).medicare).toBe(15);
  });

  it("rounds on year-to-date taxable wages so half-cents do not pile up over a year", () => {
    // First payroll 7.50: SS 46.5 → 47 cents. Second payroll 7.50 with YTD 7.50:
    // round(6.2 % × 1,500) − round(6.2 % × 750) = 93 − 47 = 46 cents (Σ 93 = 6.2 % × 15.00 exactly)
    expect(employerTaxes(750, 750, S).socialSecurity).toBe(46);
  });

  it("keeps a year's Social Security at 6.2 % × 184,500 = 11,439.00 even when every payroll has a half cent", () => {
    // 36 payrolls of 5,002.50: 6.2 % × 5,002.50 = 310.155 (a half cent each when rounded alone:
    // 36 × 310.16 + 6.2 % × 4,410.00 (273.42) would be 11,439.18). Then 4,410.00 reaches the base:
    // 36 × 5,002.50 = 180,090.00; 184,500 − 180,090 = 4,410.00.
    let ytd = 0;
    let ss = 0;
    for (const wages of [...Array(36).fill(500_250), 441_000, 500_000]) {
      ss += employerTaxes(wages, ytd, S).socialSecurity;
      ytd += wages;
    }
    // Σ = round(6.2 % × 184,500.00) = 11,439.00
    expect(ss).toBe(1_143_900);
  });

  it("uses the practice's SUTA rate and wage base", () => {
    const settings: PayrollSettings = { ...S, sutaRate: "0.027", sutaWageBase: 1_200_000 };
    // SUTA base 12,000, YTD 11,000, wages 2,000 → SUTA wages 1,000.00; 2.7 % × 1,000 = 27.00
    const t = employerTaxes(200_000, 1_100_000, settings);
    expect(t.sutaWages).toBe(100_000);
    expect(t.suta).toBe(2_700);
    // a null base taxes all wages: 2.7 % × 2,000 = 54.00
    expect(employerTaxes(200_000, 1_100_000, { ...settings, sutaWageBase: null }).suta).toBe(5_400);
  });

  it("gives no taxable wages for zero or negative wages", () => {
    expect(wagesUnderBase(-5_000, 0, 700_000)).toBe(0);
    expect(employerTaxes(0, 0, S).total).toBe(0);
  });

  it("adds wages, taxes and benefits into the employer cost", () => {
    // wages 1,200 (YTD 6,500): taxes 94.80 as above; benefits 250.00
    const c = employerCost(120_000, 650_000, S, 25_000);
    // 1,200.00 + 94.80 + 250.00 = 1,544.80
    expect(c.total).toBe(154_480);
    expect(c.taxes.total).toBe(9_480);
    expect(c.benefits).toBe(25_000);
  });
});
