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
  /**
   * The header each field carries on the project's own sheets ("Charge" for charge): a header
   * equal to it beats every synonym, so "Charge" wins over "Total charges" and "Payer" over "Plan".
   */
  canonical?: Partial<Record<F, string>>;
}

/** How a field's column was matched, for the explanation shown to the manager. */
export interface FieldMatch {
  /** Column letter. */
  column: string;
  /** The header as written in the export. */
  header: string;
  /** "override": named by the caller; "canonical": the project's own header; "exact": a synonym equal to the header; "contains": a synonym found inside a longer header. */
  how: "override" | "canonical" | "exact" | "contains";
  /** The synonym that matched (normalized), absent for an override. */
  synonym?: string;
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
  /** How each field found was matched. */
  matches: Partial<Record<F, FieldMatch>>;
}

interface Candidate<F> {
  field: F;
  column: number;
  /** 2000 for the canonical header, 1000 + words for an exact match, the synonym's word count for a contained one. */
  score: number;
  synonym: string;
}

interface PreparedSynonym {
  text: string;
  /** " text ", to look for as whole words inside a longer header. */
  padded: string;
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
      if (text !== "") list.push({ text, padded: ` ${text} `, words: text.split(" ").length, exactOnly });
    }
    result.set(field, list);
  }
  prepared.set(synonyms, result as Map<string, PreparedSynonym[]>);
  return result;
}

/** Best score of each field for one normalized header text: 1000 + words exact, words contained. */
export function headerScores<F extends string>(header: string, synonyms: HeaderSynonyms<F>): Map<F, number> {
  const result = new Map<F, number>();
  for (const [field, m] of headerMatches(header, synonyms)) result.set(field, m.score);
  return result;
}

/** Best match of each field for one normalized header text, with the synonym that matched. */
export function headerMatches<F extends string>(header: string, synonyms: HeaderSynonyms<F>): Map<F, { score: number; synonym: string }> {
  return new Map(matchesOf(header, synonyms).map(([field, m]) => [field, { ...m }]));
}

type HeaderMatchList<F> = readonly (readonly [F, { readonly score: number; readonly synonym: string }])[];

const matchMemos = new WeakMap<object, Map<string, HeaderMatchList<string>>>();

/**
 * headerMatches as a list, kept per synonyms object and header text (up to 5,000 texts): the
 * search for the header row matches every text of the first 30 rows, and data rows repeat their
 * payers, statuses and codes.
 */
function matchesOf<F extends string>(header: string, synonyms: HeaderSynonyms<F>): HeaderMatchList<F> {
  let memo = matchMemos.get(synonyms);
  if (memo === undefined) {
    memo = new Map();
    matchMemos.set(synonyms, memo);
  }
  let list = memo.get(header) as HeaderMatchList<F> | undefined;
  if (list === undefined) {
    list = [...findMatches(header, synonyms)];
    if (memo.size < 5000) memo.set(header, list);
  }
  return list;
}

function findMatches<F extends string>(header: string, synonyms: HeaderSynonyms<F>): Map<F, { score: number; synonym: string }> {
  const result = new Map<F, { score: number; synonym: string }>();
  if (header === "") return result;
  const padded = ` ${header} `;
  for (const [field, list] of prepare(synonyms)) {
    let best = 0;
    let synonym = "";
    for (const syn of list) {
      if (header === syn.text) {
        if (1000 + syn.words > best) {
          best = 1000 + syn.words;
          synonym = syn.text;
        }
      } else if (!syn.exactOnly && syn.words > best && padded.includes(syn.padded)) {
        best = syn.words;
        synonym = syn.text;
      }
    }
    if (best > 0) result.set(field, { score: best, synonym });
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
 * everything; an override of "" leaves the field without a column. Never throws.
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

  // 1. The caller's overrides; "" says the field has no column (the task pane's "(not used)").
  const noColumn = new Set<F>();
  for (const field of Object.keys(overrides) as F[]) {
    const given = overrides[field];
    if (given === undefined || !(field in synonyms)) continue;
    if (typeof given === "string" && given.trim() === "") {
      noColumn.add(field);
      continue;
    }
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
  const canonical = new Map<F, string>();
  for (const field of Object.keys(options.canonical ?? {}) as F[]) {
    const text = options.canonical?.[field];
    if (typeof text === "string") canonical.set(field, normalizeHeader(text));
  }
  headers.forEach((header, column) => {
    if (header === "") return;
    for (const [field, m] of matchesOf(header, synonyms)) {
      const score = canonical.get(field) === header ? 2000 : m.score;
      candidates.push({ field, column, score, synonym: m.synonym });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const chosenScore = new Map<F, number>();
  const matches: Partial<Record<F, FieldMatch>> = {};
  for (const field of Object.keys(mapping) as F[]) {
    const column = mapping[field] as number;
    matches[field] = { column: columnLetter(column + 1), header: headerText(row[column]), how: "override" };
  }
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || takenColumns.has(c.column) || noColumn.has(c.field)) continue;
    mapping[c.field] = c.column;
    takenColumns.add(c.column);
    chosenScore.set(c.field, c.score);
    matches[c.field] = {
      column: columnLetter(c.column + 1), header: headerText(row[c.column]),
      how: c.score >= 2000 ? "canonical" : c.score >= 1000 ? "exact" : "contains", synonym: c.synonym,
    };
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

  // 4. Fields that another, unused column named just as well, or also named exactly
  //    ("Charge" and "Total charges"; "Payer" and "Plan"): reported, the better one used.
  for (const [field, score] of chosenScore) {
    if ((options.multiColumn ?? []).includes(field)) continue;
    const chosen = mapping[field] as number;
    const rivals = candidates.filter(
      (o) => o.field === field && (o.score === score || o.score >= 1000) && o.column !== chosen && !takenColumns.has(o.column),
    );
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
  return { mapping, extraColumns, columnsByField, unmapped, missingRequired, ambiguous, badOverrides, matches };
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
