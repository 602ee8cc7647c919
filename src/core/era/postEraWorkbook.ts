import type { CellValue } from "../cells/cellValue";
import { describeIssue } from "../cells/issue";
import { REQUIRED_CLAIM_FIELDS } from "../claims/claimLine";
import { findHeaderRow } from "../import/findHeaderRow";
import { CLAIM_HEADER_SYNONYMS } from "../import/headerSynonyms";
import { readClaimsRegister, type ClaimsRegisterRead } from "../import/readClaimsRegister";
import { isReportTabName } from "../report/trendFromReportTab";
import type { SheetDescription } from "../sheet/sheetDescription";
import { journalSheet, readPostedPayments } from "./journal";
import { POSTED_REGISTER_NAME, postedRegisterSheet } from "./postedRegister";
import { postRemittances, type PostingResult, type RemittanceInput } from "./postRemittances";
import { registerExtras, type RegisterExtras } from "./registerExtras";
import { postingJson, type PostingJson } from "./resultJson";

export interface WorkbookSheetGrid {
  name: string;
  grid: readonly (readonly CellValue[])[];
}

export interface EraPosting {
  /** The register sheet read (the newest posted version when there is one). */
  registerSheet: string;
  register: ClaimsRegisterRead;
  result: PostingResult;
  json: PostingJson;
  /** The register's own extra columns (kept in the posted version). */
  extras: RegisterExtras;
}

/** No register to post into: one plain sentence. */
export class NoRegisterError extends Error {}

/**
 * The register to post into: the sheet named so when asked; else the last "Claims Register
 * (posted…)" version, so postings build on earlier ones; else the sheet whose header row names the
 * most register fields (claim number, date of service, payer and charge at least).
 */
export function findRegisterSheet(sheets: readonly WorkbookSheetGrid[], named?: string): WorkbookSheetGrid | null {
  if (named !== undefined) return sheets.find((s) => s.name.trim().toLowerCase() === named.trim().toLowerCase()) ?? null;
  const candidates = sheets.filter((s) => !isReportTabName(s.name));
  const score = (s: WorkbookSheetGrid): number => {
    const found = findHeaderRow(s.grid, CLAIM_HEADER_SYNONYMS, REQUIRED_CLAIM_FIELDS, { sheet: s.name });
    return found.found && REQUIRED_CLAIM_FIELDS.every((f) => found.fields.includes(f)) ? found.fields.length : 0;
  };
  const posted = candidates.filter((s) => s.name.toLowerCase().startsWith(POSTED_REGISTER_NAME.slice(0, -1).toLowerCase()) && score(s) > 0);
  if (posted.length > 0) return posted[posted.length - 1];
  let best: WorkbookSheetGrid | null = null;
  let bestScore = 0;
  for (const s of candidates) {
    const sc = score(s);
    if (sc > bestScore) {
      best = s;
      bestScore = sc;
    }
  }
  return best;
}

/**
 * The whole posting over a workbook's sheets, as data: finds and reads the register, reads the
 * payments posted before from the workbook's posting journals, posts the 835 files. Nothing is
 * written: the caller previews it, then asks for the sheets (postingSheets).
 */
export function planEraPosting(sheets: readonly WorkbookSheetGrid[], files: readonly RemittanceInput[], registerSheetName?: string): EraPosting {
  const sheet = findRegisterSheet(sheets, registerSheetName);
  if (sheet === null) {
    throw new NoRegisterError(registerSheetName !== undefined ? `no sheet named "${registerSheetName}"` : "no sheet has a header row naming claim number, date of service, payer and charge");
  }
  const register = readClaimsRegister(sheet.grid, { sheet: sheet.name });
  if (register.headerRow === null) throw new NoRegisterError(register.issues.map(describeIssue).join("; ") || `sheet "${sheet.name}" has no usable header row`);
  const result = postRemittances(register.lines, files, readPostedPayments(sheets));
  return { registerSheet: sheet.name, register, result, json: postingJson(result), extras: registerExtras(sheet.grid, register) };
}

/** The two new sheets of a posting: the register's new version and the posting journal. */
export function postingSheets(posting: EraPosting, postedAt: string): { register: SheetDescription; journal: SheetDescription } {
  return { register: postedRegisterSheet(posting.result, posting.register.leftOut, undefined, posting.extras), journal: journalSheet(posting.result, postedAt, posting.registerSheet) };
}

/** True when something can be posted: at least one transaction was not refused. */
export function anythingPosted(result: PostingResult): boolean {
  return result.transactions.some((t) => t.refused === null);
}
