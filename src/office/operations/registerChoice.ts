/* Which claims register the Physician report and the Fee check use when the user did not pick one.
 * A workbook often holds the practice-management export and the Claims Register that Convert wrote
 * from it: both are recognised as claims, with the same header fields, so recognition alone ties
 * and would go to the first sheet, the raw export. The register Practice Ledger wrote wins. */
import type { SheetKind } from "./options";

/** A sheet Convert or Set up wrote: "Claims Register", "Claims Register (2)", … */
const WRITTEN_REGISTER = /^claims register(?: \((\d+)\))?$/i;

/**
 * The register to use among sheets recognised as claims: the one Convert wrote in this session
 * (`converted`) when it is still there, else the newest sheet named as Practice Ledger names its
 * registers (the highest "(n)"), else the first sheet recognised as claims; null when none is.
 */
export function preferredRegister(sheets: readonly { name: string; kind: SheetKind }[], converted?: string | null): string | null {
  const claims = sheets.filter((s) => s.kind === "claims");
  if (converted !== undefined && converted !== null) {
    const found = claims.find((s) => s.name.toLowerCase() === converted.toLowerCase());
    if (found !== undefined) return found.name;
  }
  let best: { name: string; n: number } | null = null;
  for (const s of claims) {
    const m = WRITTEN_REGISTER.exec(s.name.trim());
    if (m === null) continue;
    const n = m[1] === undefined ? 1 : Number(m[1]);
    if (best === null || n > best.n) best = { name: s.name, n };
  }
  return best?.name ?? claims[0]?.name ?? null;
}

/** The claims sheets a picker offers, the preferred one first. */
export function registerChoices(sheets: readonly { name: string; kind: SheetKind }[], converted?: string | null): string[] {
  const first = preferredRegister(sheets, converted);
  const rest = sheets.filter((s) => s.kind === "claims" && s.name !== first).map((s) => s.name);
  return first === null ? rest : [first, ...rest];
}
