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
  const turn: CreditField[] = [];
  for (const f of FIELDS) {
    let negative = 0;
    let positive = 0;
    for (const l of lines) {
      if (l[f] < 0) negative++;
      else if (l[f] > 0) positive++;
    }
    if (negative >= MIN_LINES && positive * 9 < negative) turn.push(f);
  }
  if (turn.length === 0) return { lines: [...lines], notes: [] };
  const out = lines.map((l) => {
    const copy = { ...l };
    for (const f of turn) copy[f] = -l[f] === 0 ? 0 : -l[f];
    return copy;
  });
  const notes = turn.map((f) => `${WORDS[f]}${columns[f] !== undefined ? ` (column ${columns[f]})` : ""} are written as negative credits in this export: read as reductions of the balance`);
  return { lines: out, notes };
}
