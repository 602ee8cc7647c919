import Decimal from "decimal.js";
import { Money } from "../money/cents";
import { normalizeModifier } from "./keys";

/**
 * Payment adjustments applied when no fee schedule row is specific to the modifier
 * (definitions.md, "Fee schedule and underpayments"):
 * - 50 bilateral procedure: 150 % (Medicare Claims Processing Manual ch. 12 §40.6);
 * - 51 multiple procedures: 50 % (ch. 12 §40.6; the second and later procedures);
 * - 80, 81, 82 assistant at surgery: 16 % (ch. 12 §20.4.3; 42 CFR 414.48 sets the limits on
 *   payment for procedures by physician assistants and other practitioners);
 * - AS, assistant at surgery by a non-physician practitioner: 13.6 % (85 % of 16 %; ch. 12 §20.4.3).
 */
export const MODIFIER_FACTORS: ReadonlyMap<string, string> = new Map([
  ["50", "1.5"],
  ["51", "0.5"],
  ["80", "0.16"],
  ["81", "0.16"],
  ["82", "0.16"],
  ["AS", "0.136"],
]);

/**
 * The factor for a line's modifiers: the product of the factors of its distinct modifiers that
 * have one (50 with 51 gives 1.5 × 0.5 = 0.75); 1 when none has a factor. A modifier written
 * twice counts once. Modifiers without a factor (25, 59, LT, RT…) leave the amount unchanged.
 */
export function modifierFactor(modifiers: readonly string[]): { factor: Decimal; applied: string[] } {
  let factor: Decimal = new Money(1);
  const applied: string[] = [];
  for (const raw of modifiers) {
    const modifier = normalizeModifier(raw);
    const f = MODIFIER_FACTORS.get(modifier);
    if (f === undefined || applied.includes(modifier)) continue;
    factor = factor.times(f);
    applied.push(modifier);
  }
  return { factor, applied };
}
