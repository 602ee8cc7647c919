/**
 * Where a value came from: the sheet (when known), the 1-based row and the column as the user
 * sees them ("F", or a header name), so every message can point at the cell.
 */
export interface CellPlace {
  sheet?: string;
  /** 1-based row number in the sheet, file or range. */
  row: number;
  /** Column letter, header name or 1-based position within a range. */
  column?: string;
}

/**
 * A problem found in the input. "error": the row (or value) was left out and is listed;
 * "warning": the row was used, but something about it deserves a look.
 */
export interface InputIssue extends CellPlace {
  severity: "error" | "warning";
  /** Canonical field concerned, when there is one ("dateOfService"). */
  field?: string;
  /** What was found, as text ("12/32/2026"); absent for a blank. */
  found?: string;
  /** Plain words: what is wrong and what would fix it. */
  message: string;
}

/** "Claims!F12", "row 12, column F", "row 12". */
export function describePlace(place: CellPlace): string {
  const column = place.column ?? "";
  const sheetName = place.sheet === "" ? undefined : place.sheet;
  if (sheetName !== undefined && /^[A-Z]{1,3}$/.test(column)) {
    return `${sheetReference(sheetName)}!${column}${place.row}`;
  }
  const parts: string[] = [];
  if (sheetName !== undefined) parts.push(`sheet "${sheetName}"`);
  parts.push(`row ${place.row}`);
  if (column !== "") parts.push(`column ${column}`);
  return parts.join(", ");
}

/**
 * A sheet name as Excel writes it in a reference: bare when it is letters, digits and "_" and
 * starts with a letter or "_" and does not read as a cell address ("Claims"); otherwise quoted,
 * with a quote inside doubled ("'Claims Register'", "'2026'", "'AB12'", "'O''Brien'").
 */
function sheetReference(sheet: string): string {
  const bare = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^(?:[Rr]\d*[Cc]\d*|[Rr]\d*|[Cc]\d*)$/.test(sheet);
  return bare ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** One line a person can read: "Claims!F12: date of service is blank (found: …)". */
export function describeIssue(issue: InputIssue): string {
  const found = issue.found === undefined ? "" : ` (found "${issue.found}")`;
  return `${describePlace(issue)}: ${issue.message}${found}`;
}

/** Column letters for a 1-based column number: 1 → "A", 28 → "AB". */
export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
