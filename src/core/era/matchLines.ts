import type { ClaimLine } from "../claims/claimLine";
import type { ClaimPayment, Procedure, ServiceLine } from "./types";

/** A service line of the 835 and the register line it pays (svc null: a claim paid without service lines). */
export interface LineMatch {
  svc: ServiceLine | null;
  line: ClaimLine;
  /** How the line was recognised, when not exactly: "modifiers reordered", "modifiers dropped", "code changed by the payer (SVC06)". */
  how: string | null;
}

export type ClaimMatch =
  | { kind: "matched"; matches: LineMatch[] }
  | { kind: "unmatched"; problems: { position: number; message: string }[] };

/** The register's key for a claim number: trimmed, upper case. */
export function claimKey(claimId: string): string {
  return claimId.trim().toUpperCase();
}

/**
 * An all-digit claim number without its leading zeros, under a key of its own ("#1000053"): Excel
 * turns a typed or imported "0001000053" into the number 1000053, while the payer returns CLP01
 * exactly as the practice sent it.
 */
function numericKey(claimId: string): string | null {
  const t = claimId.trim();
  return /^\d+$/.test(t) ? `#${t.replace(/^0+(?=\d)/, "")}` : null;
}

/** Register lines by claim key (and by numeric key for all-digit claim numbers). */
export function indexRegister(lines: readonly ClaimLine[]): Map<string, ClaimLine[]> {
  const map = new Map<string, ClaimLine[]>();
  const add = (k: string, l: ClaimLine) => {
    const list = map.get(k);
    if (list === undefined) map.set(k, [l]);
    else list.push(l);
  };
  for (const l of lines) {
    add(claimKey(l.claimId), l);
    const n = numericKey(l.claimId);
    if (n !== null) add(n, l);
  }
  return map;
}

/** The register lines of a claim: by its number as sent, else, for an all-digit number, without leading zeros. */
export function claimLines(claimId: string, register: ReadonlyMap<string, ClaimLine[]>): ClaimLine[] {
  const exact = register.get(claimKey(claimId));
  if (exact !== undefined) return exact;
  const n = numericKey(claimId);
  return n === null ? [] : (register.get(n) ?? []);
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join(" ") === [...b].sort().join(" ");
const sameOrder = (a: readonly string[], b: readonly string[]): boolean => a.join(" ") === b.join(" ");
const upper = (s: string | null): string => (s ?? "").trim().toUpperCase();

/**
 * Matching tiers for one SVC, most exact first; the first tier with any candidate decides, and
 * more than one candidate there is ambiguous. Date of service and charge must always agree; the
 * procedure must agree with SVC01 (modifiers in any order, then with modifiers dropped or added by
 * the payer), or with SVC06, the code as submitted, when the payer changed it.
 */
function tiers(svc: ServiceLine): { how: string | null; test: (l: ClaimLine) => boolean }[] {
  const p = svc.procedure as Procedure;
  const code = (l: ClaimLine) => upper(l.cpt) === p.code;
  const out: { how: string | null; test: (l: ClaimLine) => boolean }[] = [
    { how: null, test: (l) => code(l) && sameOrder(l.modifiers, p.modifiers) },
    { how: "modifiers reordered", test: (l) => code(l) && sameSet(l.modifiers, p.modifiers) },
    { how: "modifiers dropped by the payer", test: (l) => code(l) && p.modifiers.every((m) => l.modifiers.includes(m)) },
    { how: "modifiers differ", test: code },
  ];
  const o = svc.original;
  if (o !== null) out.push({ how: `code changed by the payer from ${o.code} (SVC06)`, test: (l) => upper(l.cpt) === o.code });
  return out;
}

function matchOne(svc: ServiceLine, candidates: readonly ClaimLine[], claimDate: number | null, sign: 1 | -1): { line: ClaimLine; how: string | null } | string {
  if (svc.procedure === null) return `the procedure "${svc.procedureText}" could not be read`;
  const date = svc.dateOfService ?? claimDate;
  // A reversal (CLP02 22) carries the original charge negated.
  const fits = candidates.filter((l) => l.charge === sign * svc.charge && (date === null || l.dateOfService === date));
  for (const t of tiers(svc)) {
    const found = fits.filter(t.test);
    if (found.length === 1) return { line: found[0], how: t.how };
    if (found.length > 1) return `${found.length} register lines (rows ${found.map((l) => l.row).join(", ")}) fit ${svc.procedureText}; none was chosen`;
  }
  return `no register line of the claim has procedure ${svc.procedure.code}${svc.original !== null ? ` (or ${svc.original.code})` : ""}, that date of service and charge`;
}

/**
 * Matches a claim of the 835 to register lines: CLP01 to the claim number, then each SVC to a
 * line not yet taken. A claim is matched whole or not at all: an ambiguous or missing line is
 * listed and nothing of the claim is posted, so no payment lands on the wrong line.
 */
export function matchClaim(claim: ClaimPayment, register: ReadonlyMap<string, ClaimLine[]>): ClaimMatch {
  const lines = claimLines(claim.claimId, register);
  if (lines.length === 0) return { kind: "unmatched", problems: [{ position: claim.position, message: `claim ${claim.claimId} is not in the register` }] };
  if (claim.lines.length === 0) {
    if (lines.length === 1) return { kind: "matched", matches: [{ svc: null, line: lines[0], how: null }] };
    return { kind: "unmatched", problems: [{ position: claim.position, message: `claim ${claim.claimId} is paid without service lines and has ${lines.length} lines in the register; it cannot be split` }] };
  }
  const free = [...lines];
  const matches: LineMatch[] = [];
  const problems: { position: number; message: string }[] = [];
  for (const svc of claim.lines) {
    const m = matchOne(svc, free, claim.statementFrom, claim.status === "22" ? -1 : 1);
    if (typeof m === "string") {
      problems.push({ position: svc.position, message: `claim ${claim.claimId}: ${m}` });
      continue;
    }
    free.splice(free.indexOf(m.line), 1);
    matches.push({ svc, line: m.line, how: m.how });
  }
  return problems.length > 0 ? { kind: "unmatched", problems } : { kind: "matched", matches };
}
