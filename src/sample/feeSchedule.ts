/**
 * The sample's fee schedule and the expected allowed amount of a line under it, following
 * definitions.md "Fee schedule and underpayments" (CMS PFS payment formula; Medicare Claims
 * Processing Manual ch. 12 §40.6 for the modifier rules).
 */
import Decimal from "decimal.js";
import { Money, type Cents } from "../core/money/cents";
import type { ClaimLine } from "../core/claims/claimLine";
import type { FeeScheduleRow, MedicareLocality, Payer, RvuRow } from "./types";

/** POS codes that take the facility PE RVU (definitions.md: hospital settings 19, 21, 22). */
const FACILITY_POS = new Set(["19", "21", "22"]);

/**
 * Medicare amount of one unit, exact (not rounded):
 * [(work × work GPCI) + (PE × PE GPCI) + (MP × MP GPCI)] × conversion factor, the PE RVU being the
 * facility one for POS 19, 21, 22 and the non-facility one otherwise.
 */
export function medicareAmountExact(rvu: RvuRow, locality: MedicareLocality, placeOfService: string | null = "11"): Decimal {
  const pe = placeOfService !== null && FACILITY_POS.has(placeOfService) ? rvu.facilityPE : rvu.nonFacilityPE;
  return new Money(rvu.work).times(locality.workGpci)
    .plus(new Money(pe).times(locality.peGpci))
    .plus(new Money(rvu.malpractice).times(locality.mpGpci))
    .times(locality.conversionFactor);
}

const cents = (dollars: Decimal): Cents => dollars.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();

/**
 * How each sample payer pays (the contract terms behind the rows):
 * Medicare fixed from RVUs (office, non-facility); Medicare Advantage 100 % of Medicare; Medicaid
 * fixed at 70 % of Medicare; Aetna 125 % and UnitedHealthcare 110 % of Medicare (140 % on
 * preventive visits); Blue Cross fixed amounts at 118 % of Medicare; self-pay has no rows.
 */
interface PayerTerms {
  kind: "fixed" | "percentOfMedicare";
  percent: string;
  /** Per-CPT percent overrides. */
  overrides?: Record<string, string>;
}

const TERMS: Record<string, PayerTerms> = {
  "Medicare": { kind: "fixed", percent: "1.00" },
  "Humana Medicare Advantage": { kind: "percentOfMedicare", percent: "1.00" },
  "State Medicaid": { kind: "fixed", percent: "0.70" },
  "Aetna PPO": { kind: "percentOfMedicare", percent: "1.25" },
  "Blue Cross Blue Shield": { kind: "fixed", percent: "1.18" },
  "UnitedHealthcare": { kind: "percentOfMedicare", percent: "1.10", overrides: { "99393": "1.40", "99396": "1.40" } },
};

/** Modifier-specific contract rows (bilateral joint injection priced by the contract). */
const MODIFIER_ROWS: FeeScheduleRow[] = [
  { payer: "Blue Cross Blue Shield", cpt: "20610", modifier: "50", kind: "fixed", amount: 12_000 },
  { payer: "UnitedHealthcare", cpt: "20610", modifier: "50", kind: "percentOfMedicare", percent: "1.65" },
];

/**
 * A row for every (payer with terms, CPT) pair, plus the modifier-specific rows. Codes off the
 * physician fee schedule (labs, vaccines) get fixed rows at the payer's percentage of the
 * Medicare allowance, rounded to the cent.
 */
export function buildFeeSchedule(
  payers: readonly Payer[], cpts: readonly string[], rvus: readonly RvuRow[],
  nonPfs: readonly { cpt: string; amount: Cents }[], locality: MedicareLocality,
): FeeScheduleRow[] {
  const rows: FeeScheduleRow[] = [];
  for (const payer of payers) {
    const terms = TERMS[payer.name];
    if (terms === undefined) continue; // self-pay: no contract
    for (const cpt of cpts) {
      const percent = terms.overrides?.[cpt] ?? terms.percent;
      const rvu = rvus.find((r) => r.cpt === cpt);
      if (rvu !== undefined) {
        if (terms.kind === "percentOfMedicare") {
          rows.push({ payer: payer.name, cpt, modifier: null, kind: "percentOfMedicare", percent });
        } else {
          rows.push({ payer: payer.name, cpt, modifier: null, kind: "fixed", amount: cents(medicareAmountExact(rvu, locality, "11").times(percent)) });
        }
        continue;
      }
      const fixed = nonPfs.find((n) => n.cpt === cpt);
      if (fixed !== undefined) {
        rows.push({ payer: payer.name, cpt, modifier: null, kind: "fixed", amount: cents(new Money(fixed.amount).dividedBy(100).times(percent)) });
      }
    }
    for (const row of MODIFIER_ROWS) if (row.payer === payer.name && cpts.includes(row.cpt)) rows.push(row);
  }
  return rows;
}

/** Payment share of a modifier without a modifier-specific row (definitions.md; MCPM ch. 12 §40.6). */
const MODIFIER_SHARE: Record<string, string> = { "50": "1.5", "51": "0.5", "80": "0.16", "81": "0.16", "82": "0.16", AS: "0.136" };

export type ExpectedAllowedLine = Pick<ClaimLine, "payer" | "cpt" | "modifiers" | "units" | "placeOfService">;

/** A lookup of the fee schedule by payer (trimmed, case-insensitive), CPT and modifier. */
export interface FeeScheduleIndex {
  expectedAllowed(line: ExpectedAllowedLine): Cents | null;
}

export function indexFeeSchedule(rows: readonly FeeScheduleRow[], rvus: readonly RvuRow[], locality: MedicareLocality): FeeScheduleIndex {
  const byKey = new Map<string, FeeScheduleRow>();
  const key = (payer: string, cpt: string, modifier: string | null): string => `${payer.trim().toLowerCase()}|${cpt}|${modifier ?? ""}`;
  for (const row of rows) byKey.set(key(row.payer, row.cpt, row.modifier), row);
  const rvuByCpt = new Map(rvus.map((r) => [r.cpt, r]));
  return {
    /**
     * Expected allowed = rate × units; a modifier-specific row wins, else the plain row with the
     * default modifier shares; computed exactly and rounded to the cent once, half up.
     * Null when no row matches (self-pay, an unknown code, a percentage row without RVUs).
     */
    expectedAllowed(line) {
      if (line.cpt === null) return null;
      let row: FeeScheduleRow | undefined;
      for (const m of line.modifiers) {
        row = byKey.get(key(line.payer, line.cpt, m));
        if (row !== undefined) break;
      }
      let share = new Money(1);
      if (row === undefined) {
        row = byKey.get(key(line.payer, line.cpt, null));
        if (row === undefined) return null;
        for (const m of line.modifiers) {
          const s = MODIFIER_SHARE[m];
          if (s !== undefined) share = share.times(s);
        }
      }
      let rate: Decimal;
      if (row.kind === "fixed") {
        rate = new Money(row.amount).dividedBy(100);
      } else {
        const rvu = rvuByCpt.get(line.cpt);
        if (rvu === undefined) return null;
        rate = medicareAmountExact(rvu, locality, line.placeOfService).times(row.percent);
      }
      return cents(rate.times(line.units).times(share));
    },
  };
}
