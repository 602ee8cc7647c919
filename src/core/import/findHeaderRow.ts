import { isBlankCell, type CellValue } from "../cells/cellValue";
import type { InputIssue } from "../cells/issue";
import type { HeaderSynonyms } from "./headerSynonyms";
import { mapColumns, type ColumnOverrides } from "./mapColumns";
import { headerText } from "./normalizeHeader";

export interface FindHeaderOptions<F extends string> {
  /** Sheet or file name, for the message. */
  sheet?: string;
  /** Overrides the caller will use (they count as matches on the row that has those headers). */
  overrides?: ColumnOverrides<F>;
  /** How many rows to look through (30). */
  maxRows?: number;
  /** A row with every required field must also match this many fields (2). */
  minFields?: number;
  /** Words naming the required fields in the message ("claim number, date of service, payer and charge"). */
  requiredWords?: string;
}

export type HeaderRowFound<F extends string> =
  | { found: true; /** 1-based */ row: number; fields: F[] }
  | { found: false; issue: InputIssue };

/**
 * The header row of an export: among the first 30 rows, the one whose cells name the most fields,
 * preferring a row that names every required field; the first such row on a tie. A row qualifies
 * when it names every required field (and at least `minFields`), or at least 3 fields. Title
 * lines, "Run date:" lines and blank rows have fewer than two text cells and never qualify.
 * Never throws.
 */
export function findHeaderRow<F extends string>(
  grid: readonly (readonly CellValue[])[],
  synonyms: HeaderSynonyms<F>,
  required: readonly F[],
  options: FindHeaderOptions<F> = {},
): HeaderRowFound<F> {
  const rows = Array.isArray(grid) ? grid : [];
  const limit = Math.min(rows.length, options.maxRows ?? 30);
  const minFields = options.minFields ?? 2;
  let best: { row: number; fields: F[]; complete: boolean } | null = null;
  for (let i = 0; i < limit; i++) {
    const cells = Array.isArray(rows[i]) ? (rows[i] as readonly CellValue[]) : [];
    const textCells = cells.filter((c) => headerText(c) !== "").length;
    if (textCells < 2) continue; // blank row, title or "Run date:" line
    const result = mapColumns(cells, synonyms, options.overrides ?? {}, { required });
    const fields = (Object.keys(result.mapping) as F[]).filter((field) => {
      const column = result.mapping[field] as number;
      return headerText(cells[column]) !== "" || !isBlankCell(cells[column]);
    });
    const complete = required.every((f) => fields.includes(f));
    const qualifies = (complete && fields.length >= minFields) || fields.length >= 3;
    if (!qualifies) continue;
    if (
      best === null ||
      (complete && !best.complete) ||
      (complete === best.complete && fields.length > best.fields.length)
    ) {
      best = { row: i + 1, fields, complete };
    }
  }
  if (best !== null) return { found: true, row: best.row, fields: best.fields };
  const words = options.requiredWords ?? required.join(", ");
  const issue: InputIssue = {
    row: 1,
    severity: "error",
    message: `no header row with ${words} found in the first ${options.maxRows ?? 30} rows${options.sheet !== undefined ? ` of sheet ${options.sheet}` : ""}; name the columns with the overrides option or add a header row`,
  };
  if (options.sheet !== undefined) issue.sheet = options.sheet;
  return { found: false, issue };
}
