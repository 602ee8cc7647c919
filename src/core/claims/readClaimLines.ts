import type { Cents } from "../money/cents";
import type { Day } from "../dates/day";
import { cellErrorText, isBlankCell, showCell, type CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import { parseDate } from "../cells/parseDate";
import { errorCellMessage } from "../cells/errorCellMessage";
import { exactCentsOfNumber, parseMoney } from "../cells/parseMoney";
import { dayFromExcelSerial } from "../dates/excelSerial";
import { CLAIM_FIELDS, type ClaimField, type ClaimLine } from "./claimLine";
import { parseClaimStatus, parsePayerClass } from "./parseStatus";
import { splitCptModifiers } from "./splitCptModifiers";
import { DuplicateLines } from "./duplicateLines";
import { RegisterColumnsBuilder, type RegisterColumns } from "../claimColumns/registerColumns";

/** One row of an export or register, its cells already matched to canonical fields. */
export interface RawClaimRow {
  /** 1-based row number in the source sheet or file. */
  row: number;
  cells: Partial<Record<ClaimField, CellValue>>;
}

export interface ReadClaimOptions {
  /** Sheet or file name, for messages. */
  sheet?: string;
  /** Column (letter or header) of each field, for messages. */
  columns?: Partial<Record<ClaimField, string>>;
  /** Also fill the register's columns (RegisterColumns) as each line is made, for the report's figures. */
  registerColumns?: boolean;
}

export interface ClaimLinesRead {
  /** Rows that passed: every figure is computed from these. */
  lines: ClaimLine[];
  /** Every problem found, errors (row left out) and warnings (row used). */
  issues: InputIssue[];
  /** Rows of data read (blank rows not counted) = lines.length + leftOutRows.length. */
  rowsRead: number;
  /** Row numbers that were left out, each with at least one error in `issues`. */
  leftOutRows: number[];
  /** Wholly blank rows skipped. */
  blankRows: number;
  /** The lines as columns, when asked for (ReadClaimOptions.registerColumns). */
  registerColumns?: RegisterColumns;
}

/**
 * Rows handed to the reader one at a time as the values of the register's fields, in CLAIM_FIELDS
 * order, so that a caller holding a grid need not build a RawClaimRow object per row (issue 13).
 */
export interface ClaimRowSource {
  /** How many rows. */
  readonly count: number;
  /** 1-based row number in the sheet or file of the k-th row. */
  rowNumber(k: number): number;
  /**
   * Writes the k-th row's cells into `values` (index i is CLAIM_FIELDS[i]; undefined for a field
   * the source has no column for). False when the row is wholly blank (then `values` is not read).
   */
  fill(k: number, values: CellValue[]): boolean;
}

/**
 * Turns raw rows into claim lines, checking each row (definitions.md, "The claims register"):
 * a row with a blank or unreadable claim id, date of service, payer or charge, a negative charge,
 * an unreadable amount or units, or that repeats an earlier line exactly is left out and listed;
 * payments above the charge, an unknown status or payer class, or an unreadable optional date
 * are warnings and the row still counts. Never throws on any cell value.
 *
 * Written for a million rows (issue 13): one row checker for all rows (no closures per row), a
 * row's issues written straight to the list, duplicates looked for within the claim only
 * (DuplicateLines), status and payer-class words read once per distinct text.
 */
export function readClaimLines(rows: readonly RawClaimRow[], options: ReadClaimOptions = {}): ClaimLinesRead {
  return readClaimLinesFrom(rawRowSource(rows), options);
}

/** The rows of a RawClaimRow list as a ClaimRowSource. */
function rawRowSource(rows: readonly RawClaimRow[]): ClaimRowSource {
  return {
    count: rows.length,
    rowNumber: (k) => rows[k].row,
    fill: (k, values) => {
      const cells = rows[k].cells;
      if (isBlankRow(cells)) return false;
      for (let f = 0; f < FIELD_COUNT; f++) values[f] = cells[CLAIM_FIELDS[f]];
      return true;
    },
  };
}

/** readClaimLines over any source of rows (the same checks, the same lines and issues): each row through one ClaimLinesReader. */
export function readClaimLinesFrom(source: ClaimRowSource, options: ReadClaimOptions = {}): ClaimLinesRead {
  const reader = new ClaimLinesReader(options, { keepLines: true, expectedRows: source.count });
  const values = reader.values;
  for (let k = 0; k < source.count; k++) {
    if (!source.fill(k, values)) reader.blankRow();
    else reader.read(source.rowNumber(k));
  }
  return reader.result();
}

/** What a ClaimLinesReader keeps. */
export interface ClaimLinesReaderMode {
  /**
   * true: every line used is kept (`result().lines`), repeats looked for among all of them (DuplicateLines).
   * false: no line is kept; repeats are looked for only among the current claim's lines, which is
   * the same only when each claim's lines come together (ClaimRuns says whether they do).
   */
  keepLines: boolean;
  /** false: the issues and rows left out are not kept (a pass that only counts): each row's issues are dropped at the next row. */
  keepIssues?: boolean;
  /** Whether two lines' payers are the same, for repeats (default: as DuplicateLines compares them). */
  samePayer?: (a: string, b: string) => boolean;
  /** Rows to come, for the register's columns (ReadClaimOptions.registerColumns). */
  expectedRows?: number;
}

/**
 * readClaimLines one row at a time (the state kept across rows: the issues, the rows left out,
 * the repeats looked for, the word memos): the caller writes a row's cells into `values` (index i
 * is CLAIM_FIELDS[i]) and calls `read` with its row number, or `blankRow` for a wholly blank row.
 */
export class ClaimLinesReader {
  /** Where the caller writes the next row's cells (CLAIM_FIELDS order). */
  readonly values: CellValue[] = new Array<CellValue>(FIELD_COUNT).fill(undefined);
  /** Lines used so far. */
  linesUsed = 0;
  /** The claim number of the last row read when it made a line (used, or left out as a repeat); null when it made none. */
  lineClaim: string | null = null;
  private readonly lines: ClaimLine[];
  private readonly issues: InputIssue[] = [];
  private readonly leftOutRows: number[] = [];
  private readonly duplicates: DuplicateLines;
  private readonly check: RowChecker;
  private readonly readers: RowReaders;
  private readonly columns: RegisterColumnsBuilder | null;
  private readonly keepIssues: boolean;
  private readonly keepLines: boolean;
  private blankRows = 0;
  private rowsRead = 0;

  constructor(options: ReadClaimOptions, mode: ClaimLinesReaderMode) {
    this.lines = [];
    this.keepIssues = mode.keepIssues ?? true;
    this.duplicates = new DuplicateLines(mode.keepLines ? this.lines : null, mode.samePayer);
    this.check = new RowChecker(options, this.issues);
    this.readers = { check: this.check, statuses: new TextMemo(parseClaimStatus), payerClasses: new TextMemo(parsePayerClass) };
    this.columns = mode.keepLines && options.registerColumns === true ? new RegisterColumnsBuilder(mode.expectedRows ?? 0) : null;
    this.keepLines = mode.keepLines;
  }

  /** A wholly blank row (not read). */
  blankRow(): void {
    this.blankRows++;
  }

  /** Reads the row whose cells are in `values`: the line used, or null when the row is left out (its errors in the issues). */
  read(row: number): ClaimLine | null {
    const issues = this.issues;
    if (!this.keepIssues && issues.length > 0) issues.length = 0;
    const check = this.check;
    this.rowsRead++;
    check.start(row, this.values);
    let line = lineOfRow(row, this.values, this.readers, issues.length);
    this.lineClaim = line === null ? null : line.claimId;
    if (line !== null) {
      const first = this.duplicates.findRepeat(line);
      if (first !== null) {
        check.report(F.claimId, "error", `repeats row ${first} exactly (same claim, date, payer, code, modifiers and charge); left out`);
        line = null;
      } else {
        this.duplicates.add(line, this.lines.length);
        this.linesUsed++;
        if (this.keepLines) {
          this.lines.push(line);
          this.columns?.add(line);
        }
      }
    }
    if (check.failed && this.keepIssues) this.leftOutRows.push(row);
    return line;
  }

  /** The lines (none unless kept), issues and rows left out read so far. */
  result(): ClaimLinesRead {
    const read: ClaimLinesRead = { lines: this.lines, issues: this.issues, rowsRead: this.rowsRead, leftOutRows: this.leftOutRows, blankRows: this.blankRows };
    if (this.columns !== null) read.registerColumns = this.columns.finish(this.lines);
    return read;
  }
}

/** What reading a row needs besides its cells: the checker (started on the row) and the text memos. */
interface RowReaders {
  check: RowChecker;
  statuses: TextMemo<ClaimLine["status"]>;
  payerClasses: TextMemo<ClaimLine["payerClass"]>;
}

/**
 * One register row's fields read and checked (issues reported through the checker); the claim
 * line, or null when the row has an error or lacks a required field. `issuesBefore`: how many
 * issues there were before this row (a blank required field is reported once).
 */
function lineOfRow(row: number, values: readonly CellValue[], { check, statuses, payerClasses }: RowReaders, issuesBefore: number): ClaimLine | null {
  const claimId = check.text(F.claimId, true);
  if (claimId === null && !check.reportedOn("claimId", issuesBefore)) check.report(F.claimId, "error", "claim number is blank");
  const dateOfService = check.date(F.dateOfService, true);
  const payer = check.text(F.payer, true);
  if (payer === null && !check.reportedOn("payer", issuesBefore)) check.report(F.payer, "error", "payer is blank");
  const charge = check.money(F.charge, true);
  if (charge !== null && charge < 0) check.report(F.charge, "error", "charge is negative; enter reversals as adjustments", values[F.charge]);
  const insurancePaid = check.money(F.insurancePaid, false) ?? 0;
  const patientPaid = check.money(F.patientPaid, false) ?? 0;
  const contractualAdjustment = check.money(F.contractualAdjustment, false) ?? 0;
  const otherAdjustment = check.money(F.otherAdjustment, false) ?? 0;
  const allowed = check.money(F.allowed, false);
  const units = check.units();
  let modifiers = check.modifiers();
  // "99213-25" in the CPT cell: the code, and its modifiers before those of a modifiers column.
  let cpt = check.text(F.cpt)?.toUpperCase() ?? null;
  const split = cpt === null ? null : splitCodeAndModifiers(cpt);
  if (split !== null) {
    cpt = split.cpt;
    modifiers = [...split.modifiers, ...modifiers.filter((m) => !split.modifiers.includes(m))];
  }
  if (modifiers.length > 4) check.report(F.modifiers, "warning", "more than four modifiers; the first four are used", values[F.modifiers] ?? values[F.cpt]);

  let status = null as ClaimLine["status"];
  const statusText = check.text(F.status);
  if (statusText !== null) {
    status = statuses.read(statusText);
    if (status === null) check.report(F.status, "warning", "unknown status; the line counts as submitted", values[F.status]);
  }
  let payerClass = null as ClaimLine["payerClass"];
  const classText = check.text(F.payerClass);
  if (classText !== null) {
    payerClass = payerClasses.read(classText);
    if (payerClass === null) check.report(F.payerClass, "warning", "unknown payer class; ignored", values[F.payerClass]);
  }
  const submittedDate = check.date(F.submittedDate, false);
  const lastPaymentDate = check.date(F.lastPaymentDate, false);

  if (charge !== null && charge >= 0 && insurancePaid + patientPaid > charge) {
    check.report(F.insurancePaid, "warning", "payments are above the charge; the line carries a credit balance");
  }
  if (check.failed || claimId === null || dateOfService === null || payer === null || charge === null) return null;
  return {
    row, claimId, dateOfService, payer, charge, insurancePaid, patientPaid, contractualAdjustment,
    otherAdjustment, allowed, cpt, modifiers: modifiers.length === 0 ? NO_MODIFIERS : modifiers.length > 4 ? modifiers.slice(0, 4) : modifiers, units,
    placeOfService: normalizePos(check.text(F.placeOfService)), provider: check.text(F.provider), payerClass, status,
    denialReason: check.text(F.denialReason), submittedDate, lastPaymentDate,
  };
}

const FIELD_COUNT = CLAIM_FIELDS.length;

/** The modifiers of every line without any: one shared, frozen list instead of an empty array per line (a million lines). */
const NO_MODIFIERS: readonly string[] = Object.freeze([]);

// Imported functions called for every row, bound once: run through tsx (the command line's fallback
// when it cannot be bundled, scripts/bundled.js), each call of an imported function
// first reads it through the module's export getter (about 0.2 s per million rows, issue 13).
const centsOfNumber = exactCentsOfNumber;
const dayOfSerial = dayFromExcelSerial;
const splitCodeAndModifiers = splitCptModifiers;
const BLANK = { kind: "blank" } as const;

/** Text that starts with a visible ASCII character other than "#": not blank, and no error value ("#N/A"). */
function isPlainText(text: string): boolean {
  const first = text.charCodeAt(0);
  return first > 32 && first < 127 && first !== 35;
}

/** Index of each field in CLAIM_FIELDS (and in a ClaimRowSource's values). */
const F = {
  claimId: 0, dateOfService: 1, payer: 2, charge: 3, insurancePaid: 4, patientPaid: 5, contractualAdjustment: 6,
  otherAdjustment: 7, allowed: 8, cpt: 9, modifiers: 10, units: 11, placeOfService: 12, provider: 13, payerClass: 14,
  status: 15, denialReason: 16, submittedDate: 17, lastPaymentDate: 18,
} as const satisfies Record<ClaimField, number>;
type FieldIndex = (typeof F)[ClaimField];

/** True when no cell of the row holds a value (the claim number, filled on nearly every row, is looked at first). */
function isBlankRow(cells: RawClaimRow["cells"]): boolean {
  if (!isBlankCell(cells.claimId)) return false;
  for (const key in cells) {
    if (!isBlankCell(cells[key as ClaimField])) return false;
  }
  return true;
}

/**
 * Reads the cells of one row after another, writing each problem to the issue list as an
 * InputIssue naming the row, the sheet, the field's column and what was found.
 */
class RowChecker {
  row = 0;
  values: readonly CellValue[] = [];
  /** An error was reported on this row: it is left out. */
  failed = false;
  /** Each distinct date text parsed once (a CSV export repeats a few hundred dates a million times). */
  private readonly dateTexts = new TextMemo<ReturnType<typeof parseDate>>(parseDate);

  constructor(
    private readonly options: ReadClaimOptions,
    private readonly issues: InputIssue[],
  ) {}

  start(row: number, values: readonly CellValue[]): void {
    this.row = row;
    this.values = values;
    this.failed = false;
  }

  report(f: FieldIndex, severity: "error" | "warning", message: string, found?: CellValue): void {
    const field = CLAIM_FIELDS[f];
    const issue: InputIssue = { row: this.row, field, severity, message };
    if (this.options.sheet !== undefined) issue.sheet = this.options.sheet;
    const column = this.options.columns?.[field];
    if (column !== undefined) issue.column = column;
    if (found !== undefined && !isBlankCell(found)) issue.found = showCell(found);
    this.issues.push(issue);
    if (severity === "error") this.failed = true;
  }

  /** An issue on `field` among those reported since index `from`. */
  reportedOn(field: ClaimField, from: number): boolean {
    for (let i = from; i < this.issues.length; i++) if (this.issues[i].field === field) return true;
    return false;
  }

  // Text of a field. A required field (claim number, payer) that holds an error value, TRUE/FALSE,
  // a date or anything else that is not text or a number is an error, so the row is left out and
  // listed (it used to be a warning, which dropped the row without listing it); an optional one
  // is a warning and ignored.
  text(f: FieldIndex, required = false): string | null {
    const v = this.values[f];
    // Most cells: text that starts with a visible character other than "#" (neither blank nor an
    // error value), a number, or nothing.
    if (typeof v === "string" && isPlainText(v)) return v.trim();
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    if (v === null || v === undefined || isBlankCell(v)) return null;
    const error = cellErrorText(v);
    if (error !== null) {
      this.report(f, required ? "error" : "warning", `${FIELD_WORDS[f]}: ${errorCellMessage(v) ?? error}${required ? "" : "; ignored"}`, v);
      return null;
    }
    if (typeof v === "string") return v.trim();
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    this.report(f, required ? "error" : "warning", `${FIELD_WORDS[f]} is not text${required ? "" : "; ignored"}`, v);
    return null;
  }

  money(f: FieldIndex, required: boolean): Cents | null {
    const v = this.values[f];
    if (typeof v === "number") {
      const cents = centsOfNumber(v);
      if (cents !== null) return cents;
    }
    const parsed = v === null || v === undefined ? BLANK : parseMoney(v);
    if (parsed.kind === "value") return parsed.value;
    if (parsed.kind === "blank") {
      if (required) this.report(f, "error", `${FIELD_WORDS[f]} is blank`);
      return null;
    }
    this.report(f, "error", `${FIELD_WORDS[f]}: ${parsed.message}`, v);
    return null;
  }

  date(f: FieldIndex, required: boolean): Day | null {
    const v = this.values[f];
    if (typeof v === "number") {
      const day = dayOfSerial(v);
      if (day !== null) return day;
    }
    const parsed = v === null || v === undefined ? BLANK : typeof v === "string" ? this.dateTexts.read(v) : parseDate(v);
    if (parsed.kind === "value") return parsed.value;
    if (parsed.kind === "blank") {
      if (required) this.report(f, "error", `${FIELD_WORDS[f]} is blank`);
      return null;
    }
    this.report(f, required ? "error" : "warning", `${FIELD_WORDS[f]}: ${parsed.message}${required ? "" : "; ignored"}`, v);
    return null;
  }

  units(): number {
    const unitsCell = this.values[F.units];
    if (typeof unitsCell === "number" && Number.isFinite(unitsCell) && unitsCell > 0) return unitsCell;
    if (unitsCell === null || unitsCell === undefined || isBlankCell(unitsCell)) return 1;
    // Text must be a plain decimal ("2", "1.5"): Number() alone would also take "0x10" or "1e3".
    const u =
      typeof unitsCell === "number" ? unitsCell
      : typeof unitsCell === "string" && /^\+?(?:\d+(?:\.\d*)?|\.\d+)$/.test(unitsCell.trim()) ? Number(unitsCell.trim())
      : NaN;
    if (Number.isFinite(u) && u > 0) return u;
    this.report(F.units, "error", "units must be a number above 0", unitsCell);
    return 1;
  }

  modifiers(): string[] {
    const modifiersCell = this.values[F.modifiers];
    if (modifiersCell === null || modifiersCell === undefined || isBlankCell(modifiersCell)) return [];
    const error = cellErrorText(modifiersCell);
    if (error !== null) this.report(F.modifiers, "warning", `modifiers: ${errorCellMessage(modifiersCell) ?? error}; ignored`, modifiersCell);
    else if (typeof modifiersCell === "string" || (typeof modifiersCell === "number" && Number.isFinite(modifiersCell))) {
      return parseModifiers(modifiersCell);
    } else this.report(F.modifiers, "warning", "modifiers are not text; ignored", modifiersCell);
    return [];
  }
}

/** A text parsed once per distinct text (a register repeats a handful of statuses, classes and dates). */
class TextMemo<T> {
  private readonly seen = new Map<string, T>();
  constructor(private readonly parse: (text: string) => T) {}
  read(text: string): T {
    let value = this.seen.get(text);
    if (value === undefined) {
      value = this.parse(text);
      if (this.seen.size < 10000) this.seen.set(text, value);
    }
    return value;
  }
}

/** Each field in words, for messages, in CLAIM_FIELDS order. */
const FIELD_WORDS: readonly string[] = [
  "claim number", "date of service", "payer", "charge", "insurance paid", "patient paid", "contractual adjustment",
  "other adjustment", "allowed amount", "CPT code", "modifiers", "units", "place of service", "provider", "payer class",
  "status", "denial reason", "submission date", "last payment date",
];

/** "26, 59", "LT RT", "50": the modifiers written in one cell, upper case. */
export function parseModifiers(value: CellValue): string[] {
  if (isBlankCell(value)) return [];
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
  return text.split(/[\s,;/|]+/).map((m) => m.trim().toUpperCase()).filter((m) => m !== "");
}

/** Place of service as the two-digit CMS code ("11"), whatever the export wrote (11, "11", "011"). */
function normalizePos(text: string | null): string | null {
  if (text === null) return null;
  // Two digits are already the code ("11", "02"): the common case, without a conversion.
  if (text.length === 2 && isDigit(text.charCodeAt(0)) && isDigit(text.charCodeAt(1))) return text;
  return /^\d{1,3}$/.test(text) ? String(Number(text)).padStart(2, "0") : text;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
