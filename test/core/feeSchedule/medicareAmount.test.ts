import { centsFromDollars } from "../../../src/core/money";
import {
  CONVERSION_FACTORS, DEFAULT_CONVERSION_FACTOR, limitingCharge, medicareAmount, medicareRatesFromRvus,
  nonParticipatingAmount, practiceExpenseSetting,
} from "../../../src/core/feeSchedule";

// 99213 (office visit, established patient): work 1.30, PE non-facility 1.22, PE facility 0.55, MP 0.10
const NATIONAL = { work: "1.000", practiceExpense: "1.000", malpractice: "1.000" };
const LOCALITY = { work: "1.042", practiceExpense: "1.155", malpractice: "0.987" };

describe("conversion factors", () => {
  it("holds the CY2025 and CY2026 factors as exact decimal strings", () => {
    expect(CONVERSION_FACTORS.CY2026_NON_QUALIFYING_APM).toBe("33.4009");
    expect(CONVERSION_FACTORS.CY2026_QUALIFYING_APM).toBe("33.5675");
    expect(CONVERSION_FACTORS.CY2025).toBe("32.3465");
    expect(DEFAULT_CONVERSION_FACTOR).toBe("33.4009");
  });
});

describe("medicareAmount (MPFS formula)", () => {
  it("prices 99213 non-facility at GPCIs 1.000 with CF 33.4009", () => {
    // (1.30×1 + 1.22×1 + 0.10×1) = 2.62; 2.62 × 33.4009 = 66.8018 + 20.708558 = 87.510358 → $87.51
    const amount = medicareAmount({ work: "1.30", practiceExpense: "1.22", malpractice: "0.10" }, NATIONAL, "33.4009");
    expect(amount.toString()).toBe("87.510358");
    expect(centsFromDollars(amount)).toBe(8751);
  });

  it("prices 99213 facility at GPCIs 1.000", () => {
    // (1.30 + 0.55 + 0.10) = 1.95; 1.95 × 33.4009 = 66.8018 − 1.670045 = 65.131755 → $65.13
    const amount = medicareAmount({ work: "1.30", practiceExpense: "0.55", malpractice: "0.10" }, NATIONAL, "33.4009");
    expect(amount.toString()).toBe("65.131755");
    expect(centsFromDollars(amount)).toBe(6513);
  });

  it("prices 99213 in a locality with GPCIs 1.042 / 1.155 / 0.987", () => {
    // non-facility: 1.30×1.042 = 1.3546; 1.22×1.155 = 1.4091; 0.10×0.987 = 0.0987; Σ = 2.8624
    // 2.8624 × 33.4009 = 66.8018 + 26.72072 + 2.004054 + 0.08016216 = 95.60673616 → $95.61
    const nonFacility = medicareAmount({ work: 1.3, practiceExpense: 1.22, malpractice: 0.1 }, LOCALITY, "33.4009");
    expect(nonFacility.toString()).toBe("95.60673616");
    expect(centsFromDollars(nonFacility)).toBe(9561);
    // facility: 0.55×1.155 = 0.63525; Σ = 1.3546 + 0.63525 + 0.0987 = 2.08855
    // 2.08855 × 33.4009 = 66.8018 + 2.672072 + 0.2672072 + 0.01670045 + 0.001670045 = 69.759449695 → $69.76
    const facility = medicareAmount({ work: "1.30", practiceExpense: "0.55", malpractice: "0.10" }, LOCALITY, "33.4009");
    expect(facility.toString()).toBe("69.759449695");
    expect(centsFromDollars(facility)).toBe(6976);
  });

  it("95 % for non-participating providers and a limiting charge of 115 % of that, exact then rounded once", () => {
    // 87.510358 × 0.95 = 83.1348401 → $83.13
    expect(nonParticipatingAmount("87.510358").toString()).toBe("83.1348401");
    expect(centsFromDollars(nonParticipatingAmount("87.510358"))).toBe(8313);
    // 83.1348401 × 1.15 = 83.1348401 + 12.470226015 = 95.605066115 → $95.61
    // (rounding each step would give 83.13 × 1.15 = 95.5995 → $95.60: rounding once matters)
    expect(limitingCharge("87.510358").toString()).toBe("95.605066115");
    expect(centsFromDollars(limitingCharge("87.510358"))).toBe(9561);
  });
});

describe("practiceExpenseSetting", () => {
  it("office is non-facility, hospital settings are facility", () => {
    expect(practiceExpenseSetting("11")).toBe("nonFacility");
    for (const pos of ["19", "21", "22"]) expect(practiceExpenseSetting(pos)).toBe("facility");
  });
  it("takes the other CMS facility settings as facility, and blank or anything else as non-facility", () => {
    for (const pos of ["23", "24", "26", "31", "34", "41", "42", "51", "52", "53", "56", "61"]) {
      expect(practiceExpenseSetting(pos)).toBe("facility");
    }
    for (const pos of [null, "", "  ", "02", "10", "12", "20", "32", "81", "XX"]) {
      expect(practiceExpenseSetting(pos)).toBe("nonFacility");
    }
  });
  it("reads codes as exports write them", () => {
    expect(practiceExpenseSetting(" 022 ")).toBe("facility");
    expect(practiceExpenseSetting("22.0")).toBe("facility");
  });
});

describe("medicareRatesFromRvus", () => {
  const rates = medicareRatesFromRvus(
    [
      { cpt: "99213", work: "1.30", nonFacilityPE: "1.22", facilityPE: "0.55", malpractice: "0.10" },
      { cpt: "99213", work: "9", nonFacilityPE: "9", facilityPE: "9", malpractice: "9" }, // later duplicate: ignored
      { cpt: "G0000", work: "1", nonFacilityPE: null, facilityPE: "1", malpractice: "0" },
    ],
    LOCALITY,
    CONVERSION_FACTORS.CY2026_NON_QUALIFYING_APM,
  );
  it("picks the non-facility PE at POS 11 and the facility PE at POS 22", () => {
    // as above: 95.60673616 (POS 11) and 69.759449695 (POS 22)
    expect(rates("99213", "11")?.toString()).toBe("95.60673616");
    expect(rates("99213", "22")?.toString()).toBe("69.759449695");
    expect(rates("99213", null)?.toString()).toBe("95.60673616");
  });
  it("is null for an unknown code and for a setting the code is not priced in", () => {
    expect(rates("99999", "11")).toBeNull();
    expect(rates("G0000", "11")).toBeNull();
    // facility: (1×1.042 + 1×1.155 + 0) × 33.4009 = 2.197 × 33.4009 = 73.3817773
    expect(rates("g0000", "21")?.toString()).toBe("73.3817773");
  });
});
