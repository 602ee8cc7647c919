import type { ClaimLine } from "../claims/claimLine";

/** What prices a line besides its payer (expectedAllowed reads nothing else): one pricing group. */
export type LinePricing = Pick<ClaimLine, "cpt" | "modifiers" | "units" | "placeOfService" | "payerClass">;

/** The same modifiers in the same order. */
export const sameModifiers = (a: readonly string[], b: readonly string[]): boolean => {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * Lines grouped by what prices them (code, modifiers, units, place of service and payer class, as
 * written), so that the fee check prices each (payer, pricing group) once: a register repeats a few
 * hundred such combinations a million times. Codes are looked up first, then the few groups of a code compared.
 */
export class PricingGroups {
  /** One line of each group, as first seen (its pricing fields are the group's). */
  readonly pricings: LinePricing[] = [];
  private readonly byCode = new Map<string | null, number[]>();

  groupOf(line: LinePricing): number {
    let groups = this.byCode.get(line.cpt);
    if (groups === undefined) this.byCode.set(line.cpt, (groups = []));
    for (let k = 0; k < groups.length; k++) {
      const p = this.pricings[groups[k]];
      if ((p.units === line.units || (p.units !== p.units && line.units !== line.units)) && p.placeOfService === line.placeOfService && p.payerClass === line.payerClass && sameModifiers(p.modifiers, line.modifiers)) return groups[k];
    }
    const group = this.pricings.length;
    this.pricings.push({ cpt: line.cpt, modifiers: [...line.modifiers], units: line.units, placeOfService: line.placeOfService, payerClass: line.payerClass });
    groups.push(group);
    return group;
  }

  get size(): number {
    return this.pricings.length;
  }
}
