import { payerKey } from "../payerMix/payerKey";
import { isMedicarePayer } from "./isMedicarePayer";

/** Plan words exports add after a payer's name ("Aetna PPO", "Cigna Open Access", "UHC Choice Plus"). */
const PLAN_SUFFIX = / (ppo|hmo|epo|pos|pffs|indemnity|choice plus|choice|open access|oap|plan|health plan|commercial|select|network)$/;

/**
 * The payer a fee schedule row without plan words stands for: the key without trailing plan words
 * ("aetna ppo" → "aetna"), and "medicare" for traditional Medicare under any spelling. Used only
 * as a fallback, when no row names the line's payer exactly.
 */
export function basePayerKey(name: string): string {
  if (isMedicarePayer(name)) return "medicare";
  let key = ` ${payerKey(name).replace(/[^a-z0-9]+/g, " ").trim()}`;
  for (let i = 0; i < 3 && PLAN_SUFFIX.test(key); i++) key = key.replace(PLAN_SUFFIX, "");
  return key.trim();
}
