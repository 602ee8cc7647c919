import type { ClaimLine } from "../claims/claimLine";

/** Fewer negatives than this are read as they stand (a reversal or two), never as a convention. */
const MIN_LINES = 3;

const FIELDS = ["insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment"] as const;
export type CreditField = (typeof FIELDS)[number];

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
 *
 * The decision is made from counts (CreditSignCounts, one line at a time) and applied to each line
 * (turnCreditSigns): a reading that sees the lines twice without keeping them uses the same parts.
 */
export function creditSigns(lines: readonly ClaimLine[], columns: Partial<Record<string, string>>): { lines: ClaimLine[]; notes: string[] } {
  const counts = new CreditSignCounts();
  for (let i = 0; i < lines.length; i++) counts.add(lines[i]);
  const turn = counts.decide();
  if (turn.length === 0) return { lines: [...lines], notes: [] };
  return { lines: lines.map((l) => turnCreditSigns(l, turn)), notes: creditSignNotes(turn, columns) };
}

/** How many lines carry a negative and a positive amount in each of the four fields, counted one line at a time. */
export class CreditSignCounts {
  insuranceNegative = 0;
  insurancePositive = 0;
  patientNegative = 0;
  patientPositive = 0;
  contractualNegative = 0;
  contractualPositive = 0;
  otherNegative = 0;
  otherPositive = 0;

  add(l: Pick<ClaimLine, CreditField>): void {
    // The four fields read by name (a million lines: issue 13).
    if (l.insurancePaid < 0) this.insuranceNegative++;
    else if (l.insurancePaid > 0) this.insurancePositive++;
    if (l.patientPaid < 0) this.patientNegative++;
    else if (l.patientPaid > 0) this.patientPositive++;
    if (l.contractualAdjustment < 0) this.contractualNegative++;
    else if (l.contractualAdjustment > 0) this.contractualPositive++;
    if (l.otherAdjustment < 0) this.otherNegative++;
    else if (l.otherAdjustment > 0) this.otherPositive++;
  }

  /** The fields whose signs the export writes as credits (in FIELDS order); empty when none. */
  decide(): CreditField[] {
    const counts: Record<CreditField, [negative: number, positive: number]> = {
      insurancePaid: [this.insuranceNegative, this.insurancePositive], patientPaid: [this.patientNegative, this.patientPositive],
      contractualAdjustment: [this.contractualNegative, this.contractualPositive], otherAdjustment: [this.otherNegative, this.otherPositive],
    };
    return FIELDS.filter((f) => {
      const [negative, positive] = counts[f];
      return negative >= MIN_LINES && positive * 9 < negative;
    });
  }
}

/** A copy of the line with the fields in `turn` of the other sign (0 stays 0, never −0); the line itself when `turn` is empty. */
export function turnCreditSigns(l: ClaimLine, turn: readonly CreditField[]): ClaimLine {
  if (turn.length === 0) return l;
  const copy = { ...l };
  for (const f of turn) copy[f] = -l[f] === 0 ? 0 : -l[f];
  return copy;
}

/** The notes saying which fields' signs were turned (the columns' letters, when known). */
export function creditSignNotes(turn: readonly CreditField[], columns: Partial<Record<string, string>>): string[] {
  return turn.map((f) => `${WORDS[f]}${columns[f] !== undefined ? ` (column ${columns[f]})` : ""} are written as negative credits in this export: read as reductions of the balance`);
}

/** The four fields whose signs may be turned, in order. */
export const CREDIT_FIELDS: readonly CreditField[] = FIELDS;
