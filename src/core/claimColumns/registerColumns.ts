import type { ClaimLine } from "../claims/claimLine";
import { ClaimRuns } from "../claims/claimRuns";
import { PayerGroups } from "../payerMix/payerGroups";
import { ClaimGroups } from "./claimGroups";
import { NameGroups } from "./nameGroups";
import { PricingGroups, sameModifiers } from "./pricingGroups";

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
 * The register's lines as columns (typed arrays, money in integer cents), so that every figure of a
 * report is a fast pass over numbers instead of a pass over a million objects. Payers, providers,
 * claims and pricings become group numbers. Filled line by line while the import reads the register
 * (RegisterColumnsBuilder), when each line is at hand, or from the lines (registerColumns).
 */
export interface RegisterColumns {
  /** The lines the columns were read from, in the same order, for the few per-line details a figure lists. */
  lines: readonly ClaimLine[];
  /** Source row of each line. */
  row: Int32Array;
  dateOfService: Float64Array;
  charge: Float64Array;
  /** Insurance paid + patient paid. */
  payments: Float64Array;
  insurancePaid: Float64Array;
  contractualAdjustment: Float64Array;
  /** charge − payments − contractual − other adjustments (definitions.md, "The claims register"). */
  balance: Float64Array;
  /** The payer's allowed amount; NaN when the export has none for the line. */
  allowed: Float64Array;
  /** Submission date, NaN when blank. */
  submittedDate: Float64Array;
  /** Last payment date, NaN when blank. */
  lastPaymentDate: Float64Array;
  status: Uint8Array;
  /** Payer group of each line (names trimmed, case-insensitive: payerKey). */
  payer: Int32Array;
  payers: PayerGroups;
  /** Each line's payer as written: an index into payerSpellings. */
  payerSpelling: Int32Array;
  payerSpellings: string[];
  /** Provider group of each line (trimmed, case-insensitive; blank = "(no provider)"). */
  provider: Int32Array;
  providers: NameGroups;
  /** Each line's provider as written: an index into providerSpellings. */
  providerSpelling: Int32Array;
  providerSpellings: (string | null)[];
  /** Each line's denial reason as written: an index into denialReasonSpellings. */
  denialReasonSpelling: Int32Array;
  denialReasonSpellings: (string | null)[];
  /** Claim group of each line. */
  claim: Int32Array;
  /** Claim groups so far (in a chunk: of this chunk and the ones before it). */
  claimCount: number;
  /** The claim number of claim groups claimIdsFrom, claimIdsFrom + 1 … (the whole register: every group, from 0). */
  claimIds: readonly string[];
  claimIdsFrom: number;
  /**
   * null: claims grouped by claim number (the whole register in one). In a chunk (takeChunk), claims are
   * numbered by runs of lines, and this says whether every claim so far came in one run (ClaimRuns):
   * only then is a run a claim.
   */
  claimsTogether: boolean | null;
  /** Pricing group of each line (code, modifiers, units, place of service, payer class). */
  pricing: Int32Array;
  pricings: PricingGroups;
}

/** For spellings kept without a group (denial reasons, grouped by the figure that reads them). */
const NO_GROUPS = { groupOf: (): number => 0 };

/** Spellings as written, each with its group; the last one looked up is remembered (lines of a claim repeat it). */
class Spellings<T extends string | null> {
  readonly written: T[] = [];
  /** Group of each spelling. */
  readonly groups: number[] = [];
  private readonly bySpelling = new Map<T, number>();
  private last: T | undefined = undefined;
  private lastIndex = -1;

  of(text: T, grouping: { groupOf(text: T): number }): number {
    if (text === this.last) return this.lastIndex;
    let index = this.bySpelling.get(text);
    if (index === undefined) {
      index = this.written.length;
      this.written.push(text);
      this.groups.push(grouping.groupOf(text));
      this.bySpelling.set(text, index);
    }
    this.last = text;
    this.lastIndex = index;
    return index;
  }
}

/** Every typed-array column, one entry per line. */
type LineColumn = {
  [K in keyof RegisterColumns]: RegisterColumns[K] extends Float64Array | Int32Array | Uint8Array ? K : never;
}[keyof RegisterColumns];
// Every one listed: the compiler refuses a column left out of this record.
const LINE_COLUMNS = Object.keys({
  dateOfService: 1, charge: 1, payments: 1, insurancePaid: 1, contractualAdjustment: 1, balance: 1, allowed: 1, submittedDate: 1, lastPaymentDate: 1,
  status: 1, row: 1, payer: 1, payerSpelling: 1, provider: 1, providerSpelling: 1, claim: 1, pricing: 1, denialReasonSpelling: 1,
} satisfies Record<LineColumn, 1>) as LineColumn[];
type LineArray = Float64Array | Int32Array | Uint8Array;

/**
 * Fills RegisterColumns one line at a time. The import adds each line as it makes it, while the
 * line's fields are still in the processor's cache; reading a million lines back afterwards costs a
 * trip to memory per line (about 300 ms at 1,048,575 lines: `npm run bench`, issue 13).
 *
 * Two uses. The whole register: add every line, then `finish(lines)`. Chunks (`"chunks"`, for a
 * reading that keeps no lines, ClaimFiguresTally): add some lines, `takeChunk(lines)`, add more …
 * Payer, provider and pricing groups and the spellings carry on from chunk to chunk, so a group
 * number means the same in every chunk; claims are numbered by runs of lines (a new group whenever
 * the claim number differs from the line before), which needs no table of every claim number and
 * is right while ClaimRuns finds each claim's lines together (the chunk's claimsTogether).
 */
export class RegisterColumnsBuilder {
  private cols: RegisterColumns;
  private readonly claims = new ClaimGroups();
  /** Chunks only: the runs of claim numbers, and the claim numbers of this chunk's runs. */
  private readonly runs: ClaimRuns | null;
  private chunkIds: string[] = [];
  private chunkIdsFrom = 0;
  private count = 0;
  // Lines of one claim share payer and provider: the previous line's spelling is reused when the text is the same.
  private readonly payerSpellings = new Spellings<string>();
  private readonly providerSpellings = new Spellings<string | null>();
  private readonly reasonSpellings = new Spellings<string | null>();

  /** `capacity`: the most lines expected (in chunks: a chunk's lines); more are taken, the columns then grow. */
  constructor(capacity: number, use: "whole" | "chunks" = "whole") {
    this.cols = emptyRegisterColumns(Math.max(16, capacity));
    this.runs = use === "chunks" ? new ClaimRuns() : null;
  }

  add(line: ClaimLine): void {
    if (this.count === this.cols.charge.length) this.grow();
    this.put(this.count++, line);
  }

  /** The columns of the lines added, which must be `lines`, in order. */
  finish(lines: readonly ClaimLine[]): RegisterColumns {
    if (lines.length !== this.count) throw new RangeError(`${this.count} lines added, ${lines.length} given`);
    const c = this.cols;
    const n = this.count;
    const fitted = {} as Record<LineColumn, LineArray>;
    for (const k of LINE_COLUMNS) fitted[k] = c[k].length === n ? c[k] : c[k].slice(0, n);
    return {
      ...c, ...(fitted as Pick<RegisterColumns, LineColumn>), lines, claimCount: this.claims.size, claimIds: this.claims.ids, claimIdsFrom: 0, claimsTogether: null,
      payerSpellings: this.payerSpellings.written, providerSpellings: this.providerSpellings.written, denialReasonSpellings: this.reasonSpellings.written,
    };
  }

  /**
   * The columns of the lines added since the last chunk, which must be `lines`, in order, and a new
   * chunk begun (a builder made for "chunks"). The chunk's columns are views of the builder's
   * arrays, which the next chunk writes over: the caller must be done with a chunk (tally it)
   * before it adds more lines. The group tables (payers, providers, pricings, spellings) are shared
   * by every chunk and only grow.
   */
  takeChunk(lines: readonly ClaimLine[]): RegisterColumns {
    const runs = this.runs;
    if (runs === null) throw new Error("takeChunk: this builder was made for the whole register (use \"chunks\")");
    if (lines.length !== this.count) throw new RangeError(`${this.count} lines added, ${lines.length} given`);
    const c = this.cols;
    const n = this.count;
    const views = {} as Record<LineColumn, LineArray>;
    for (const k of LINE_COLUMNS) views[k] = c[k].subarray(0, n);
    const chunk: RegisterColumns = {
      ...c, ...(views as Pick<RegisterColumns, LineColumn>), lines, claimCount: runs.runs, claimIds: this.chunkIds, claimIdsFrom: this.chunkIdsFrom,
      claimsTogether: runs.together,
      payerSpellings: this.payerSpellings.written, providerSpellings: this.providerSpellings.written, denialReasonSpellings: this.reasonSpellings.written,
    };
    // The next chunk may go on with the claim this one ends with.
    this.count = 0;
    const ids = this.chunkIds;
    this.chunkIdsFrom = Math.max(0, runs.runs - 1);
    this.chunkIds = ids.length === 0 ? [] : [ids[ids.length - 1]];
    return chunk;
  }

  private put(i: number, line: ClaimLine): void {
    const c = this.cols;
    putMoney(c, i, line);
    c.dateOfService[i] = line.dateOfService;
    c.submittedDate[i] = line.submittedDate ?? NaN;
    c.lastPaymentDate[i] = line.lastPaymentDate ?? NaN;
    c.status[i] = statusCode(line.status);
    c.row[i] = line.row;
    const payer = this.payerSpellings.of(line.payer, c.payers);
    c.payerSpelling[i] = payer;
    c.payer[i] = this.payerSpellings.groups[payer];
    const provider = this.providerSpellings.of(line.provider, c.providers);
    c.providerSpelling[i] = provider;
    c.provider[i] = this.providerSpellings.groups[provider];
    c.denialReasonSpelling[i] = this.reasonSpellings.of(line.denialReason, NO_GROUPS);
    c.claim[i] = this.runs === null ? this.claims.groupOf(line.claimId) : this.runOf(line.claimId);
    c.pricing[i] = c.pricings.groupOf(line);
  }

  /** Chunks: the claim group of a line, by runs of claim numbers. */
  private runOf(claimId: string): number {
    const runs = this.runs as ClaimRuns;
    if (runs.add(claimId)) this.chunkIds.push(claimId);
    return runs.runs - 1;
  }

  private grow(): void {
    const c = this.cols;
    const bigger = emptyRegisterColumns(c.charge.length * 2);
    for (const k of LINE_COLUMNS) (bigger[k] as LineArray).set(c[k]);
    this.cols = { ...bigger, payers: c.payers, providers: c.providers, pricings: c.pricings };
  }
}

/** The columns of lines already read (what the import's builder gives, built afterwards). */
export function registerColumns(lines: readonly ClaimLine[]): RegisterColumns {
  const builder = new RegisterColumnsBuilder(lines.length);
  for (let i = 0; i < lines.length; i++) builder.add(lines[i]);
  return builder.finish(lines);
}

/**
 * The columns of `lines` where `lines` is the list `cols` was built from with some lines replaced by
 * corrected copies (credit signs turned, adjustments read as reductions): only the money of the
 * replaced lines is read again. Any other change (a line added, removed or moved, or a field other
 * than money changed) builds the columns afresh, so the columns always match the lines.
 */
export function columnsAfterRewrites(cols: RegisterColumns, lines: readonly ClaimLine[]): RegisterColumns {
  if (lines === cols.lines) return cols;
  if (lines.length !== cols.lines.length) return registerColumns(lines);
  let out: RegisterColumns | null = null;
  for (let i = 0; i < lines.length; i++) {
    const before = cols.lines[i];
    const line = lines[i];
    if (line === before) continue;
    if (!sameButMoney(before, line)) return registerColumns(lines);
    out ??= copyOfMoney(cols);
    putMoney(out, i, line);
  }
  return { ...(out ?? cols), lines };
}

/** The money columns of line i. */
function putMoney(c: RegisterColumns, i: number, line: ClaimLine): void {
  const paid = line.insurancePaid + line.patientPaid;
  c.charge[i] = line.charge;
  c.payments[i] = paid;
  c.insurancePaid[i] = line.insurancePaid;
  c.contractualAdjustment[i] = line.contractualAdjustment;
  c.balance[i] = line.charge - paid - line.contractualAdjustment - line.otherAdjustment;
  c.allowed[i] = line.allowed ?? NaN;
}

/** True when two lines differ at most in their money (the fields every other column is made from are equal). */
function sameButMoney(a: ClaimLine, b: ClaimLine): boolean {
  return a.row === b.row && a.claimId === b.claimId && a.dateOfService === b.dateOfService && a.payer === b.payer && a.provider === b.provider
    && a.status === b.status && a.submittedDate === b.submittedDate && a.lastPaymentDate === b.lastPaymentDate && a.cpt === b.cpt
    && a.units === b.units && a.placeOfService === b.placeOfService && a.payerClass === b.payerClass && a.denialReason === b.denialReason
    && sameModifiers(a.modifiers, b.modifiers);
}

/** The columns with their money columns copied (the rest shared), to be written without changing `cols`. */
function copyOfMoney(cols: RegisterColumns): RegisterColumns {
  return {
    ...cols, charge: cols.charge.slice(), payments: cols.payments.slice(), insurancePaid: cols.insurancePaid.slice(),
    contractualAdjustment: cols.contractualAdjustment.slice(), balance: cols.balance.slice(), allowed: cols.allowed.slice(),
  };
}

function emptyRegisterColumns(n: number): RegisterColumns {
  return {
    lines: [],
    dateOfService: new Float64Array(n), charge: new Float64Array(n), payments: new Float64Array(n), insurancePaid: new Float64Array(n),
    contractualAdjustment: new Float64Array(n), balance: new Float64Array(n), allowed: new Float64Array(n),
    submittedDate: new Float64Array(n), lastPaymentDate: new Float64Array(n), status: new Uint8Array(n),
    row: new Int32Array(n), payer: new Int32Array(n), payers: new PayerGroups(), payerSpelling: new Int32Array(n), payerSpellings: [],
    provider: new Int32Array(n), providers: new NameGroups(), providerSpelling: new Int32Array(n), providerSpellings: [],
    denialReasonSpelling: new Int32Array(n), denialReasonSpellings: [],
    claim: new Int32Array(n), claimCount: 0, claimIds: [], claimIdsFrom: 0, claimsTogether: null, pricing: new Int32Array(n), pricings: new PricingGroups(),
  };
}
