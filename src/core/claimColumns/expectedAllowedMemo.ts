import { expectedAllowed, type ExpectedAllowed } from "../feeSchedule/expectedAllowed";
import { findFeeRate, type FeeScheduleIndex } from "../feeSchedule/indexFeeSchedule";
import type { MedicareRates } from "../feeSchedule/medicareRates";
import type { RegisterColumns } from "./registerColumns";

/** A line's pricing, and why it has none when the reason is a missing Medicare amount. */
export interface PricedLine {
  result: ExpectedAllowed | null;
  noMedicareAmount: boolean;
}

/**
 * expectedAllowed remembered per (payer group, pricing group): it depends on nothing else (the
 * payer as the fee schedule matches it, trimmed and case-insensitive, and the line's code,
 * modifiers, units, place of service and payer class), and a register repeats a few hundred such
 * combinations a million times, so the exact decimal pricing runs once per combination.
 */
export class ExpectedAllowedMemo {
  private readonly priced: (PricedLine | undefined)[] = [];
  private readonly pricingCount: number;

  constructor(
    private readonly cols: RegisterColumns,
    private readonly index: FeeScheduleIndex,
    private readonly medicareRates: MedicareRates,
  ) {
    this.pricingCount = cols.pricings.size;
  }

  /** The expected allowed amount of line `i` of the columns. */
  of(i: number): PricedLine {
    const key = this.cols.payer[i] * this.pricingCount + this.cols.pricing[i];
    return this.priced[key] ?? this.price(key, i);
  }

  private price(key: number, i: number): PricedLine {
    const pricing = this.cols.pricings.pricings[this.cols.pricing[i]];
    const line = { ...pricing, payer: this.cols.payerSpellings[this.cols.payerSpelling[i]] };
    const result = expectedAllowed(line, this.index, this.medicareRates);
    // checkFees counts these apart (definitions.md: unpriced lines counted with that reason).
    const noMedicareAmount = result === null && findFeeRate(this.index, line)?.kind === "percentOfMedicare";
    const entry: PricedLine = { result, noMedicareAmount };
    this.priced[key] = entry;
    return entry;
  }
}
