/**
 * readClaimsRegister as it was before the speed work of issue 13 (copied from
 * src/core/import/readClaimsRegister.ts at a0f569b, with groupPayerNames and creditSigns as they
 * were): RawClaimRow objects from readClaimsExport, then readClaimLines. Kept only as the reference
 * the faster register reader is held to by a property test. What follows the line checks did not
 * change and is the source's (registerOfLines), with the old credit-sign reading passed in.
 */
import { payerNameKey, type PayerNameMerge } from "../../../src/core/import/normalizePayerNames";
import { isBlankCell, type CellValue } from "../../../src/core/cells/cellValue";
import type { InputIssue } from "../../../src/core/cells/issue";
import type { ClaimLine } from "../../../src/core/claims/claimLine";
import { readClaimLines, type RawClaimRow } from "../../../src/core/claims/readClaimLines";
import { readClaimsExport } from "../../../src/core/import/readClaimsExport";
import { layoutOf } from "../../../src/core/import/sourceColumns";
import { ledgerRead } from "../../../src/core/import/ledgerAsExport";
import { blankPayerIsSelfPay } from "../../../src/core/import/selfPayConvention";
import {
  registerOfLines, type ClaimsRegisterRead, type LinesRead, type ReadClaimsRegisterOptions,
} from "../../../src/core/import/readClaimsRegister";

/** readClaimsRegister before issue 13: the export's rows as RawClaimRow objects, payer names grouped over them, readClaimLines. */
export function referenceReadClaimsRegister(
  grid: readonly (readonly CellValue[])[],
  options: ReadClaimsRegisterOptions = {},
): ClaimsRegisterRead {
  const sheet = options.sheet;
  const asLedger = ledgerRead(grid, sheet, options.asOf, options.overrides);
  const ledger = asLedger !== null && "read" in asLedger ? asLedger : null;
  const read = ledger?.read ?? readClaimsExport(grid, options);
  const layout = ledger !== null ? "transaction ledger" : layoutOf(read.headerCells, read.mapping);
  const notes: string[] = ledger?.notes ?? (asLedger !== null && "asRegister" in asLedger ? [asLedger.asRegister] : []);
  let rows: RawClaimRow[] = read.rows;
  let selfPayAssumption: string | null = null;
  if (layout === "OpenEMR Collections Report" && read.columns.mapping.payer !== undefined) {
    const selfPay = blankPayerIsSelfPay(rows);
    rows = selfPay.rows;
    selfPayAssumption = selfPay.assumption;
  }

  let merges: PayerNameMerge[] = [];
  let toRead = rows;
  if (options.normalizePayers ?? true) {
    const names = rows.map((r) => r.cells.payer).filter((v): v is string => typeof v === "string" && !isBlankCell(v));
    const grouped = referenceGroupPayerNames(names);
    merges = grouped.merges;
    toRead = rows.map((r) => {
      const payer = r.cells.payer;
      if (typeof payer !== "string") return r;
      const canonical = grouped.map.get(payer);
      return canonical === undefined || canonical === payer ? r : { row: r.row, cells: { ...r.cells, payer: canonical } };
    });
  }

  let checked: LinesRead["checked"];
  try {
    checked = readClaimLines(toRead, { sheet, columns: read.mapping });
  } catch (e) {
    // Not expected (readClaimLines never throws); kept so that one bad cell cannot stop a report.
    const message = e instanceof Error ? e.message : String(e);
    const failure = toRead.map((r): InputIssue => ({ row: r.row, severity: "error", message: `row could not be read: ${message}`, ...(sheet !== undefined ? { sheet } : {}) }));
    checked = { lines: [], issues: [], rowsRead: toRead.length, leftOutRows: toRead.map((r) => r.row), blankRows: 0, failure };
  }
  return registerOfLines(grid, options, { read, fromLedger: ledger !== null, layout, notes, lined: { checked, merges, selfPayAssumption } }, referenceCreditSigns);
}

/** Both at once: the spelling → display name map and the merges made. */
export function referenceGroupPayerNames(names: readonly string[]): { map: Map<string, string>; merges: PayerNameMerge[] } {
  interface Group { counts: Map<string, number>; order: string[] }
  const groups = new Map<string, Group>();
  const keyOf = new Map<string, string>();
  const map = new Map<string, string>();
  // A register repeats a handful of payer names on every line: each spelling's key is worked out once.
  const keyOfTrimmed = new Map<string, string>();
  for (const name of names) {
    if (typeof name !== "string") continue;
    const trimmed = name.trim();
    let key = keyOfTrimmed.get(trimmed);
    if (key === undefined) {
      key = payerNameKey(trimmed);
      keyOfTrimmed.set(trimmed, key);
    }
    if (key === "") {
      map.set(name, name);
      continue;
    }
    keyOf.set(name, key);
    let group = groups.get(key);
    if (group === undefined) {
      group = { counts: new Map(), order: [] };
      groups.set(key, group);
    }
    if (!group.counts.has(trimmed)) group.order.push(trimmed);
    group.counts.set(trimmed, (group.counts.get(trimmed) ?? 0) + 1);
  }
  const canonicalOf = new Map<string, string>();
  const merges: PayerNameMerge[] = [];
  for (const [key, group] of groups) {
    let canonical = group.order[0];
    for (const spelling of group.order) {
      if ((group.counts.get(spelling) ?? 0) > (group.counts.get(canonical) ?? 0)) canonical = spelling;
    }
    canonicalOf.set(key, canonical);
    const variants = group.order.filter((s) => s !== canonical);
    if (variants.length > 0) merges.push({ canonical, variants });
  }
  for (const [name, key] of keyOf) map.set(name, canonicalOf.get(key) as string);
  return { map, merges };
}

/** Fewer negatives than this are read as they stand (a reversal or two), never as a convention. */
const MIN_LINES = 3;

const FIELDS = ["insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment"] as const;
type CreditField = (typeof FIELDS)[number];

const WORDS: Record<CreditField, string> = {
  insurancePaid: "insurance payments", patientPaid: "patient payments",
  contractualAdjustment: "contractual adjustments", otherAdjustment: "other adjustments",
};

/**
 * Payments and adjustments reduce a line's balance (definitions.md: balance = charge − payments −
 * adjustments), so the register holds them as positive amounts. Some exports write them as
 * credits, negative. When three or more, and nine in ten or more, of a field's non-zero amounts are negative, the
 * export's convention is credits: the field's signs are turned on every line and a note says so
 * (a few negatives among positives stay: they are reversals). The columns' letters are for the note.
 */
export function referenceCreditSigns(lines: readonly ClaimLine[], columns: Partial<Record<string, string>>): { lines: ClaimLine[]; notes: string[] } {
  const turn: CreditField[] = [];
  for (const f of FIELDS) {
    let negative = 0;
    let positive = 0;
    for (const l of lines) {
      if (l[f] < 0) negative++;
      else if (l[f] > 0) positive++;
    }
    if (negative >= MIN_LINES && positive * 9 < negative) turn.push(f);
  }
  if (turn.length === 0) return { lines: [...lines], notes: [] };
  const out = lines.map((l) => {
    const copy = { ...l };
    for (const f of turn) copy[f] = -l[f] === 0 ? 0 : -l[f];
    return copy;
  });
  const notes = turn.map((f) => `${WORDS[f]}${columns[f] !== undefined ? ` (column ${columns[f]})` : ""} are written as negative credits in this export: read as reductions of the balance`);
  return { lines: out, notes };
}
