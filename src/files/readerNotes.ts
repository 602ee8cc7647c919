import type { SheetGrid } from "./xlsxReader";

/**
 * The file readers' notes (encoding and separators assumed, decimal commas converted, rows with a
 * CSV issue, text cut at Excel's limit, a 1904 date system), as lines for the command line: at
 * most `max`, then how many more.
 */
export function readerNotes(sheets: readonly SheetGrid[], max = 10): string[] {
  const all: string[] = [];
  for (const s of sheets) {
    const note1904 = "note: the workbook counts dates from 1904 (the old Mac system); its dates were read in that system";
    if (s.date1904 === true && !all.includes(note1904)) all.push(note1904);
    for (const n of s.notes ?? []) all.push(`note: ${n}`);
  }
  return all.length <= max ? all : [...all.slice(0, max), `note: ... and ${all.length - max} more`];
}
