import type { CellValue } from "../cells/cellValue";
import { REQUIRED_CLAIM_FIELDS, CLAIM_FIELD_HEADERS } from "../claims/claimLine";
import type { Day } from "../dates/day";
import { isoFromDay } from "../dates/day";
import { findHeaderRow } from "../import/findHeaderRow";
import { CLAIM_HEADER_SYNONYMS } from "../import/headerSynonyms";
import { LEDGER_HEADER_SYNONYMS } from "../import/ledgerSynonyms";
import { looksLikeLedger } from "../import/readTransactionLedger";
import { normalizeHeader, headerText } from "../import/normalizeHeader";
import type { ClaimsRegisterRead } from "../import/readClaimsRegister";
import type { ClaimsSourceReport } from "./sourceSummary";

interface Sheet {
  name: string;
  grid: CellValue[][];
}

/** How well a sheet reads as a claims register: fields named (0 = not one); a register made by Convert ranks first. */
function registerScore(s: Sheet): { score: number; convert: boolean } {
  const found = findHeaderRow(s.grid, CLAIM_HEADER_SYNONYMS, REQUIRED_CLAIM_FIELDS, { sheet: s.name });
  if (!found.found || !REQUIRED_CLAIM_FIELDS.every((f) => found.fields.includes(f))) {
    // A transaction ledger in debits and credits names no charge column.
    if (!looksLikeLedger(s.grid)) return { score: 0, convert: false };
    const ledger = findHeaderRow(s.grid, LEDGER_HEADER_SYNONYMS, ["claimId", "transactionType"], { sheet: s.name });
    return { score: ledger.found ? ledger.fields.length : 0, convert: false };
  }
  const header = new Set((s.grid[found.row - 1] ?? []).map((c) => normalizeHeader(headerText(c))));
  const convert = REQUIRED_CLAIM_FIELDS.every((f) => header.has(normalizeHeader(CLAIM_FIELD_HEADERS[f])));
  return { score: found.fields.length, convert };
}

/**
 * The sheet that holds the claims: the one named, else among those whose header names claim
 * number, date of service, payer and charge, a register produced by Convert (the project's own
 * headers: Claim ID, Date of Service, Payer, Charge) before a raw export, then the one naming most
 * fields (the first on a tie). The others that looked like a register are listed with the reason.
 */
export function chooseClaimsSheet<S extends Sheet>(
  sheets: readonly S[],
  named: string | undefined,
): { sheet: S | null; others: { sheet: string; reason: string }[]; why: string | null } {
  if (named !== undefined) {
    const sheet = sheets.find((s) => s.name.trim().toLowerCase() === named.trim().toLowerCase()) ?? null;
    return { sheet, others: [], why: sheet === null ? null : "named with the claims sheet option" };
  }
  const scored = sheets.map((s) => ({ s, ...registerScore(s) })).filter((x) => x.score > 0);
  if (scored.length === 0) return { sheet: null, others: [], why: null };
  let best = scored[0];
  for (const x of scored) {
    if ((x.convert && !best.convert) || (x.convert === best.convert && x.score > best.score)) best = x;
  }
  const why = best.convert
    ? "a Claims Register made by Convert (the project's own headers), preferred over a raw export"
    : `its header names the most register fields (${best.score})`;
  const others = scored
    .filter((x) => x !== best)
    .map((x) => ({
      sheet: x.s.name,
      reason: best.convert && !x.convert ? "a raw export; the Claims Register made from it was used" : `also looks like a claims register (${x.score} fields named); sheet "${best.s.name}" was used: ${why}`,
    }));
  return { sheet: best.s, others, why };
}

/** What the report says about its claims source. */
export function claimsSourceReport(
  claims: ClaimsRegisterRead,
  sheetName: string,
  asOf: Day,
  choice: { others: { sheet: string; reason: string }[]; why: string | null },
  /** Lines with a last payment after the as-of date (counted while the lines were read). */
  paidAfterAsOf: number,
): ClaimsSourceReport {
  const notes: string[] = [];
  if (choice.others.length > 0) {
    notes.push(`claims read from sheet "${sheetName}" (${choice.why ?? ""}); also looked like a register: ${choice.others.map((o) => `"${o.sheet}"`).join(", ")}`);
  }
  const balancesAsOf = claims.balancesAsOf ?? "export";
  if (balancesAsOf === "export") {
    const later = paidAfterAsOf;
    notes.push(
      `balances are as the export has them, not as of ${isoFromDay(asOf)}: the register holds current balances only, so A/R is aged at ${isoFromDay(asOf)} from today's balances` +
        (later > 0 ? ` (${later} lines show a payment after ${isoFromDay(asOf)})` : ""),
    );
  }
  return { name: `sheet "${sheetName}"`, columns: claims.source, balanceCheck: claims.balanceCheck, balancesAsOf, otherSheets: choice.others, notes };
}

/** The reason a read register cannot make a report (no usable line), or null when it can. */
export function unusableReason(claims: ClaimsRegisterRead, sheetName: string, linesUsed: number): string | null {
  if (linesUsed > 0) return null;
  const first = claims.leftOut.slice(0, 3).map((l) => `row ${l.row}: ${l.reason}`).join("; ");
  return `sheet "${sheetName}" has no usable claim line (${claims.rowsRead} rows read, ${claims.leftOut.length} left out${first !== "" ? `: ${first}` : ""}); nothing was written`;
}

const FIELD_WORDS: Record<string, string> = { claimId: "claim number", dateOfService: "date of service", payer: "payer", charge: "charge" };

/**
 * Why no sheet reads as a claims register, naming the sheet that came closest and the required
 * fields its header lacks ("sheet "Export" row 3 has no column for payer"); a general sentence
 * when no sheet has a header at all.
 */
export function noRegisterReason(sheets: readonly Sheet[]): string {
  let best: { sheet: string; row: number; fields: string[] } | null = null;
  for (const s of sheets) {
    const found = findHeaderRow(s.grid, CLAIM_HEADER_SYNONYMS, [], { sheet: s.name });
    if (found.found && (best === null || found.fields.length > best.fields.length)) best = { sheet: s.name, row: found.row, fields: found.fields };
  }
  if (best === null) return "no sheet has a header row naming claim number, date of service, payer and charge";
  const missing = REQUIRED_CLAIM_FIELDS.filter((f) => !best.fields.includes(f)).map((f) => FIELD_WORDS[f]);
  return `no sheet has a header row naming claim number, date of service, payer and charge: the closest, sheet "${best.sheet}" row ${best.row}, has no column for ${missing.join(", ")}; nothing was written`;
}
