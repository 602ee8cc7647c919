/**
 * Errors of the task pane's operations, in plain words, and `runExcel`, the Excel.run wrapper
 * that turns Office.js errors (RichApi.Error codes) into sentences a practice manager can act on.
 */
import { SUPPORTED_EXCEL } from "../requirements";

/** The user cancelled; any sheet the operation had started was removed. */
export class OperationCancelled extends Error {
  constructor(message = "Cancelled. The workbook is as it was before: any sheet this started was removed.") {
    super(message);
    this.name = "OperationCancelled";
  }
}

/** A failure in plain words, with the cell it concerns when there is one (the pane can select it). */
export class OperationError extends Error {
  readonly sheet?: string;
  /** "A12" on `sheet`. */
  readonly address?: string;
  constructor(message: string, cell?: { sheet: string; address: string }, cause?: unknown) {
    super(message);
    this.name = "OperationError";
    if (cell !== undefined) {
      this.sheet = cell.sheet;
      this.address = cell.address;
    }
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** What each Office.js error code means for the user (Office.js "Error codes" reference). */
const PLAIN_WORDS: Record<string, string> = {
  InvalidOperationInCellEditMode: "The workbook is being edited (a cell is in edit mode): press Enter or Esc and try again.",
  EditModeCannotAuthenticate: "The workbook is being edited (a cell is in edit mode): press Enter or Esc and try again.",
  RequestPayloadSizeLimitExceeded: "Excel refused a request as too large. Nothing was left half written; try again with a smaller range.",
  ResponsePayloadSizeLimitExceeded: "Excel refused to send back so much data at once. Nothing was left half written; try again with a smaller range.",
  AccessDenied: "Excel refused the change: the sheet or the workbook may be protected, or opened read-only. Unprotect it and try again.",
  InsertDeleteConflict: "Excel refused the change: it would move cells of a table, a merged area or a protected range.",
  ItemNotFound: "A sheet or range this needed is no longer there (was it renamed or deleted?). Refresh the sheet list and try again.",
  ItemAlreadyExists: "A sheet or table with that name already exists. Refresh the sheet list and try again.",
  ActivityLimitReached: "Excel is busy: wait a moment and try again.",
  Conflict: "Someone else changed the workbook at the same time: try again.",
  ApiNotFound: `This version of Excel lacks a feature Practice Ledger needs. It runs in: ${SUPPORTED_EXCEL}.`,
  InvalidArgument: "Excel refused a value Practice Ledger tried to write.",
  InvalidReference: "Excel refused a cell reference: check the address and try again.",
  GeneralException: "Excel reported an internal error. Nothing was left half written; please try again.",
  RequestAborted: "Excel stopped the request (the workbook may have been closed or reloaded). Try again.",
  Unauthenticated: "Excel could not confirm your sign-in. Sign in again and retry.",
};

/** The error's Office.js code, when it has one. */
export function officeErrorCode(error: unknown): string | null {
  if (error === null || typeof error !== "object") return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : null;
}

/** An error in words for the pane: our own errors as they are, Office errors by their code. */
export function plainErrorMessage(error: unknown): string {
  if (error instanceof OperationCancelled || error instanceof OperationError) return error.message;
  const code = officeErrorCode(error);
  if (code !== null && PLAIN_WORDS[code] !== undefined) return PLAIN_WORDS[code];
  if (error instanceof Error && error.message.trim() !== "") return error.message;
  return "Something went wrong while working on the workbook. Nothing was left half written; please try again.";
}

/** The error as the pane shows it: OperationCancelled and OperationError unchanged, others in plain words. */
export function toOperationError(error: unknown): Error {
  if (error instanceof OperationCancelled || error instanceof OperationError) return error;
  const e = error as { sheet?: unknown; address?: unknown } | null;
  const cell = e !== null && typeof e === "object" && typeof e.sheet === "string" && typeof e.address === "string" ? { sheet: e.sheet, address: e.address } : undefined;
  return new OperationError(plainErrorMessage(error), cell, error);
}

/**
 * Runs `fn` in Excel.run; a failure comes out as OperationCancelled or an OperationError whose
 * message is in plain words (e.g. "The workbook is being edited (a cell is in edit mode): press
 * Enter or Esc and try again.").
 */
export async function runExcel<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run((context) => fn(context));
  } catch (error) {
    throw toOperationError(error);
  }
}
