import type { Day } from "../dates/day";
import type { FeeScheduleRow } from "../feeSchedule/feeScheduleRow";
import { reportingPeriod } from "../kpis/reportingPeriod";
import type { Cents } from "../money/cents";
import { WorkRvuFiguresTally } from "../report/workRvuFigures";
import type { RvuTableRead } from "../rvu/workRvuRow";
import { AgedFiguresTally } from "./agedFromColumns";
import type { ClaimFigures } from "./claimFigures";
import { PeriodPicker, type ClaimColumns } from "./claimColumns";
import { claimsListedTogether } from "./claimsListedTogether";
import { DaysToPayTally } from "./daysToPayFromColumns";
import { DenialReasonsTally } from "./denialReasonsFromColumns";
import { FeeCheckColumnsTally } from "./feeCheckFromColumns";
import { PayersAndProvidersTally } from "./payersAndProvidersFromColumns";
import { PeriodsTally } from "./periodsFromColumns";
import { registerColumns, type RegisterColumns } from "./registerColumns";

export interface ClaimFiguresOptions {
  asOf: Day;
  /** The fee schedule; absent, null or empty: no fee check (feeCheck null). */
  feeSchedule?: readonly FeeScheduleRow[] | null;
  /** Tolerance of the fee check, in cents (default 0). */
  feeTolerance?: Cents;
  /** The RVU table; absent or null: no work RVUs (workRvus null). */
  rvuTable?: RvuTableRead | null;
}

/**
 * The chunks given cannot be tallied apart: a claim's lines came back after another claim's (or a
 * whole register came with other chunks, or the month span is too long for one pass). The caller
 * reads the register whole instead.
 */
export class ClaimsNotTogetherError extends Error {
  constructor(reason: string) {
    super(`the claim figures cannot be tallied in chunks: ${reason}; read the register whole`);
    this.name = "ClaimsNotTogetherError";
  }
}

/**
 * The report's claim figures (ClaimFigures) tallied from the register's columns, either the whole
 * register in one chunk (reportFigures: any line order) or chunk by chunk as a reading that keeps
 * no lines gives them (RegisterColumnsBuilder in "chunks": `add(builder.takeChunk(lines))` every
 * so many lines, then `finish()`). Each figure's pass keeps its state between chunks, bounded by
 * payers, providers, months, days, pricing groups and codes (and a chunk's claims), never by the
 * register's lines or claims; the figures are the same however the lines are cut into chunks.
 *
 * Several chunks need each claim's lines listed together (claims counted by runs of lines: the
 * chunks' claimsTogether, from ClaimRuns): otherwise `finish()` throws ClaimsNotTogetherError.
 */
export class ClaimFiguresTally {
  private readonly picker: PeriodPicker;
  private readonly aged = new AgedFiguresTally();
  private readonly periods: PeriodsTally;
  private readonly payersAndProviders = new PayersAndProvidersTally();
  private readonly daysToPay = new DaysToPayTally();
  private readonly denialReasons = new DenialReasonsTally();
  private readonly feeCheck: FeeCheckColumnsTally | null;
  private readonly workRvus: WorkRvuFiguresTally | null;
  private chunks = 0;
  private wholeRegister = false;
  private linesUsed = 0;
  private periodLines = 0;
  private last: ClaimColumns | null = null;
  /** Why the chunks cannot be tallied (null: they can). */
  private refused: string | null = null;

  constructor(options: ClaimFiguresOptions) {
    const period = reportingPeriod(options.asOf);
    this.picker = new PeriodPicker(options.asOf, period);
    this.periods = new PeriodsTally(options.asOf, period);
    const schedule = options.feeSchedule;
    this.feeCheck = schedule === undefined || schedule === null || schedule.length === 0 ? null : new FeeCheckColumnsTally(schedule, { tolerance: options.feeTolerance ?? 0 });
    this.workRvus = options.rvuTable === undefined || options.rvuTable === null ? null : new WorkRvuFiguresTally(options.rvuTable);
  }

  /** True once the chunks given cannot be tallied apart (finish() will throw ClaimsNotTogetherError). */
  get cannot(): boolean {
    return this.refused !== null;
  }

  /** Tallies the next chunk (the lines after the last chunk's, in order). The chunk's arrays may be reused once this returns. */
  add(chunk: RegisterColumns): void {
    if (this.refused !== null) return;
    const first = this.chunks++ === 0;
    const together = chunk.claimsTogether ?? claimsListedTogether(chunk.claim);
    this.refused = refusal(first, this.wholeRegister, chunk, this.periods.inChunks);
    if (this.refused !== null) return;
    if (chunk.claimsTogether === null) this.wholeRegister = true;
    const cols = this.picker.add(chunk);
    this.last = cols;
    this.linesUsed += chunk.dateOfService.length;
    this.periodLines += cols.periodIndexes.length;
    this.aged.add(cols);
    this.periods.add(cols, together);
    this.payersAndProviders.add(cols, together);
    this.daysToPay.add(cols);
    this.denialReasons.add(cols, together);
    this.feeCheck?.add(cols);
    this.workRvus?.add(chunk.lines, cols.periodIndexes);
  }

  /** The figures. @throws ClaimsNotTogetherError when the chunks cannot be tallied apart. */
  finish(): ClaimFigures {
    if (this.refused !== null) throw new ClaimsNotTogetherError(this.refused);
    if (this.last === null) this.add(registerColumns([]));
    const cols = this.last as ClaimColumns;
    const aged = this.aged.finish(cols);
    const periods = this.periods.finish();
    const { payerMix, providers } = this.payersAndProviders.finish(cols);
    const rvus = this.workRvus?.finish(providers) ?? null;
    return {
      linesUsed: this.linesUsed,
      periodLines: this.periodLines,
      aging: aged.aging,
      agingByPayer: aged.agingByPayer,
      daysInAR: aged.daysInAR,
      collections: periods.collections,
      denials: periods.denials,
      denialReasons: this.denialReasons.finish(),
      payerMix,
      daysToPay: this.daysToPay.finish(cols),
      providers: rvus?.providers ?? providers,
      feeCheck: this.feeCheck?.finish() ?? null,
      monthly: periods.monthly,
      previous: periods.previous,
      workRvus: rvus?.figures ?? null,
    };
  }
}

/** Why a chunk cannot be tallied after the ones before (null: it can). */
function refusal(first: boolean, wholeRegister: boolean, chunk: RegisterColumns, monthsInOnePass: boolean): string | null {
  // Claims numbered by runs of lines are claims only while each claim's lines come together.
  if (chunk.claimsTogether === false) return "a claim's lines come back after another claim's";
  if (first) return null;
  if (wholeRegister || chunk.claimsTogether === null) return "a whole register's columns are one chunk";
  return monthsInOnePass ? null : "the month span is longer than one pass of claim masks";
}
