import Decimal from "decimal.js";
import { Money, type Cents } from "../money/cents";
import type { PayrollSettings } from "./settings";

export interface EmployerTaxes {
  socialSecurity: Cents;
  medicare: Cents;
  futa: Cents;
  suta: Cents;
  /** socialSecurity + medicare + futa + suta. */
  total: Cents;
  /** This payroll's wages still under the Social Security wage base. */
  socialSecurityWages: Cents;
  /** Medicare wages: all of this payroll's wages (no wage base). */
  medicareWages: Cents;
  /** This payroll's wages still under the FUTA wage base ($7,000). */
  futaWages: Cents;
  /** This payroll's wages still under the SUTA wage base (all of them when the base is null). */
  sutaWages: Cents;
}

/**
 * The part of this payroll's wages still under a yearly wage base, given the employee's wages
 * earlier in the same calendar year: min(wages, max(0, base − ytdBefore)). A null base is no
 * limit. Wages of 0 or less (a correction) have no taxable part.
 */
export function wagesUnderBase(wages: Cents, ytdWagesBefore: Cents, wageBase: Cents | null): Cents {
  if (wages <= 0) return 0;
  if (wageBase === null) return wages;
  const room = Math.max(0, wageBase - Math.max(0, ytdWagesBefore));
  return Math.min(wages, room);
}

/** rate × amount in cents, rounded to the cent half up (each tax is rounded on its own). */
export function taxOn(taxableWages: Cents, rate: Decimal.Value): Cents {
  return new Money(taxableWages).times(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * Employer payroll taxes on one payroll's wages of one employee (definitions.md, "Payroll"):
 * Social Security 6.2 % of wages under the $184,500 base, Medicare 1.45 % of all wages (the
 * additional 0.9 % is the employee's alone), FUTA 0.6 % of the first $7,000, SUTA at the
 * practice's rate under its base. `ytdWagesBefore`: the employee's wages paid earlier in the same
 * calendar year, so only the part of this payroll still under each base is taxed.
 *
 * Rounding: each tax is rounded to the cent, half up, on the year-to-date taxable wages, and this
 * payroll's tax is the increase: round(rate × taxable YTD after) − round(rate × taxable YTD
 * before). For a first payroll (or whenever the earlier tax is a whole cent) this is simply
 * round(rate × taxable wages). Rounding each payroll on its own would let half-cents pile up, so a
 * year's Social Security could exceed 6.2 % × $184,500 (IRS Form 941 has a "fractions of cents"
 * line for that drift); this way a year's payrolls add up to rate × the year's taxable wages,
 * rounded once, and never tax beyond a wage base.
 */
export function employerTaxes(wages: Cents, ytdWagesBefore: Cents, settings: PayrollSettings): EmployerTaxes {
  const ytd = Math.max(0, ytdWagesBefore);
  const socialSecurityWages = wagesUnderBase(wages, ytd, settings.socialSecurityWageBase);
  const medicareWages = Math.max(0, wages);
  const futaWages = wagesUnderBase(wages, ytd, settings.futaWageBase);
  const sutaWages = wagesUnderBase(wages, ytd, settings.sutaWageBase);
  const before = (base: Cents | null): Cents => (base === null ? ytd : Math.min(ytd, base));
  const socialSecurity = taxIncrease(before(settings.socialSecurityWageBase), socialSecurityWages, settings.socialSecurityRate);
  const medicare = taxIncrease(ytd, medicareWages, settings.medicareRate);
  const futa = taxIncrease(before(settings.futaWageBase), futaWages, settings.futaRate);
  const suta = taxIncrease(before(settings.sutaWageBase), sutaWages, settings.sutaRate);
  return {
    socialSecurity, medicare, futa, suta, total: socialSecurity + medicare + futa + suta,
    socialSecurityWages, medicareWages, futaWages, sutaWages,
  };
}

/** round(rate × (taxedBefore + taxable)) − round(rate × taxedBefore), each rounded half up. */
function taxIncrease(taxedBefore: Cents, taxable: Cents, rate: Decimal.Value): Cents {
  if (taxable === 0) return 0;
  return taxOn(taxedBefore + taxable, rate) - taxOn(taxedBefore, rate);
}

export interface EmployerCost {
  wages: Cents;
  taxes: EmployerTaxes;
  /** Employer share of benefits (health, retirement match, …) for the period. */
  benefits: Cents;
  /** wages + employer taxes + benefits: what the payroll costs the practice. */
  total: Cents;
}

/** Employer cost of one payroll line: wages + employer taxes + benefits. */
export function employerCost(wages: Cents, ytdWagesBefore: Cents, settings: PayrollSettings, benefitsCost: Cents = 0): EmployerCost {
  const taxes = employerTaxes(wages, ytdWagesBefore, settings);
  return { wages, taxes, benefits: benefitsCost, total: wages + taxes.total + benefitsCost };
}
