/**
 * The reader as it was before the speed work of issue 13 (copied from src/core/claims/readClaimLines.ts
 * at de94ceb), kept only as the reference the optimised reader is held to by a property test.
 */
import type { Cents } from "../../../src/core/money/cents";
import type { Day } from "../../../src/core/dates/day";
import { cellErrorText, isBlankCell, type CellValue } from "../../../src/core/cells/cellValue";
import type { InputIssue } from "../../../src/core/cells/issue";
import { rowIssueReporter } from "../../../src/core/cells/rowIssueReporter";
import { parseDate } from "../../../src/core/cells/parseDate";
import { errorCellMessage } from "../../../src/core/cells/errorCellMessage";
import { parseMoney } from "../../../src/core/cells/parseMoney";
import type { ClaimField, ClaimLine } from "../../../src/core/claims/claimLine";
import { parseClaimStatus, parsePayerClass } from "../../../src/core/claims/parseStatus";
import { splitCptModifiers } from "../../../src/core/claims/splitCptModifiers";
// The reader's types did not change: they are the source's.
import type { ClaimLinesRead, RawClaimRow, ReadClaimOptions } from "../../../src/core/claims/readClaimLines";

/**
 * Turns raw rows into claim lines, checking each row (definitions.md, "The claims register"):
 * a row with a blank or unreadable claim id, date of service, payer or charge, a negative charge,
 * an unreadable amount or units, or that repeats an earlier line exactly is left out and listed;
 * payments above the charge, an unknown status or payer class, or an unreadable optional date
 * are warnings and the row still counts. Never throws on any cell value.
 */
export function referenceReadClaimLines(rows: readonly RawClaimRow[], options: ReadClaimOptions = {}): ClaimLinesRead {
  const lines: ClaimLine[] = [];
  const issues: InputIssue[] = [];
  const leftOutRows: number[] = [];
  const seen = new Map<string, number>();
  let blankRows = 0;
  let rowsRead = 0;

  for (const raw of rows) {
    const cells = raw.cells;
    let anyValue = false;
    for (const key in cells) {
      if (!isBlankCell(cells[key as ClaimField])) {
        anyValue = true;
        break;
      }
    }
    if (!anyValue) {
      blankRows++;
      continue;
    }
    rowsRead++;
    const rowIssues: InputIssue[] = [];
    const report = rowIssueReporter<ClaimField>(raw.row, options, rowIssues);

    // Text of a field. A required field (claim number, payer) that holds an error value, TRUE/FALSE,
    // a date or anything else that is not text or a number is an error, so the row is left out and
    // listed (it used to be a warning, which dropped the row without listing it); an optional one
    // is a warning and ignored.
    const text = (field: ClaimField, required = false): string | null => {
      const v = cells[field];
      if (isBlankCell(v)) return null;
      const error = cellErrorText(v);
      if (error !== null) {
        report(field, required ? "error" : "warning", `${FIELD_WORDS[field]}: ${errorCellMessage(v) ?? error}${required ? "" : "; ignored"}`, v);
        return null;
      }
      if (typeof v === "string") return v.trim();
      if (typeof v === "number" && Number.isFinite(v)) return String(v);
      report(field, required ? "error" : "warning", `${FIELD_WORDS[field]} is not text${required ? "" : "; ignored"}`, v);
      return null;
    };
    const money = (field: ClaimField, required: boolean): Cents | null => {
      const parsed = parseMoney(cells[field]);
      if (parsed.kind === "value") return parsed.value;
      if (parsed.kind === "blank") {
        if (required) report(field, "error", `${FIELD_WORDS[field]} is blank`);
        return null;
      }
      report(field, "error", `${FIELD_WORDS[field]}: ${parsed.message}`, cells[field]);
      return null;
    };
    const date = (field: ClaimField, required: boolean): Day | null => {
      const parsed = parseDate(cells[field]);
      if (parsed.kind === "value") return parsed.value;
      if (parsed.kind === "blank") {
        if (required) report(field, "error", `${FIELD_WORDS[field]} is blank`);
        return null;
      }
      report(field, required ? "error" : "warning", `${FIELD_WORDS[field]}: ${parsed.message}${required ? "" : "; ignored"}`, cells[field]);
      return null;
    };

    const claimId = text("claimId", true);
    if (claimId === null && !rowIssues.some((i) => i.field === "claimId")) report("claimId", "error", "claim number is blank");
    const dateOfService = date("dateOfService", true);
    const payer = text("payer", true);
    if (payer === null && !rowIssues.some((i) => i.field === "payer")) report("payer", "error", "payer is blank");
    const charge = money("charge", true);
    if (charge !== null && charge < 0) report("charge", "error", "charge is negative; enter reversals as adjustments", cells.charge);
    const insurancePaid = money("insurancePaid", false) ?? 0;
    const patientPaid = money("patientPaid", false) ?? 0;
    const contractualAdjustment = money("contractualAdjustment", false) ?? 0;
    const otherAdjustment = money("otherAdjustment", false) ?? 0;
    const allowed = money("allowed", false);

    let units = 1;
    const unitsCell = cells.units;
    if (!isBlankCell(unitsCell)) {
      // Text must be a plain decimal ("2", "1.5"): Number() alone would also take "0x10" or "1e3".
      const u =
        typeof unitsCell === "number" ? unitsCell
        : typeof unitsCell === "string" && /^\+?(?:\d+(?:\.\d*)?|\.\d+)$/.test(unitsCell.trim()) ? Number(unitsCell.trim())
        : NaN;
      if (Number.isFinite(u) && u > 0) units = u;
      else report("units", "error", "units must be a number above 0", unitsCell);
    }

    const modifiersCell = cells.modifiers;
    let modifiers: string[] = [];
    if (!isBlankCell(modifiersCell)) {
      const error = cellErrorText(modifiersCell);
      if (error !== null) report("modifiers", "warning", `modifiers: ${errorCellMessage(modifiersCell) ?? error}; ignored`, modifiersCell);
      else if (typeof modifiersCell === "string" || (typeof modifiersCell === "number" && Number.isFinite(modifiersCell))) {
        modifiers = parseModifiers(modifiersCell);
      } else report("modifiers", "warning", "modifiers are not text; ignored", modifiersCell);
    }
    // "99213-25" in the CPT cell: the code, and its modifiers before those of a modifiers column.
    let cpt = text("cpt")?.toUpperCase() ?? null;
    const split = cpt === null ? null : splitCptModifiers(cpt);
    if (split !== null) {
      cpt = split.cpt;
      modifiers = [...split.modifiers, ...modifiers.filter((m) => !split.modifiers.includes(m))];
    }
    if (modifiers.length > 4) report("modifiers", "warning", "more than four modifiers; the first four are used", cells.modifiers ?? cells.cpt);

    let status = null as ClaimLine["status"];
    const statusText = text("status");
    if (statusText !== null) {
      status = parseClaimStatus(statusText);
      if (status === null) report("status", "warning", "unknown status; the line counts as submitted", cells.status);
    }
    let payerClass = null as ClaimLine["payerClass"];
    const classText = text("payerClass");
    if (classText !== null) {
      payerClass = parsePayerClass(classText);
      if (payerClass === null) report("payerClass", "warning", "unknown payer class; ignored", cells.payerClass);
    }
    const submittedDate = date("submittedDate", false);
    const lastPaymentDate = date("lastPaymentDate", false);

    if (charge !== null && charge >= 0 && insurancePaid + patientPaid > charge) {
      report("insurancePaid", "warning", "payments are above the charge; the line carries a credit balance");
    }

    const failed = rowIssues.some((i) => i.severity === "error");
    if (!failed && claimId !== null && dateOfService !== null && payer !== null && charge !== null) {
      const line: ClaimLine = {
        row: raw.row, claimId, dateOfService, payer, charge, insurancePaid, patientPaid, contractualAdjustment,
        otherAdjustment, allowed, cpt, modifiers: modifiers.slice(0, 4), units,
        placeOfService: normalizePos(text("placeOfService")), provider: text("provider"), payerClass, status,
        denialReason: text("denialReason"), submittedDate, lastPaymentDate,
      };
      const key = duplicateKey(line);
      const first = seen.get(key);
      if (first !== undefined) {
        report("claimId", "error", `repeats row ${first} exactly (same claim, date, payer, code, modifiers and charge); left out`);
      } else {
        seen.set(key, raw.row);
        lines.push(line);
      }
    }
    if (rowIssues.some((i) => i.severity === "error")) leftOutRows.push(raw.row);
    for (const issue of rowIssues) issues.push(issue);
  }
  return { lines, issues, rowsRead, leftOutRows, blankRows };
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
  return /^\d{1,3}$/.test(text) ? String(Number(text)).padStart(2, "0") : text;
}

function duplicateKey(line: ClaimLine): string {
  return [line.claimId, line.dateOfService, line.payer.trim().toLowerCase(), line.cpt ?? "", line.modifiers.join(" "), line.charge].join("\u0001");
}
