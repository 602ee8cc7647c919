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
  /** By payer group × stride + pricing group; the stride grows with the pricing groups (chunks). */
  private priced: (PricedLine | undefined)[] = [];
  private stride = 0;
  private cols: RegisterColumns | null = null;

  constructor(
    private readonly index: FeeScheduleIndex,
    private readonly medicareRates: MedicareRates,
  ) {}

  /** The columns the next lines are of (a chunk: its groups are those of the chunks before, and more). */
  use(cols: RegisterColumns): void {
    this.cols = cols;
    const size = cols.pricings.size;
    if (size <= this.stride) return;
    const old = this.priced, oldStride = this.stride;
    const stride = Math.max(size, oldStride * 2);
    this.priced = [];
    old.forEach((entry, key) => {
      this.priced[Math.floor(key / oldStride) * stride + (key % oldStride)] = entry;
    });
    this.stride = stride;
  }

  /** The expected allowed amount of line `i` of the columns in use. */
  of(i: number): PricedLine {
    const cols = this.cols as RegisterColumns;
    const key = cols.payer[i] * this.stride + cols.pricing[i];
    return this.priced[key] ?? this.price(cols, key, i);
  }

  private price(cols: RegisterColumns, key: number, i: number): PricedLine {
    const pricing = cols.pricings.pricings[cols.pricing[i]];
    const line = { ...pricing, payer: cols.payerSpellings[cols.payerSpelling[i]] };
    const result = expectedAllowed(line, this.index, this.medicareRates);
    // checkFees counts these apart (definitions.md: unpriced lines counted with that reason).
    const noMedicareAmount = result === null && findFeeRate(this.index, line)?.kind === "percentOfMedicare";
    const entry: PricedLine = { result, noMedicareAmount };
    this.priced[key] = entry;
    return entry;
  }
}
