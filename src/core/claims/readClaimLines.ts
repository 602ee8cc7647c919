import type { Cents } from "../money/cents";
import type { Day } from "../dates/day";
import { cellErrorText, isBlankCell, showCell, type CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import { parseDate } from "../cells/parseDate";
import { errorCellMessage } from "../cells/errorCellMessage";
import { exactCentsOfNumber, parseMoney } from "../cells/parseMoney";
import { dayFromExcelSerial } from "../dates/excelSerial";
import type { ClaimField, ClaimLine } from "./claimLine";
import { parseClaimStatus, parsePayerClass } from "./parseStatus";
import { splitCptModifiers } from "./splitCptModifiers";
import { DuplicateLines } from "./duplicateLines";

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
  const lines: ClaimLine[] = [];
  const issues: InputIssue[] = [];
  const leftOutRows: number[] = [];
  const duplicates = new DuplicateLines(lines);
  const check = new RowChecker(options, issues);
  const statuses = new TextMemo(parseClaimStatus);
  const payerClasses = new TextMemo(parsePayerClass);
  let blankRows = 0;
  let rowsRead = 0;

  for (const raw of rows) {
    const cells = raw.cells;
    if (isBlankRow(cells)) {
      blankRows++;
      continue;
    }
    rowsRead++;
    check.start(raw.row, cells);

    const issuesBefore = issues.length;
    const claimId = check.text("claimId", true);
    if (claimId === null && !check.reportedOn("claimId", issuesBefore)) check.report("claimId", "error", "claim number is blank");
    const dateOfService = check.date("dateOfService", true);
    const payer = check.text("payer", true);
    if (payer === null && !check.reportedOn("payer", issuesBefore)) check.report("payer", "error", "payer is blank");
    const charge = check.money("charge", true);
    if (charge !== null && charge < 0) check.report("charge", "error", "charge is negative; enter reversals as adjustments", cells.charge);
    const insurancePaid = check.money("insurancePaid", false) ?? 0;
    const patientPaid = check.money("patientPaid", false) ?? 0;
    const contractualAdjustment = check.money("contractualAdjustment", false) ?? 0;
    const otherAdjustment = check.money("otherAdjustment", false) ?? 0;
    const allowed = check.money("allowed", false);
    const units = check.units();
    let modifiers = check.modifiers();
    // "99213-25" in the CPT cell: the code, and its modifiers before those of a modifiers column.
    let cpt = check.text("cpt")?.toUpperCase() ?? null;
    const split = cpt === null ? null : splitCptModifiers(cpt);
    if (split !== null) {
      cpt = split.cpt;
      modifiers = [...split.modifiers, ...modifiers.filter((m) => !split.modifiers.includes(m))];
    }
    if (modifiers.length > 4) check.report("modifiers", "warning", "more than four modifiers; the first four are used", cells.modifiers ?? cells.cpt);

    let status = null as ClaimLine["status"];
    const statusText = check.text("status");
    if (statusText !== null) {
      status = statuses.read(statusText);
      if (status === null) check.report("status", "warning", "unknown status; the line counts as submitted", cells.status);
    }
    let payerClass = null as ClaimLine["payerClass"];
    const classText = check.text("payerClass");
    if (classText !== null) {
      payerClass = payerClasses.read(classText);
      if (payerClass === null) check.report("payerClass", "warning", "unknown payer class; ignored", cells.payerClass);
    }
    const submittedDate = check.date("submittedDate", false);
    const lastPaymentDate = check.date("lastPaymentDate", false);

    if (charge !== null && charge >= 0 && insurancePaid + patientPaid > charge) {
      check.report("insurancePaid", "warning", "payments are above the charge; the line carries a credit balance");
    }

    if (!check.failed && claimId !== null && dateOfService !== null && payer !== null && charge !== null) {
      const line: ClaimLine = {
        row: raw.row, claimId, dateOfService, payer, charge, insurancePaid, patientPaid, contractualAdjustment,
        otherAdjustment, allowed, cpt, modifiers: modifiers.length > 4 ? modifiers.slice(0, 4) : modifiers, units,
        placeOfService: normalizePos(check.text("placeOfService")), provider: check.text("provider"), payerClass, status,
        denialReason: check.text("denialReason"), submittedDate, lastPaymentDate,
      };
      const first = duplicates.findRepeat(line);
      if (first !== null) {
        check.report("claimId", "error", `repeats row ${first} exactly (same claim, date, payer, code, modifiers and charge); left out`);
      } else {
        duplicates.add(lines.length);
        lines.push(line);
      }
    }
    if (check.failed) leftOutRows.push(raw.row);
  }
  return { lines, issues, rowsRead, leftOutRows, blankRows };
}

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
  cells: RawClaimRow["cells"] = {};
  /** An error was reported on this row: it is left out. */
  failed = false;

  constructor(
    private readonly options: ReadClaimOptions,
    private readonly issues: InputIssue[],
  ) {}

  start(row: number, cells: RawClaimRow["cells"]): void {
    this.row = row;
    this.cells = cells;
    this.failed = false;
  }

  report(field: ClaimField, severity: "error" | "warning", message: string, found?: CellValue): void {
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
  text(field: ClaimField, required = false): string | null {
    const v = this.cells[field];
    if (isBlankCell(v)) return null;
    const error = cellErrorText(v);
    if (error !== null) {
      this.report(field, required ? "error" : "warning", `${FIELD_WORDS[field]}: ${errorCellMessage(v) ?? error}${required ? "" : "; ignored"}`, v);
      return null;
    }
    if (typeof v === "string") return v.trim();
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    this.report(field, required ? "error" : "warning", `${FIELD_WORDS[field]} is not text${required ? "" : "; ignored"}`, v);
    return null;
  }

  money(field: ClaimField, required: boolean): Cents | null {
    const v = this.cells[field];
    if (typeof v === "number") {
      const cents = exactCentsOfNumber(v);
      if (cents !== null) return cents;
    }
    const parsed = parseMoney(v);
    if (parsed.kind === "value") return parsed.value;
    if (parsed.kind === "blank") {
      if (required) this.report(field, "error", `${FIELD_WORDS[field]} is blank`);
      return null;
    }
    this.report(field, "error", `${FIELD_WORDS[field]}: ${parsed.message}`, this.cells[field]);
    return null;
  }

  date(field: ClaimField, required: boolean): Day | null {
    const v = this.cells[field];
    if (typeof v === "number") {
      const day = dayFromExcelSerial(v);
      if (day !== null) return day;
    }
    const parsed = parseDate(v);
    if (parsed.kind === "value") return parsed.value;
    if (parsed.kind === "blank") {
      if (required) this.report(field, "error", `${FIELD_WORDS[field]} is blank`);
      return null;
    }
    this.report(field, required ? "error" : "warning", `${FIELD_WORDS[field]}: ${parsed.message}${required ? "" : "; ignored"}`, this.cells[field]);
    return null;
  }

  units(): number {
    const unitsCell = this.cells.units;
    if (isBlankCell(unitsCell)) return 1;
    // Text must be a plain decimal ("2", "1.5"): Number() alone would also take "0x10" or "1e3".
    const u =
      typeof unitsCell === "number" ? unitsCell
      : typeof unitsCell === "string" && /^\+?(?:\d+(?:\.\d*)?|\.\d+)$/.test(unitsCell.trim()) ? Number(unitsCell.trim())
      : NaN;
    if (Number.isFinite(u) && u > 0) return u;
    this.report("units", "error", "units must be a number above 0", unitsCell);
    return 1;
  }

  modifiers(): string[] {
    const modifiersCell = this.cells.modifiers;
    if (isBlankCell(modifiersCell)) return [];
    const error = cellErrorText(modifiersCell);
    if (error !== null) this.report("modifiers", "warning", `modifiers: ${errorCellMessage(modifiersCell) ?? error}; ignored`, modifiersCell);
    else if (typeof modifiersCell === "string" || (typeof modifiersCell === "number" && Number.isFinite(modifiersCell))) {
      return parseModifiers(modifiersCell);
    } else this.report("modifiers", "warning", "modifiers are not text; ignored", modifiersCell);
    return [];
  }
}

/** A word list read once per distinct text (a register repeats a handful of statuses and classes). */
class TextMemo<T> {
  private readonly seen = new Map<string, T | null>();
  constructor(private readonly parse: (text: string) => T | null) {}
  read(text: string): T | null {
    let value = this.seen.get(text);
    if (value === undefined) {
      value = this.parse(text);
      if (this.seen.size < 10000) this.seen.set(text, value);
    }
    return value;
  }
}

const FIELD_WORDS: Record<ClaimField, string> = {
  claimId: "claim number", dateOfService: "date of service", payer: "payer", charge: "charge",
  insurancePaid: "insurance paid", patientPaid: "patient paid", contractualAdjustment: "contractual adjustment",
  otherAdjustment: "other adjustment", allowed: "allowed amount", cpt: "CPT code", modifiers: "modifiers",
  units: "units", placeOfService: "place of service", provider: "provider", payerClass: "payer class",
  status: "status", denialReason: "denial reason", submittedDate: "submission date", lastPaymentDate: "last payment date",
};

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
