import { cellErrorText, type CellValue } from "../cells/cellValue";
import { columnLetter } from "../cells/issue";
import { paidAfter, type ClaimField, type ClaimLine } from "../claims/claimLine";
import { ClaimRuns } from "../claims/claimRuns";
import { samePayerName } from "../claims/duplicateLines";
import { ClaimLinesReader, type ReadClaimOptions } from "../claims/readClaimLines";
import { CREDIT_FIELDS, CreditSignCounts, creditSignNotes, turnCreditSigns, type CreditField } from "./creditSigns";
import { ClaimRowCells } from "./gridClaimRows";
import { payerNameKey, type PayerNameMerge } from "./normalizePayerNames";
import { PayerSpellings } from "./payerSpellings";
import { exportRowsSorted, readClaimsExportHeader, type ExportRead } from "./readClaimsExport";
import { registerRead, type ClaimsRegisterRead, type ReadClaimsRegisterOptions } from "./readClaimsRegister";
import { cellsOf, ExportRowSorter, isBlankSheetRow } from "./readExportRows";
import { AdjustmentSignCounts, BalanceChecker, exportedBalance } from "./reconcileBalances";
import { balanceColumnOf, layoutOf, type SourceLayout } from "./sourceColumns";
import { looksLikeLedger } from "./readTransactionLedger";
import type { RawClaimRow } from "../claims/readClaimLines";

export interface ClaimsStreamOptions extends ReadClaimsRegisterOptions {
  /** Each line used, after every correction, in register order (pass 2); the reader keeps none. */
  onLine: (line: ClaimLine) => void;
}

/**
 * readClaimsRegister's result without the lines: `lines` is always [] (they went to `onLine`),
 * `export.rows` is [] (the rows are not kept), and there is no `registerColumns`. Every other field
 * equals readClaimsRegister's, plus what a report needs of the lines.
 */
export interface ClaimsStreamRead extends Omit<ClaimsRegisterRead, "lines" | "registerColumns"> {
  /** Always empty: the lines went to `onLine`. */
  lines: never[];
  /** Lines used (sent to `onLine`): readClaimsRegister's `lines.length`. */
  linesUsed: number;
  /** Lines with a last payment date after `options.asOf` (0 without an as-of date). */
  linesPaidAfterAsOf: number;
}

/** How the register's rows are read, once the header is found. */
interface StreamParts {
  read: ExportRead<ClaimField, RawClaimRow>;
  layout: SourceLayout;
  /** 1-based last header row: the rows from this 0-based index on are below it. */
  firstIndex: number;
  sorter: ExportRowSorter<ClaimField>;
  cells: ClaimRowCells;
  spellings: PayerSpellings;
  /** 0-based column of the export's own balance, or null. */
  balanceColumn: number | null;
  lineOptions: ReadClaimOptions;
}

/** What pass 1 decided, and the counts pass 2 must find again. */
interface Decided {
  merges: PayerNameMerge[];
  selfPayAssumption: string | null;
  creditTurn: CreditField[];
  /** The adjustment-sign counts under the credit signs decided, or null without a balance column. */
  adjustments: AdjustmentSignCounts | null;
  linesUsed: number;
  credit: CreditSignCounts;
}

/**
 * The claims register read from rows handed one at a time, in two passes over the sheet, keeping
 * no row and no line (issue 13, the streaming path): what readClaimsRegister gives, the lines sent
 * to `onLine` instead of kept.
 *
 * - `new ClaimsStreamReader(head, options)`: `head` is the sheet's first rows (at least 40, or all
 *   when fewer); the header and columns are found in them as readClaimsRegister finds them.
 *   `streamable` is `{ reason }` for a transaction ledger or when no usable header is found: the
 *   caller then uses readClaimsRegister (which gives the error).
 * - Pass 1: `count(index, cells)` for each row present in the sheet, in order, from index 0 (the
 *   head's rows again; a row absent from the file is blank: indexes may jump), then `endCount()`.
 *   Rows are sorted, payer spellings counted, each line read (not kept) to count what the credit
 *   signs and the balance reconciliation decide from, and ClaimRuns checks that each claim's lines
 *   come together. When they do not (or rows come out of order, or a payer cell holding an error
 *   value such as "#N/A" is grouped with a name), `streamable` becomes `{ reason }`, from the row
 *   that shows it on (the caller may stop pass 1 there), and the caller falls back.
 * - Pass 2: `read(index, cells)` for the same rows: each line used, corrected (payer renamed,
 *   self-pay, credit signs, adjustment signs), goes to `onLine`. `finish()` gives the result.
 *   Pass 2 counts again what pass 1 decided from (lines used, credit and adjustment signs); should a
 *   count differ, `streamable` turns to `{ reason }` at `finish()` and the caller must discard
 *   what `onLine` was given and use readClaimsRegister. It happens only when a payer written as a
 *   number (1004) and one written as text of the same name key ("1004.") repeat a line in one claim.
 * `finish()` throws when there is nothing to finish (no usable header, or endCount not called).
 *
 * Keeps only what the result lists (issues, rows left out, balance disagreements), the payer
 * spellings and ClaimRuns' hashes: nothing per row or per line.
 */
export class ClaimsStreamReader {
  streamable: true | { reason: string } = true;
  private readonly parts: StreamParts | null = null;
  private readonly pass1: ClaimLinesReader | null = null;
  /** Pass 1 only (its hashes are let go at endCount). */
  private runs = new ClaimRuns();
  private readonly credit = new CreditSignCounts();
  /** Adjustment-sign counts for each way the credit signs may be decided (bit i: CREDIT_FIELDS[i] turned). */
  private readonly adjustments: AdjustmentSignCounts[] = [];
  private nextIndex = 0;
  private dataRows = 0;
  private decided: Decided | null = null;
  // Pass 2.
  private pass2: ClaimLinesReader | null = null;
  private checker: BalanceChecker | null = null;
  private credit2 = new CreditSignCounts();
  private adjustments2 = new AdjustmentSignCounts();
  private leftOutAt = 0;
  private linesPaidAfterAsOf = 0;
  private readonly scratch: Pick<ClaimLine, "charge" | CreditField> = { charge: 0, insurancePaid: 0, patientPaid: 0, contractualAdjustment: 0, otherAdjustment: 0 };

  constructor(head: readonly (readonly CellValue[])[], private readonly options: ClaimsStreamOptions) {
    const rows = Array.isArray(head) ? head : [];
    if (looksLikeLedger(rows)) {
      this.streamable = { reason: "a transaction ledger is rolled up from all its postings, not read line by line" };
      return;
    }
    if ((options.maxHeaderRows ?? 30) + 2 > rows.length && rows.length >= 40) {
      this.streamable = { reason: "the header is looked for further down than the first rows given" };
      return;
    }
    const { read, rows: sorting } = readClaimsExportHeader(rows, options);
    if (sorting === null) {
      this.streamable = { reason: "no usable header row" };
      return;
    }
    const layout = layoutOf(read.headerCells, read.mapping);
    const selfPay = layout === "OpenEMR Collections Report" && read.columns.mapping.payer !== undefined;
    const normalizePayers = options.normalizePayers ?? true;
    const lineOptions: ReadClaimOptions = { sheet: options.sheet, columns: read.mapping };
    this.parts = {
      read, layout, firstIndex: sorting.headerRow, lineOptions,
      sorter: new ExportRowSorter(sorting.headerRows.map((r) => cellsOf(rows[r - 1])), read.columns, sorting.totalsReason, options.sheet),
      cells: new ClaimRowCells(read.columns, selfPay),
      spellings: new PayerSpellings(normalizePayers, selfPay),
      balanceColumn: balanceColumnOf(read.unmapped, read.headerCells),
    };
    // Pass 1 reads the payers before they are grouped: two lines are the same payer when they will be once grouped.
    this.pass1 = new ClaimLinesReader(lineOptions, { keepLines: false, keepIssues: false, samePayer: normalizePayers ? samePayerOnceGrouped() : samePayerName });
    if (this.parts.balanceColumn !== null) for (let mask = 0; mask < 16; mask++) this.adjustments.push(new AdjustmentSignCounts());
  }

  /** Pass 1: the row at 0-based `index` (rows in order; a row not given is blank). */
  count(index: number, cells: readonly CellValue[]): void {
    const parts = this.parts;
    const reader = this.pass1;
    if (parts === null || reader === null || this.decided !== null || this.streamable !== true) return;
    if (!this.below(index, parts)) return;
    const rowCells = cellsOf(cells);
    if (!parts.sorter.add(index, rowCells)) return;
    this.dataRows++;
    parts.spellings.add(parts.cells.ownPayer(rowCells));
    try {
      if (!parts.cells.fill(rowCells, reader.values)) {
        reader.blankRow();
        return;
      }
      const used = reader.linesUsed;
      const line = reader.read(index + 1);
      if (reader.lineClaim !== null && this.runs.add(reader.lineClaim) && !this.runs.together) this.streamable = NOT_TOGETHER;
      if (line === null || reader.linesUsed === used) return;
      this.credit.add(line);
      if (parts.balanceColumn !== null) {
        const e = exportedBalance(rowCells, parts.balanceColumn);
        if (e !== null) this.countAdjustments(line, e);
      }
    } catch (e) {
      this.streamable = { reason: `row ${index + 1} could not be read: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  /** Ends pass 1: what needs the whole sheet is decided; `streamable` says whether pass 2 may follow. */
  endCount(): void {
    const parts = this.parts;
    const reader = this.pass1;
    if (parts === null || reader === null || this.decided !== null) return;
    exportRowsSorted(parts.read, parts.sorter.leftOut, parts.sorter.blankRows, this.dataRows, Math.max(this.nextIndex, 0));
    const grouped = parts.spellings.grouped();
    for (const [name, canonical] of grouped.renames) {
      // A payer cell holding an error value ("#N/A") leaves its row out; grouped with a name ("N/A") it would not.
      if ((cellErrorText(name) === null) !== (cellErrorText(canonical) === null)) {
        this.streamable = { reason: `the payer spelling "${name}" is grouped with "${canonical}", one of them an error value` };
      }
    }
    if (!this.runs.together) this.streamable = NOT_TOGETHER;
    this.runs = new ClaimRuns();
    const creditTurn = this.credit.decide();
    let mask = 0;
    CREDIT_FIELDS.forEach((f, i) => {
      if (creditTurn.includes(f)) mask |= 1 << i;
    });
    const adjustments = parts.balanceColumn === null ? null : this.adjustments[mask];
    this.decided = { merges: grouped.merges, selfPayAssumption: grouped.selfPayAssumption, creditTurn, adjustments, linesUsed: reader.linesUsed, credit: this.credit };
    parts.cells.renamePayers(grouped.renames);
    this.pass2 = new ClaimLinesReader(parts.lineOptions, { keepLines: false });
    if (parts.balanceColumn !== null && adjustments !== null) this.checker = new BalanceChecker(columnLetter(parts.balanceColumn + 1), this.options.sheet, adjustments);
  }

  /** Pass 2: the same rows again; each line used goes to `onLine`. */
  read(index: number, cells: readonly CellValue[]): void {
    const parts = this.parts;
    const reader = this.pass2;
    const decided = this.decided;
    if (parts === null || reader === null || decided === null || this.streamable !== true) return;
    if (index < parts.firstIndex) return;
    const rowCells = cellsOf(cells);
    // A data row is a row below the header that pass 1 neither left out nor counted blank.
    const leftOut = parts.read.leftOut;
    const row = index + 1;
    while (this.leftOutAt < leftOut.length && leftOut[this.leftOutAt].row < row) this.leftOutAt++;
    if (this.leftOutAt < leftOut.length && leftOut[this.leftOutAt].row === row) return;
    if (isBlankSheetRow(rowCells)) return;
    if (!parts.cells.fill(rowCells, reader.values)) {
      reader.blankRow();
      return;
    }
    const used = reader.linesUsed;
    let line = reader.read(row);
    if (line === null || reader.linesUsed === used) return;
    this.credit2.add(line);
    line = turnCreditSigns(line, decided.creditTurn);
    const checker = this.checker;
    if (checker !== null && parts.balanceColumn !== null) {
      const e = exportedBalance(rowCells, parts.balanceColumn);
      if (e !== null) this.adjustments2.add(line, e);
      line = checker.check(line, e);
    }
    const asOf = this.options.asOf;
    if (asOf !== undefined && paidAfter(line, asOf)) this.linesPaidAfterAsOf++;
    this.options.onLine(line);
  }

  /** After pass 2: readClaimsRegister's result without the lines (ClaimsStreamRead). */
  finish(): ClaimsStreamRead {
    const parts = this.parts;
    const decided = this.decided;
    if (parts === null || decided === null || this.pass2 === null) {
      throw new Error(`the claims cannot be read row by row: ${this.streamable === true ? "endCount was not called" : this.streamable.reason}`);
    }
    const linesUsed = this.pass2.linesUsed;
    if (this.streamable === true && !this.sameCounts(decided, linesUsed)) {
      this.streamable = { reason: "the second pass did not find the counts the first decided from" };
    }
    const notes = creditSignNotes(decided.creditTurn, parts.read.mapping);
    const checker = this.checker;
    if (checker !== null) notes.push(...checker.notes());
    const lined = { checked: this.pass2.result(), merges: decided.merges, selfPayAssumption: decided.selfPayAssumption };
    const result = registerRead(this.options, { read: parts.read, fromLedger: false, layout: parts.layout, notes, lined }, [], checker === null ? null : { check: checker.result, issues: checker.issues });
    return { ...result, lines: [], linesUsed, linesPaidAfterAsOf: this.linesPaidAfterAsOf };
  }

  /** Whether the row at `index` is below the header (the rows not given since the last one counted blank). */
  private below(index: number, parts: StreamParts): boolean {
    if (!Number.isSafeInteger(index) || index < this.nextIndex) {
      this.streamable = { reason: `row ${index + 1} came after row ${this.nextIndex}: the rows are not in order` };
      return false;
    }
    const from = Math.max(this.nextIndex, parts.firstIndex);
    this.nextIndex = index + 1;
    if (index < parts.firstIndex) return false;
    parts.sorter.skipBlank(index - from);
    return true;
  }

  /** The line's adjustment-sign counts under each of the 16 ways the credit signs may be decided. */
  private countAdjustments(line: ClaimLine, exported: number): void {
    const s = this.scratch;
    s.charge = line.charge;
    for (let mask = 0; mask < 16; mask++) {
      s.insurancePaid = (mask & 1) !== 0 ? turned(line.insurancePaid) : line.insurancePaid;
      s.patientPaid = (mask & 2) !== 0 ? turned(line.patientPaid) : line.patientPaid;
      s.contractualAdjustment = (mask & 4) !== 0 ? turned(line.contractualAdjustment) : line.contractualAdjustment;
      s.otherAdjustment = (mask & 8) !== 0 ? turned(line.otherAdjustment) : line.otherAdjustment;
      this.adjustments[mask].add(s, exported);
    }
  }

  private sameCounts(decided: Decided, linesUsed: number): boolean {
    if (linesUsed !== decided.linesUsed) return false;
    const a = decided.credit;
    const b = this.credit2;
    if (a.insuranceNegative !== b.insuranceNegative || a.insurancePositive !== b.insurancePositive || a.patientNegative !== b.patientNegative || a.patientPositive !== b.patientPositive) return false;
    if (a.contractualNegative !== b.contractualNegative || a.contractualPositive !== b.contractualPositive || a.otherNegative !== b.otherNegative || a.otherPositive !== b.otherPositive) return false;
    const adj = decided.adjustments;
    return adj === null || (adj.withNegative === this.adjustments2.withNegative && adj.agreeTurned === this.adjustments2.agreeTurned);
  }
}

const NOT_TOGETHER = { reason: "the claims are not listed together (a claim's lines come back after another claim's)" };

const turned = (amount: number): number => (-amount === 0 ? 0 : -amount);

/**
 * Whether two payers are the same once spellings are grouped (normalizePayerNames): spellings
 * with the same key become one name, and names of different keys never compare equal; names with
 * no key are not grouped and compare as they stand. Keys are worked out once per spelling.
 */
function samePayerOnceGrouped(): (a: string, b: string) => boolean {
  const keys = new Map<string, string>();
  const keyOf = (name: string): string => {
    let key = keys.get(name);
    if (key === undefined) {
      key = payerNameKey(name);
      if (keys.size < 10000) keys.set(name, key);
    }
    return key;
  };
  return (a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka !== "" && kb !== "") return ka === kb;
    return ka === "" && kb === "" && samePayerName(a, b);
  };
}
