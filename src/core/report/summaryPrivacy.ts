/**
 * What the JSON summary file carries (issue 14, "Privacy of the JSON summary"). The summary is
 * what gets mailed and archived, so by default it holds aggregates only, like the report tab:
 * no claim ids and no per-line rows of fee-schedule discrepancies, and left-out reasons that
 * point at the cell (sheet, row, column) without quoting what is in it. Line-level detail (claim
 * ids, rows, the cell text found) only when asked for (`--detail`).
 * HIPAA's minimum-necessary standard (45 CFR 164.502(b)) is the rule this follows.
 */
import type { InputIssue } from "../cells/issue";
import type { ReportSummaryJson } from "./summaryJson";

/** A row left out, as the summary lists it. */
export interface LeftOutJson {
  sheet: string;
  row: number;
  column?: string;
  reason: string;
}

export type SummaryFileJson = ReportSummaryJson & {
  /** True when line-level detail (claim ids, rows, cell text) is included (`--detail`). */
  detail: boolean;
  /** What the file readers assumed or changed (encoding, separators, decimal commas, rows with a CSV issue, text cut); no cell text. */
  readingNotes: string[];
  feeSchedule: (NonNullable<ReportSummaryJson["feeSchedule"]> & {
    /** How many lines differ from the fee schedule (the lines themselves only with detail). */
    discrepancyLines: number;
    /** Fee-schedule rows left out, recorded as claim rows are. */
    leftOut: LeftOutJson[];
  }) | null;
};

/** A reason with the cell text it quotes taken out: ` (found "…")` and any other "quoted" text. */
export function reasonWithoutCellText(reason: string): string {
  return reason.replace(/\s*\(found:? "[^"]*"\)/g, "").replace(/\s*\(found:? [^)]*\)/g, "").replace(/"[^"]*"/g, '"…"');
}

/**
 * The summary as written to the file: with `detail`, everything; without, aggregates only.
 * `feeScheduleIssues` are the fee schedule's issues; its errors (rows left out) are listed.
 */
export function summaryForFile(
  summary: ReportSummaryJson,
  feeSchedule: { sheet: string; issues: readonly InputIssue[] } | null,
  detail: boolean,
  readingNotes: readonly string[] = [],
): SummaryFileJson {
  const strip = (reason: string): string => (detail ? reason : reasonWithoutCellText(reason));
  const feeLeftOut: LeftOutJson[] = (feeSchedule?.issues ?? [])
    .filter((i) => i.severity === "error")
    .map((i) => ({
      sheet: i.sheet ?? feeSchedule?.sheet ?? "",
      row: i.row,
      ...(i.column !== undefined ? { column: i.column } : {}),
      reason: strip(i.found !== undefined && detail ? `${i.message} (found "${i.found}")` : i.message),
    }));
  const fee = summary.feeSchedule;
  return {
    ...summary,
    detail,
    readingNotes: [...readingNotes],
    claims: { ...summary.claims, leftOut: summary.claims.leftOut.map((l) => ({ ...l, reason: strip(l.reason) })) },
    feeSchedule:
      fee === null
        ? null
        : { ...fee, discrepancies: detail ? fee.discrepancies : [], discrepancyLines: fee.discrepancies.length, leftOut: feeLeftOut },
    sheetIssues: summary.sheetIssues.map((i) => ({ ...i, reason: strip(i.reason) })),
    // The lines whose balance disagrees with the export's own are line-level: their count and sum
    // stay, the rows only with detail.
    source:
      summary.source === null || summary.source.balanceCheck === null || detail
        ? summary.source
        : { ...summary.source, balanceCheck: { ...summary.source.balanceCheck, rows: [] } },
  };
}
