import type { ClaimLine } from "../claims/claimLine";
import { expectedAllowed, type ExpectedAllowed, type ExpectedAllowedLine } from "../feeSchedule/expectedAllowed";
import { findFeeRate, type FeeScheduleIndex } from "../feeSchedule/indexFeeSchedule";
import type { MedicareRates } from "../feeSchedule/medicareRates";

interface Priced {
  modifiers: readonly string[];
  units: number;
  placeOfService: string | null;
  payerClass: string | null;
  result: ExpectedAllowed | null;
  /** Unpriced because its row is a percent of Medicare with no Medicare amount for the code. */
  noMedicareAmount: boolean;
}

/** A line's pricing, and why it has none when the reason is a missing Medicare amount. */
export interface PricedLine {
  result: ExpectedAllowed | null;
  noMedicareAmount: boolean;
}

const sameModifiers = (a: readonly string[], b: readonly string[]): boolean => {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * expectedAllowed remembered per (payer as matched, code, modifiers, units, place of service, payer class) as written: it
 * depends on nothing else, and a register repeats a few hundred such combinations a million times,
 * so the exact decimal pricing runs once per combination.
 */
export class ExpectedAllowedMemo {
  /** By payer group (payerKey, as the fee schedule matches payers), then code as written. */
  private readonly byPayer: Map<string | null, Priced[]>[] = [];

  constructor(
    private readonly index: FeeScheduleIndex,
    private readonly medicareRates: MedicareRates,
  ) {}

  /** The line's expected allowed amount; `payerGroup` is its payer's PayerGroups group. */
  of(line: Pick<ClaimLine, "payer" | "cpt" | "modifiers" | "units" | "placeOfService"> & Partial<Pick<ClaimLine, "payerClass">>, payerGroup: number): PricedLine {
    const payerClass = line.payerClass ?? null;
    let byCpt = this.byPayer[payerGroup];
    if (byCpt === undefined) this.byPayer[payerGroup] = byCpt = new Map();
    let priced = byCpt.get(line.cpt);
    if (priced === undefined) byCpt.set(line.cpt, (priced = []));
    for (let k = 0; k < priced.length; k++) {
      const p = priced[k];
      if (p.units === line.units && p.placeOfService === line.placeOfService && p.payerClass === payerClass && sameModifiers(p.modifiers, line.modifiers)) return p;
    }
    const key: ExpectedAllowedLine = { payer: line.payer, cpt: line.cpt, modifiers: [...line.modifiers], units: line.units, placeOfService: line.placeOfService, ...(line.payerClass !== undefined ? { payerClass: line.payerClass } : {}) };
    const result = expectedAllowed(key, this.index, this.medicareRates);
    // checkFees counts these apart (definitions.md: unpriced lines counted with that reason).
    const noMedicareAmount = result === null && findFeeRate(this.index, key)?.kind === "percentOfMedicare";
    const entry: Priced = { modifiers: key.modifiers, units: line.units, placeOfService: line.placeOfService, payerClass, result, noMedicareAmount };
    priced.push(entry);
    return entry;
  }
}
