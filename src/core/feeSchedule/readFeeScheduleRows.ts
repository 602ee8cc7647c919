import type Decimal from "decimal.js";
import { isBlankCell, showCell, type CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import { parseMoney } from "../cells/parseMoney";
import type { Cents } from "../money/cents";
import type { FeeScheduleRow } from "./feeScheduleRow";
import { normalizeCpt, normalizeModifier, payerKey } from "./keys";
import { parsePercent } from "./parsePercent";

/** The columns of a fee schedule sheet. */
export type FeeScheduleField = "payer" | "cpt" | "modifier" | "amount" | "percentOfMedicare";

/** One row of a fee schedule sheet, its cells already matched to fields. */
export interface RawFeeScheduleRow {
  /** 1-based row number in the source sheet. */
  row: number;
  cells: Partial<Record<FeeScheduleField, CellValue>>;
}

export interface ReadFeeScheduleOptions {
  /** Sheet or file name, for messages. */
  sheet?: string;
  /** Column (letter or header) of each field, for messages. */
  columns?: Partial<Record<FeeScheduleField, string>>;
}

export interface FeeScheduleRead {
  rows: FeeScheduleRow[];
  /** Errors (row left out) and warnings. */
  issues: InputIssue[];
}

const FIELD_WORDS: Record<FeeScheduleField, string> = {
  payer: "payer", cpt: "CPT code", modifier: "modifier", amount: "allowed amount", percentOfMedicare: "percent of Medicare",
};

/**
 * Turns fee schedule rows into FeeScheduleRows (definitions.md, "Fee schedule and underpayments").
 * A row needs a payer, a CPT code, and exactly one of a fixed amount or a percent of Medicare
 * (see parsePercent for how percentages are read); a row with both, neither, an unreadable or
 * negative amount, or more than one modifier is left out with an error. A later row for the same
 * payer, code and modifier is left out with a warning: the first row wins. Wholly blank rows are
 * skipped. Never throws on any cell value.
 */
export function readFeeScheduleRows(rows: readonly RawFeeScheduleRow[], options: ReadFeeScheduleOptions = {}): FeeScheduleRead {
  const out: FeeScheduleRow[] = [];
  const issues: InputIssue[] = [];
  const firstRow = new Map<string, FeeScheduleRow>();

  for (const raw of rows) {
    const cells: Partial<Record<FeeScheduleField, CellValue>> = raw?.cells ?? {};
    const rowNumber = raw?.row;
    if ((Object.keys(FIELD_WORDS) as FeeScheduleField[]).every((f) => isBlankCell(cells[f]))) continue;
    const rowIssues: InputIssue[] = [];
    const report = (field: FeeScheduleField, severity: "error" | "warning", message: string, found?: CellValue): void => {
      const issue: InputIssue = { row: rowNumber, field, severity, message };
      if (options.sheet !== undefined) issue.sheet = options.sheet;
      const column = options.columns?.[field];
      if (column !== undefined) issue.column = column;
      if (found !== undefined && !isBlankCell(found)) issue.found = showCell(found);
      rowIssues.push(issue);
    };
    const text = (field: FeeScheduleField): string | null => {
      const v = cells[field];
      if (isBlankCell(v)) return null;
      if (typeof v === "string") return v.trim();
      if (typeof v === "number" && Number.isInteger(v) && v >= 0) return String(v);
      report(field, "error", `${FIELD_WORDS[field]} is not text`, v);
      return null;
    };

    const payer = text("payer");
    if (payer === null && !rowIssues.some((i) => i.field === "payer")) report("payer", "error", "payer is blank");
    const cptText = text("cpt");
    if (cptText === null && !rowIssues.some((i) => i.field === "cpt")) report("cpt", "error", "CPT code is blank");
    let modifier: string | null = null;
    const modifierText = text("modifier");
    if (modifierText !== null) {
      const parts = modifierText.split(/[\s,;/|]+/).filter((m) => m !== "");
      if (parts.length > 1) report("modifier", "error", "one modifier per fee schedule row; write a row for each", cells.modifier);
      else modifier = normalizeModifier(modifierText);
    }

    let amount: Cents | null = null;
    const parsedAmount = parseMoney(cells.amount);
    if (parsedAmount.kind === "invalid") report("amount", "error", `allowed amount: ${parsedAmount.message}`, cells.amount);
    else if (parsedAmount.kind === "value") {
      if (parsedAmount.value < 0) report("amount", "error", "allowed amount is negative", cells.amount);
      else amount = parsedAmount.value;
    }
    let percent: Decimal | null = null;
    const parsedPercent = parsePercent(cells.percentOfMedicare);
    if (parsedPercent.kind === "invalid") {
      report("percentOfMedicare", "error", `percent of Medicare: ${parsedPercent.message}`, cells.percentOfMedicare);
    } else if (parsedPercent.kind === "value") percent = parsedPercent.value;
    if (parsedAmount.kind !== "blank" && parsedPercent.kind !== "blank") {
      report("percentOfMedicare", "error", "both an allowed amount and a percent of Medicare; keep one", cells.percentOfMedicare);
    } else if (parsedAmount.kind === "blank" && parsedPercent.kind === "blank") {
      report("amount", "error", "neither an allowed amount nor a percent of Medicare");
    }

    if (!rowIssues.some((i) => i.severity === "error") && payer !== null && cptText !== null) {
      const row: FeeScheduleRow = {
        row: rowNumber, payer, cpt: normalizeCpt(cptText), modifier,
        kind: amount !== null ? "fixed" : "percentOfMedicare", amount, percent: amount !== null ? null : percent,
      };
      const key = feeScheduleKey(payer, row.cpt, modifier);
      const first = firstRow.get(key);
      if (first !== undefined) {
        const same = first.kind === row.kind && first.amount === row.amount &&
          (first.percent === null || row.percent === null ? first.percent === row.percent : first.percent.eq(row.percent));
        report("cpt", "warning",
          `repeats row ${first.row} (same payer, code and modifier${same ? " and rate" : ", another rate"}); row ${first.row} is used, this row is ignored`,
          cells.cpt);
      } else {
        firstRow.set(key, row);
        out.push(row);
      }
    }
    for (const issue of rowIssues) issues.push(issue);
  }
  return { rows: out, issues };
}

/** The key a fee schedule row is matched by: payer (trimmed, case-insensitive), code, modifier. */
export function feeScheduleKey(payer: string, cpt: string, modifier: string | null): string {
  return `${payerKey(payer)}\u0001${normalizeCpt(cpt)}\u0001${modifier === null ? "" : normalizeModifier(modifier)}`;
}
