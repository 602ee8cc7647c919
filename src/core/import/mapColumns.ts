import { columnLetter } from "../cells/issue";
import type { CellValue } from "../cells/cellValue";
import type { HeaderSynonyms } from "./headerSynonyms";
import { headerText, normalizeHeader } from "./normalizeHeader";

/** Where the caller says a field is: header text ("Acct Ref"), column letter ("F") or 1-based number (6). */
export type ColumnOverrides<F extends string> = Partial<Record<F, string | number>>;

export interface MapColumnsOptions<F extends string> {
  /** Fields that must have a column; those without one are listed in `missingRequired`. */
  required?: readonly F[];
  /** Fields that may take several columns ("Mod 1" … "Mod 4" → modifiers); the first goes to `mapping`. */
  multiColumn?: readonly F[];
}

export interface ColumnMapping<F extends string> {
  /** 0-based column index of each field found. */
  mapping: Partial<Record<F, number>>;
  /** Further 0-based columns of a multi-column field, in sheet order after the one in `mapping`. */
  extraColumns: Partial<Record<F, number[]>>;
  /** Column letters of each field, for messages ("F", or "F, G" for several columns). */
  columnsByField: Partial<Record<F, string>>;
  /** Header cells with text that no field took. */
  unmapped: { column: string; header: string }[];
  /** Required fields with no column. */
  missingRequired: F[];
  /** Fields that two or more columns named equally well; the first (leftmost) was taken. */
  ambiguous: { field: F; columns: string[]; chosen: string }[];
  /** Overrides that name no column, or a column another override already took. */
  badOverrides: { field: F; given: string | number; message: string }[];
}

interface Candidate<F> {
  field: F;
  column: number;
  /** 1000 + words for an exact match, the synonym's word count for a contained one. */
  score: number;
}

interface PreparedSynonym {
  text: string;
  words: number;
  exactOnly: boolean;
}

const prepared = new WeakMap<object, Map<string, PreparedSynonym[]>>();

/** The synonym lists normalized once per synonyms object. */
function prepare<F extends string>(synonyms: HeaderSynonyms<F>): Map<F, PreparedSynonym[]> {
  const cached = prepared.get(synonyms);
  if (cached !== undefined) return cached as Map<F, PreparedSynonym[]>;
  const result = new Map<F, PreparedSynonym[]>();
  for (const field of Object.keys(synonyms) as F[]) {
    const list: PreparedSynonym[] = [];
    for (const synonym of synonyms[field] ?? []) {
      if (typeof synonym !== "string") continue;
      const exactOnly = synonym.startsWith("=");
      const text = normalizeHeader(exactOnly ? synonym.slice(1) : synonym);
      if (text !== "") list.push({ text, words: text.split(" ").length, exactOnly });
    }
    result.set(field, list);
  }
  prepared.set(synonyms, result as Map<string, PreparedSynonym[]>);
  return result;
}

/** Best score of each field for one normalized header text: 1000 + words exact, words contained. */
export function headerScores<F extends string>(header: string, synonyms: HeaderSynonyms<F>): Map<F, number> {
  const result = new Map<F, number>();
  if (header === "") return result;
  const padded = ` ${header} `;
  for (const [field, list] of prepare(synonyms)) {
    let best = 0;
    for (const syn of list) {
      if (header === syn.text) best = Math.max(best, 1000 + syn.words);
      else if (!syn.exactOnly && syn.words > best && padded.includes(` ${syn.text} `)) best = syn.words;
    }
    if (best > 0) result.set(field, best);
  }
  return result;
}

/** 1-based column number of letters "A" … "XFD", or null. */
function columnFromLetters(text: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(text)) return null;
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= 16384 ? n : null;
}

/**
 * Matches each header cell to a field: exact synonym matches first, then headers that contain a
 * synonym (longer synonyms first), one column per field and one field per column, leftmost
 * column on a tie. A caller's override (header text, column letter or 1-based number) wins over
 * everything. Never throws.
 */
export function mapColumns<F extends string>(
  headerRow: readonly CellValue[],
  synonyms: HeaderSynonyms<F>,
  overrides: ColumnOverrides<F> = {},
  options: MapColumnsOptions<F> = {},
): ColumnMapping<F> {
  const row = Array.isArray(headerRow) ? headerRow : [];
  const headers = row.map((cell) => normalizeHeader(headerText(cell)));
  const mapping: Partial<Record<F, number>> = {};
  const extraColumns: Partial<Record<F, number[]>> = {};
  const badOverrides: ColumnMapping<F>["badOverrides"] = [];
  const ambiguous: ColumnMapping<F>["ambiguous"] = [];
  const takenColumns = new Set<number>();
  const fields = Object.keys(synonyms) as F[];

  // 1. The caller's overrides.
  for (const field of Object.keys(overrides) as F[]) {
    const given = overrides[field];
    if (given === undefined || !(field in synonyms)) continue;
    const column = resolveOverride(given, headers);
    if (column === null) {
      badOverrides.push({ field, given, message: `no column "${String(given)}" for ${field}: give a header text, a column letter or a column number` });
    } else if (takenColumns.has(column)) {
      badOverrides.push({ field, given, message: `column ${columnLetter(column + 1)} is already given to another field` });
    } else {
      mapping[field] = column;
      takenColumns.add(column);
    }
  }

  // 2. Candidates from the synonyms, best first; leftmost column on a tie.
  const candidates: Candidate<F>[] = [];
  headers.forEach((header, column) => {
    if (header === "") return;
    for (const [field, score] of headerScores(header, synonyms)) candidates.push({ field, column, score });
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const chosenScore = new Map<F, number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || takenColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    takenColumns.add(c.column);
    chosenScore.set(c.field, c.score);
  }

  // 3. Further columns of multi-column fields (Mod 2, Mod 3 …).
  for (const field of options.multiColumn ?? []) {
    if (mapping[field] === undefined) continue;
    const extras = candidates
      .filter((c) => c.field === field && !takenColumns.has(c.column))
      .map((c) => c.column)
      .filter((column, i, all) => all.indexOf(column) === i)
      .sort((a, b) => a - b);
    for (const column of extras) {
      const best = Math.max(...candidates.filter((c) => c.column === column).map((c) => c.score));
      const own = candidates.find((c) => c.column === column && c.field === field)?.score ?? 0;
      if (own < best) continue; // the column names another field better
      takenColumns.add(column);
      (extraColumns[field] ??= []).push(column);
    }
  }

  // 4. Fields that another, unused column named just as well.
  for (const [field, score] of chosenScore) {
    if ((options.multiColumn ?? []).includes(field)) continue;
    const chosen = mapping[field] as number;
    const rivals = candidates.filter((o) => o.field === field && o.score === score && o.column !== chosen && !takenColumns.has(o.column));
    if (rivals.length > 0) {
      ambiguous.push({
        field,
        columns: [chosen, ...rivals.map((r) => r.column)].map((i) => columnLetter(i + 1)),
        chosen: columnLetter(chosen + 1),
      });
    }
  }

  const columnsByField: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const first = mapping[field];
    if (first === undefined) continue;
    const all = [first, ...(extraColumns[field] ?? [])].sort((a, b) => a - b);
    columnsByField[field] = all.map((i) => columnLetter(i + 1)).join(", ");
  }
  const unmapped: ColumnMapping<F>["unmapped"] = [];
  row.forEach((cell, column) => {
    const text = headerText(cell);
    if (text !== "" && !takenColumns.has(column)) unmapped.push({ column: columnLetter(column + 1), header: text });
  });
  const missingRequired = (options.required ?? []).filter((field) => mapping[field] === undefined);
  return { mapping, extraColumns, columnsByField, unmapped, missingRequired, ambiguous, badOverrides };
}

/** 0-based column of an override: header text first, then a column letter or 1-based number. */
function resolveOverride(given: string | number, headers: readonly string[]): number | null {
  if (typeof given === "number") {
    return Number.isInteger(given) && given >= 1 && given <= 16384 ? given - 1 : null;
  }
  if (typeof given !== "string") return null;
  const wanted = normalizeHeader(given);
  if (wanted !== "") {
    const index = headers.indexOf(wanted);
    if (index >= 0) return index;
  }
  const number = columnFromLetters(given.trim());
  if (number !== null) return number - 1;
  if (/^\d+$/.test(given.trim())) {
    const n = Number(given.trim());
    return n >= 1 && n <= 16384 ? n - 1 : null;
  }
  return null;
}
