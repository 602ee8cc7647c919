/**
 * Claim adjustment group codes and reason codes (CARC) as cash posting reads them. Groups
 * (X12 005010X221A1, CAS01): CO contractual obligation (written off by the practice), PR patient
 * responsibility (billed to the patient, never written off), OA other adjustment, PI payer
 * initiated reduction, CR correction and reversal (no longer used in 5010, read as OA).
 * Reason codes: the X12 Claim Adjustment Reason Code list (x12.org/codes/claim-adjustment-reason-codes).
 */

/** CARC 23: "The impact of prior payer(s) adjudication including payments and/or adjustments." */
export const PRIOR_PAYER_IMPACT = "23";

/** PR reasons that name the patient's share: 1 deductible, 2 coinsurance, 3 co-payment. */
export const PATIENT_SHARE_REASONS: Record<string, string> = { "1": "deductible", "2": "coinsurance", "3": "copay" };

/**
 * CARCs that say the service was not paid at all for a reason to act on (denials): eligibility,
 * coverage, authorisation, duplicates, timely filing, coding and bundling, missing information.
 * Reasons that only reduce a payment (1-3 patient share, 45 and 42 fee schedule, 23 prior payer,
 * A2 contractual, 253 sequestration, 59 multiple procedure) are not denials.
 */
export const DENIAL_REASONS = new Set([
  "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "18", "19", "20", "21", "22", "24", "26", "27",
  "29", "31", "32", "33", "34", "35", "39", "40", "49", "50", "51", "53", "54", "55", "56", "58", "96", "97", "107", "108",
  "109", "110", "111", "112", "114", "116", "119", "129", "133", "146", "149", "150", "151", "152", "154", "155", "160",
  "163", "164", "166", "167", "170", "171", "172", "173", "174", "175", "176", "177", "178", "179", "181", "182", "183",
  "184", "185", "186", "187", "188", "189", "190", "197", "198", "199", "200", "201", "202", "203", "204", "206", "207",
  "208", "213", "215", "219", "222", "226", "227", "228", "231", "234", "236", "240", "242", "243", "246", "247", "249",
  "254", "256", "257", "258", "259", "260", "261", "262", "269", "270", "271", "272", "273", "274", "275", "276", "277",
  "278", "279", "B1", "B4", "B5", "B7", "B8", "B9", "B11", "B12", "B13", "B14", "B15", "B16", "B20", "B22", "B23", "A1",
  "A8", "N/A",
]);

/** "CO-97": how the register writes a denial reason (definitions.md, "denialReason"). */
export function carcLabel(group: string, reason: string): string {
  return `${group}-${reason}`;
}

/** What an adjustment does to a register line. */
export type AdjustmentEffect = "contractual" | "patient" | "other" | "priorPayer";

/**
 * CARCs that are a contractual reduction whatever the group: 45 "charge exceeds fee schedule/maximum
 * allowable", 42 "charges exceed our fee schedule or maximum allowable amount", A2 "contractual
 * adjustment", 131 "claim specific negotiated discount", 253 "sequestration - reduction in federal
 * payment". Under OA or PI they are still the contract's write-down, not another write-off.
 */
export const CONTRACTUAL_REASONS = new Set(["45", "42", "A2", "131", "253"]);

/** What an adjustment does: PR the patient's; 23 the prior payer's; CO, or a contractual CARC, contractual; else other. */
export function adjustmentEffect(group: string, reason: string): AdjustmentEffect {
  if (group === "PR") return "patient";
  // OA-23 (and any group with 23) is the prior payer's payment and adjustments: not a new write-off.
  if (reason === PRIOR_PAYER_IMPACT) return "priorPayer";
  if (group === "CO" || CONTRACTUAL_REASONS.has(reason)) return "contractual";
  return "other";
}
