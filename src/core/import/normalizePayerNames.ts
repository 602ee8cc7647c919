/** Company suffixes dropped when comparing payer names ("Aetna, Inc." ~ "Aetna"). */
const SUFFIXES = new Set(["inc", "incorporated", "ins", "insurance", "co", "company", "corp", "corporation", "llc", "ltd"]);

/**
 * The key under which payer spellings group: trimmed, case-folded, "&" → "and", punctuation
 * removed, trailing company suffixes (Inc, Ins, Insurance, Co, Company, Corp, LLC) dropped, and
 * spaces removed ("United Healthcare" ~ "UnitedHealthcare"). Conservative on purpose: every other
 * word stays, so "Aetna PPO" and "Aetna HMO" stay apart, and "Health Plan" is not dropped
 * (a payer's health plan can be a distinct contract). A name made only of suffixes keeps them.
 */
export function payerNameKey(name: string): string {
  const tokens = name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((t) => t !== "");
  let end = tokens.length;
  while (end > 1 && SUFFIXES.has(tokens[end - 1])) end--;
  return tokens.slice(0, end).join("");
}

export interface PayerNameMerge {
  /** The name shown: the most frequent spelling (the first seen on a tie), trimmed. */
  canonical: string;
  /** The other spellings merged into it, trimmed, in the order first seen. */
  variants: string[];
}

/**
 * Groups payer names spelled inconsistently ("Aetna", "AETNA ", "Aetna, Inc.") and maps each
 * spelling, as given, to one display name: the most frequent spelling of its group (the first
 * seen on a tie), trimmed. Names that differ in anything but case, spacing, punctuation and a
 * company suffix are never grouped. Names that are blank after trimming map to themselves.
 */
export function normalizePayerNames(names: readonly string[]): Map<string, string> {
  return groupPayerNames(names).map;
}

/** The groups of more than one visible spelling, as merged by normalizePayerNames. */
export function payerNameMerges(names: readonly string[]): PayerNameMerge[] {
  return groupPayerNames(names).merges;
}

/** Both at once: the spelling → display name map and the merges made. */
export function groupPayerNames(names: readonly string[]): { map: Map<string, string>; merges: PayerNameMerge[] } {
  return groupPayerNameCounts(payerNameCounts(names));
}

/** How many times each name occurs, in the order first seen (texts only). */
export function payerNameCounts(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) {
    if (typeof name !== "string") continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/**
 * groupPayerNames from each name's count, the names in the order first seen (payerNameCounts):
 * a register repeats a handful of payer names on every line, so each spelling is worked out once.
 */
export function groupPayerNameCounts(counts: ReadonlyMap<string, number>): { map: Map<string, string>; merges: PayerNameMerge[] } {
  interface Group { counts: Map<string, number>; order: string[] }
  const groups = new Map<string, Group>();
  const keyOf = new Map<string, string>();
  const map = new Map<string, string>();
  for (const [name, count] of counts) {
    const trimmed = name.trim();
    const key = payerNameKey(trimmed);
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
    group.counts.set(trimmed, (group.counts.get(trimmed) ?? 0) + count);
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
