import type { ClaimLine } from "../claims/claimLine";

/** Fewer negatives than this are read as they stand (a reversal or two), never as a convention. */
const MIN_LINES = 3;

const FIELDS = ["insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment"] as const;
type CreditField = (typeof FIELDS)[number];

const WORDS: Record<CreditField, string> = {
  insurancePaid: "insurance payments", patientPaid: "patient payments",
  contractualAdjustment: "contractual adjustments", otherAdjustment: "other adjustments",
};

/**
 * Payments and adjustments reduce a line's balance (definitions.md: balance = charge − payments −
 * adjustments), so the register holds them as positive amounts. Some exports write them as
 * credits, negative. When three or more, and nine in ten or more, of a field's non-zero amounts are negative, the
 * export's convention is credits: the field's signs are turned on every line and a note says so
 * (a few negatives among positives stay: they are reversals). The columns' letters are for the note.
 */
export function creditSigns(lines: readonly ClaimLine[], columns: Partial<Record<string, string>>): { lines: ClaimLine[]; notes: string[] } {
  // One pass over the lines, the four fields read by name (a million lines: issue 13).
  let insuranceNegative = 0, insurancePositive = 0, patientNegative = 0, patientPositive = 0;
  let contractualNegative = 0, contractualPositive = 0, otherNegative = 0, otherPositive = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.insurancePaid < 0) insuranceNegative++;
    else if (l.insurancePaid > 0) insurancePositive++;
    if (l.patientPaid < 0) patientNegative++;
    else if (l.patientPaid > 0) patientPositive++;
    if (l.contractualAdjustment < 0) contractualNegative++;
    else if (l.contractualAdjustment > 0) contractualPositive++;
    if (l.otherAdjustment < 0) otherNegative++;
    else if (l.otherAdjustment > 0) otherPositive++;
  }
  const counts: Record<CreditField, [negative: number, positive: number]> = {
    insurancePaid: [insuranceNegative, insurancePositive], patientPaid: [patientNegative, patientPositive],
    contractualAdjustment: [contractualNegative, contractualPositive], otherAdjustment: [otherNegative, otherPositive],
  };
  const turn = FIELDS.filter((f) => {
    const [negative, positive] = counts[f];
    return negative >= MIN_LINES && positive * 9 < negative;
  });
  if (turn.length === 0) return { lines: [...lines], notes: [] };
  const out = lines.map((l) => {
    const copy = { ...l };
    for (const f of turn) copy[f] = -l[f] === 0 ? 0 : -l[f];
    return copy;
  });
  const notes = turn.map((f) => `${WORDS[f]}${columns[f] !== undefined ? ` (column ${columns[f]})` : ""} are written as negative credits in this export: read as reductions of the balance`);
  return { lines: out, notes };
}
