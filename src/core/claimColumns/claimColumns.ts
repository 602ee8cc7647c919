import type { ClaimLine } from "../claims/claimLine";
import type { Day } from "../dates/day";
import type { ReportingPeriod } from "../kpis/reportingPeriod";
import { NO_PROVIDER } from "../kpis/providerProductivity";
import { registerColumns, STATUS_DENIED, type RegisterColumns } from "./registerColumns";

export { STATUS_OTHER, STATUS_DRAFT, STATUS_DENIED, STATUS_PAID, STATUS_PARTIALLY_PAID } from "./registerColumns";

/**
 * The register's columns (RegisterColumns) with what a report's as-of date and period pick out of
 * them: the period's lines and the names groups are shown by. Read by the *FromColumns files.
 */
export interface ClaimColumns extends RegisterColumns {
  asOf: Day;
  period: ReportingPeriod;
  /** Each payer group's name as first written among the lines with DOS ≤ as-of (undefined: none). */
  payerNameAged: (string | undefined)[];
  /** Each payer group's name as first written among the period lines (undefined: none). */
  payerNamePeriod: (string | undefined)[];
  /** Each provider group's name as first written among the period lines (undefined: none). */
  providerNamePeriod: (string | undefined)[];
  /** Indexes of the lines with DOS in the reporting period, in register order. */
  periodIndexes: Int32Array;
  /** Indexes of the period's Denied lines, in register order (for the denial reasons). */
  periodDenied: Int32Array;
}

/** Reads the lines into columns and picks out the period (see ClaimColumns). */
export function claimColumns(lines: readonly ClaimLine[], asOf: Day, period: ReportingPeriod): ClaimColumns {
  return periodColumns(registerColumns(lines), asOf, period);
}

/**
 * The period of a report over the register's columns: one pass over the dates of service (and the
 * status, payer and provider groups), each group's name from the spellings as written.
 */
export function periodColumns(register: RegisterColumns, asOf: Day, period: ReportingPeriod): ClaimColumns {
  return new PeriodPicker(asOf, period).add(register);
}

/** The names found so far, one array per kind, and how many. */
interface GroupNames {
  payerNameAged: (string | undefined)[];
  payerNamePeriod: (string | undefined)[];
  providerNamePeriod: (string | undefined)[];
  named: number;
}

/**
 * periodColumns over a register read in chunks (RegisterColumnsBuilder.takeChunk): each chunk's
 * period lines, and each group's name as first written over all the chunks so far (the names
 * arrays are shared by every chunk's ClaimColumns and grow with the groups). The chunk's period
 * indexes are views of an array reused by the next chunk.
 */
export class PeriodPicker {
  private readonly names: GroupNames = { payerNameAged: [], payerNamePeriod: [], providerNamePeriod: [], named: 0 };
  private indexes = new Int32Array(0);

  constructor(readonly asOf: Day, readonly period: ReportingPeriod) {}

  add(register: RegisterColumns): ClaimColumns {
    const n = register.dateOfService.length;
    if (this.indexes.length < n) this.indexes = new Int32Array(n);
    const periodDenied: number[] = [];
    const periodCount = pickPeriod(register, this.asOf, this.period, this.names, this.indexes, periodDenied);
    const { payerNameAged, payerNamePeriod, providerNamePeriod } = this.names;
    return {
      ...register, asOf: this.asOf, period: this.period, payerNameAged, payerNamePeriod, providerNamePeriod,
      periodIndexes: this.indexes.subarray(0, periodCount), periodDenied: Int32Array.from(periodDenied),
    };
  }
}

/** The pass (the loop alone in its function, as in the *FromColumns files): returns the period lines' count. */
function pickPeriod(register: RegisterColumns, asOf: Day, period: ReportingPeriod, names: GroupNames, periodIndexes: Int32Array, periodDenied: number[]): number {
  const { dateOfService, status, payer, provider, providers, payerSpelling, payerSpellings, providerSpelling, providerSpellings } = register;
  const { payerNameAged, payerNamePeriod, providerNamePeriod } = names;
  // Names still to find: once every group is named, the loop no longer looks.
  let unnamed = register.payers.size * 2 + providers.size - names.named;
  let periodCount = 0;
  const { from, to } = period;
  for (let i = 0; i < dateOfService.length; i++) {
    const dos = dateOfService[i];
    if (dos > asOf) continue;
    if (dos >= from && dos <= to) {
      periodIndexes[periodCount++] = i;
      if (status[i] === STATUS_DENIED) periodDenied.push(i);
    }
    if (unnamed === 0) continue;
    const p = payer[i];
    if (payerNameAged[p] === undefined) {
      payerNameAged[p] = payerSpellings[payerSpelling[i]].trim();
      unnamed--;
      names.named++;
    }
    if (dos < from || dos > to) continue;
    if (payerNamePeriod[p] === undefined) {
      payerNamePeriod[p] = payerSpellings[payerSpelling[i]].trim();
      unnamed--;
      names.named++;
    }
    const v = provider[i];
    if (providerNamePeriod[v] === undefined) {
      providerNamePeriod[v] = providers.nameOf(providerSpellings[providerSpelling[i]]);
      unnamed--;
      names.named++;
    }
  }
  return periodCount;
}

export { NO_PROVIDER };
