import Decimal from "decimal.js";
import { Money } from "../money/cents";

/**
 * Shares rounded to `places` decimals so that the shown figures add up to the rounded total of the
 * shares (exactly 1 when they sum to 1, e.g. "0.3333", "0.3333", "0.3334"): the largest-remainder
 * (Hamilton) method. Each share is cut down to `places` decimals; the units still missing are given,
 * one each, to the shares with the largest cut-off remainders; on a tie the later share goes first
 * (so 1/3, 1/3, 1/3 shows "0.3333", "0.3333", "0.3334").
 * Used for the report's and the spilled tables' share columns; computing stays exact.
 * @throws RangeError when `places` is not a whole number from 0 to 20.
 */
export function roundShares(shares: readonly Decimal[], places = 4): string[] {
  if (!Number.isInteger(places) || places < 0 || places > 20) {
    throw new RangeError(`places must be a whole number from 0 to 20 (got ${String(places)})`);
  }
  const n = shares.length;
  if (n === 0) return [];
  const scale = new Money(10).pow(places);
  const units: Decimal[] = [];
  const remainders: Decimal[] = [];
  let sum = new Money(0);
  let floorSum = new Money(0);
  for (const share of shares) {
    const scaled = new Money(share).times(scale);
    const floor = scaled.floor();
    units.push(floor);
    remainders.push(scaled.minus(floor));
    sum = sum.plus(scaled);
    floorSum = floorSum.plus(floor);
  }
  // Units to hand out: the rounded total (half up) less what the cut-down shares already make.
  let missing = sum.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).minus(floorSum).toNumber();
  const order = remainders.map((_, i) => i).sort((a, b) => remainders[b].comparedTo(remainders[a]) || b - a);
  for (let k = 0; k < order.length && missing > 0; k++, missing--) {
    units[order[k]] = units[order[k]].plus(1);
  }
  return units.map((u) => u.dividedBy(scale).toFixed(places));
}
