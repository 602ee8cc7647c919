import type { Cents } from "../money/cents";

/**
 * Employer-cost settings of a payroll (definitions.md, "Payroll"). Rates are exact decimal
 * strings ("0.062" = 6.2 %), wage bases whole cents per employee per calendar year. They live in
 * the workbook's Settings table so that a practice can update them each January.
 */
export interface PayrollSettings {
  /** Employer Social Security (OASDI) rate: 6.2 % (IRC 3111(a)). */
  socialSecurityRate: string;
  /** Yearly Social Security wage base per employee: $184,500 for 2026 (SSA). */
  socialSecurityWageBase: Cents;
  /**
   * Employer Medicare (HI) rate on all wages, no wage base: 1.45 % (IRC 3111(b)). The additional
   * 0.9 % over $200,000 (IRC 3101(b)(2)) is withheld from the employee only: it is no employer
   * cost and is not modelled.
   */
  medicareRate: string;
  /** FUTA rate after the full state credit: 6.0 % − 5.4 % = 0.6 % (IRC 3301, 3302). */
  futaRate: string;
  /** FUTA wage base per employee per year: $7,000 (IRC 3306(b)(1)). */
  futaWageBase: Cents;
  /**
   * State unemployment (SUTA) rate: the practice's own experience rate, set by its state each
   * year. Default "0": no state unemployment tax is counted until the practice enters its rate.
   */
  sutaRate: string;
  /**
   * SUTA wage base per employee per year, or null for a state that taxes all wages. Default 0
   * (with rate 0): no SUTA. A base of 0 means no wages are taxable, so a rate without its base
   * counts nothing; payrollSettingsFromRows warns about that combination.
   */
  sutaWageBase: Cents | null;
  /** Hours of the standard workweek, the FLSA overtime threshold: 40 (29 U.S.C. 207(a)(1)). */
  standardWeekHours: string;
  /** Overtime premium multiplier on the regular rate: 1.5 (29 U.S.C. 207(a)(1)). */
  overtimeMultiplier: string;
}

/** The 2026 values of definitions.md, "Payroll". */
export const PAYROLL_SETTINGS_2026: Readonly<PayrollSettings> = Object.freeze({
  socialSecurityRate: "0.062",
  socialSecurityWageBase: 18_450_000, // $184,500.00
  medicareRate: "0.0145",
  futaRate: "0.006",
  futaWageBase: 700_000, // $7,000.00
  sutaRate: "0",
  sutaWageBase: 0,
  standardWeekHours: "40",
  overtimeMultiplier: "1.5",
});
