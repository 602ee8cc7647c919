import type Decimal from "decimal.js";
import type { ClaimLine } from "../claims/claimLine";
import { Money } from "../money/cents";
import { ratio } from "../money/ratio";
import { PayerGroups } from "../payerMix/payerGroups";

export type DaysToPayLine = Pick<ClaimLine, "payer" | "dateOfService" | "insurancePaid" | "lastPaymentDate"> &
  Partial<Pick<ClaimLine, "submittedDate">>;

export interface DaysToPayOptions {
  /** Date the wait counts from: "submittedDate" (default; DOS where blank) or "dateOfService". */
  from?: "submittedDate" | "dateOfService";
}

export interface DaysToPayRow {
  /** Payer as first written; "All payers" on the overall row. */
  payer: string;
  /** Lines counted: insurancePaid > 0 and a last payment date not before the start date. */
  paidLines: number;
  /** Mean days from start to last payment; null with no paid line. */
  averageDays: Decimal | null;
  /** Median days (mean of the two middle values for an even count); null with no paid line. */
  medianDays: Decimal | null;
}

export interface DaysToPay {
  /** One row per payer with at least one counted line, by name (case-insensitive). */
  payers: DaysToPayRow[];
  overall: DaysToPayRow;
  /** Lines left out because their payment date is before their start date (a data error to check). */
  paymentBeforeStart: number;
}

/**
 * Days from submission (DOS where the submission date is blank) to the last payment, per payer and
 * overall, over lines with insurancePaid > 0 and a last payment date. Payer names are compared
 * trimmed and case-insensitively (definitions.md, "Payer mix").
 */
export function daysToPay(lines: readonly DaysToPayLine[], options: DaysToPayOptions = {}): DaysToPay {
  const fromDos = options.from === "dateOfService";
  const groups = new PayerGroups();
  const days: number[][] = [];
  const all: number[] = [];
  let paymentBeforeStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!(line.insurancePaid > 0) || line.lastPaymentDate === null || line.lastPaymentDate === undefined) continue;
    const start = fromDos ? line.dateOfService : (line.submittedDate ?? line.dateOfService);
    const wait = line.lastPaymentDate - start;
    if (wait < 0) {
      paymentBeforeStart++;
      continue;
    }
    const row = groups.groupOf(line.payer);
    if (row === days.length) days.push([]);
    days[row].push(wait);
    all.push(wait);
  }
  const order = groups.names.map((_, i) => i).sort((a, b) => groups.compareByName(a, b));
  return {
    payers: order.map((i) => summarize(groups.names[i], days[i])),
    overall: summarize("All payers", all),
    paymentBeforeStart,
  };
}

function summarize(payer: string, waits: number[]): DaysToPayRow {
  const n = waits.length;
  if (n === 0) return { payer, paidLines: 0, averageDays: null, medianDays: null };
  const sorted = Float64Array.from(waits).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const mid = n >> 1;
  const median = n % 2 === 1 ? new Money(sorted[mid]) : new Money(sorted[mid - 1] + sorted[mid]).dividedBy(2);
  return { payer, paidLines: n, averageDays: ratio(sum, n), medianDays: median };
}
