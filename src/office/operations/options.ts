import type { ClaimField } from "../../core/claims/claimLine";
import type { SourceSummaryJson } from "../../core/report/sourceSummary";
import { OperationCancelled } from "./errors";

/** Progress (0 … 1 and a line of text) and cancellation of a long operation. */
export interface OperationOptions {
  onProgress?: (fraction: number, text: string) => void;
  signal?: AbortSignal;
}

export type SheetKind = "claims" | "feeSchedule" | "budget" | "payroll" | "settings" | "report" | "other";

export interface SheetOverview {
  name: string;
  kind: SheetKind;
  /** Data rows below the header (the used range's rows when no header was found). */
  rows: number;
  /** The used range ("A1:S101"), or null for an empty sheet. */
  address: string | null;
  /** What keeps the sheet from being read as its kind, in plain words. */
  problems: string[];
}

export type TemplateKind = "claimsRegister" | "feeSchedule" | "budget" | "payroll" | "settings";

export interface ConversionSource {
  sheet: string;
  /** A selected range ("A4:N2004"); the whole used range when absent. */
  address?: string;
  /**
   * The sheet row (1-based) the user pointed at as the header row ("Use this row as the header"):
   * the source then starts there, and when no field's name is recognised its cells are offered as
   * the columns to pick.
   */
  headerRow?: number;
}

export interface ConversionPreview {
  headerRow: number | null;
  /** Field → column letter ("F", or "F, G" for modifiers spread over columns). */
  mapping: Partial<Record<ClaimField, string>>;
  headers: { column: string; header: string }[];
  unmapped: { column: string; header: string }[];
  missingRequired: ClaimField[];
  rowsBelowHeader: number;
  issues: string[];
  /** Claim lines the rows read as (a transaction ledger: the lines its postings roll up to). */
  lines: number;
  /** How the sheet was read (as the report's `summary.source`); null without a recognised header. */
  source: SourceSummaryJson | null;
}

/** A source row left out, and the cell to select for it. */
export interface LeftOutCell {
  sheet: string;
  row: number;
  column?: string;
  reason: string;
  /** "A12" on `sheet`. */
  address: string;
}

/** Throws OperationCancelled when the pane asked to cancel. */
export function checkCancelled(o: OperationOptions): void {
  if (o.signal?.aborted === true) throw new OperationCancelled();
}

/** Reports progress, after checking for a cancel request. */
export function progress(o: OperationOptions, fraction: number, text: string): void {
  checkCancelled(o);
  o.onProgress?.(fraction, text);
}

/** Whether an error is the cancellation (rethrown as is after the partial sheet is removed). */
export const isCancellation = (error: unknown): boolean => error instanceof OperationCancelled;
