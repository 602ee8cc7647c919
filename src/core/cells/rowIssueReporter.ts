import { isBlankCell, showCell, type CellValue } from "./cellValue";
import type { InputIssue } from "./issue";

export interface IssuePlaceOptions<F extends string> {
  /** Sheet or file name, for messages. */
  sheet?: string;
  /** Column (letter or header) of each field, for messages. */
  columns?: Partial<Record<F, string>>;
}

/**
 * The `report(field, severity, message, found?)` of one source row: each call appends an
 * InputIssue naming the row, the sheet, the field's column and what was found, to `sink`.
 */
export function rowIssueReporter<F extends string>(
  row: number,
  options: IssuePlaceOptions<F>,
  sink: InputIssue[],
): (field: F, severity: "error" | "warning", message: string, found?: CellValue) => void {
  return (field, severity, message, found) => {
    const issue: InputIssue = { row, field, severity, message };
    if (options.sheet !== undefined) issue.sheet = options.sheet;
    const column = options.columns?.[field];
    if (column !== undefined) issue.column = column;
    if (found !== undefined && !isBlankCell(found)) issue.found = showCell(found);
    sink.push(issue);
  };
}
