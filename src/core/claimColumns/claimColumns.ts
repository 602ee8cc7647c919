import type { ClaimLine } from "../claims/claimLine";
import type { Day } from "../dates/day";
import type { ReportingPeriod } from "../kpis/reportingPeriod";
import { NO_PROVIDER } from "../kpis/providerProductivity";
import { PayerGroups } from "../payerMix/payerGroups";
import { ClaimGroups } from "./claimGroups";
import { NameGroups } from "./nameGroups";

/** Status codes of the columns: only the statuses a figure tests. */
export const STATUS_OTHER = 0; // blank or any other status (submitted)
export const STATUS_DRAFT = 1;
export const STATUS_DENIED = 2;
export const STATUS_PAID = 3;
export const STATUS_PARTIALLY_PAID = 4;

function statusCode(status: string | null): number {
  if (status === "Draft") return STATUS_DRAFT;
  if (status === "Denied") return STATUS_DENIED;
  if (status === "Paid") return STATUS_PAID;
  return status === "Partially paid" ? STATUS_PARTIALLY_PAID : STATUS_OTHER;
}

/**
 * The register's lines as columns (typed arrays, money in integer cents), read once, so that every
 * figure of a report is a fast pass over numbers instead of a pass over a million objects. Payers,
 * providers and claims become group numbers. Built by claimColumns; read by the *FromColumns files.
 */
export interface ClaimColumns {
  /** The lines the columns were read from, for the few per-line details a figure lists. */
  lines: readonly ClaimLine[];
  asOf: Day;
  period: ReportingPeriod;
  dateOfService: Float64Array;
  charge: Float64Array;
  /** Insurance paid + patient paid. */
  payments: Float64Array;
  insurancePaid: Float64Array;
  contractualAdjustment: Float64Array;
  /** charge − payments − contractual − other adjustments (definitions.md, "The claims register"). */
  balance: Float64Array;
  /** Submission date, NaN when blank. */
  submittedDate: Float64Array;
  /** Last payment date, NaN when blank. */
  lastPaymentDate: Float64Array;
  status: Uint8Array;
  /** Payer group of each line (names trimmed, case-insensitive: payerKey). */
  payer: Int32Array;
  payers: PayerGroups;
  /** Each payer group's name as first written among the lines with DOS ≤ as-of (undefined: none). */
  payerNameAged: (string | undefined)[];
  /** Each payer group's name as first written among the period lines (undefined: none). */
  payerNamePeriod: (string | undefined)[];
  /** Provider group of each line (trimmed, case-insensitive; blank = "(no provider)"). */
  provider: Int32Array;
  /** Each provider group's name as first written among the period lines (undefined: none). */
  providerNamePeriod: (string | undefined)[];
  /** Claim group of each line. */
  claim: Int32Array;
  claimCount: number;
  /** Indexes of the lines with DOS in the reporting period, in register order. */
  periodIndexes: Int32Array;
  /** Indexes of the period's Denied lines, in register order (for the denial reasons). */
  periodDenied: Int32Array;
}

/** Reads the lines into columns in one pass (see ClaimColumns). */
export function claimColumns(lines: readonly ClaimLine[], asOf: Day, period: ReportingPeriod): ClaimColumns {
  const n = lines.length;
  const cols = emptyColumns(lines, asOf, period);
  const providers = new NameGroups();
  const claims = new ClaimGroups();
  const periodIndexes = new Int32Array(n);
  let periodCount = 0;
  const periodDenied: number[] = [];
  // Lines of one claim share payer and provider: reuse the previous line's group when the text is the same.
  let lastPayer: string | null = null, lastPayerGroup = -1;
  let lastProvider: string | null | undefined = undefined, lastProviderGroup = -1;
  // The columns as locals: the loop calls out (group look-ups), so fields of `cols` would be re-read each line.
  const { dateOfService, charge, payments, insurancePaid, contractualAdjustment, balance, submittedDate, lastPaymentDate, status: statuses, payer, provider, claim, payers } = cols;
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    const dos = line.dateOfService;
    dateOfService[i] = dos;
    const paid = line.insurancePaid + line.patientPaid;
    charge[i] = line.charge;
    payments[i] = paid;
    insurancePaid[i] = line.insurancePaid;
    contractualAdjustment[i] = line.contractualAdjustment;
    balance[i] = line.charge - paid - line.contractualAdjustment - line.otherAdjustment;
    submittedDate[i] = line.submittedDate ?? NaN;
    lastPaymentDate[i] = line.lastPaymentDate ?? NaN;
    const status = statusCode(line.status);
    statuses[i] = status;
    if (line.payer !== lastPayer) {
      lastPayer = line.payer;
      lastPayerGroup = payers.groupOf(lastPayer);
    }
    const p = lastPayerGroup;
    payer[i] = p;
    if (line.provider !== lastProvider) {
      lastProvider = line.provider;
      lastProviderGroup = providers.groupOf(lastProvider);
    }
    const v = lastProviderGroup;
    provider[i] = v;
    claim[i] = claims.groupOf(line.claimId);
    if (dos > asOf) continue;
    if (cols.payerNameAged[p] === undefined) cols.payerNameAged[p] = line.payer.trim();
    if (dos < period.from || dos > period.to) continue;
    periodIndexes[periodCount++] = i;
    if (cols.payerNamePeriod[p] === undefined) cols.payerNamePeriod[p] = line.payer.trim();
    if (cols.providerNamePeriod[v] === undefined) cols.providerNamePeriod[v] = providers.nameOf(line.provider);
    if (status === STATUS_DENIED) periodDenied.push(i);
  }
  cols.claimCount = claims.size;
  cols.periodIndexes = periodIndexes.subarray(0, periodCount);
  cols.periodDenied = Int32Array.from(periodDenied);
  return cols;
}

function emptyColumns(lines: readonly ClaimLine[], asOf: Day, period: ReportingPeriod): ClaimColumns {
  const n = lines.length;
  return {
    lines, asOf, period,
    dateOfService: new Float64Array(n), charge: new Float64Array(n), payments: new Float64Array(n),
    insurancePaid: new Float64Array(n), contractualAdjustment: new Float64Array(n), balance: new Float64Array(n),
    submittedDate: new Float64Array(n), lastPaymentDate: new Float64Array(n), status: new Uint8Array(n),
    payer: new Int32Array(n), payers: new PayerGroups(), payerNameAged: [], payerNamePeriod: [],
    provider: new Int32Array(n), providerNamePeriod: [], claim: new Int32Array(n), claimCount: 0,
    periodIndexes: new Int32Array(0), periodDenied: new Int32Array(0),
  };
}

export { NO_PROVIDER };
