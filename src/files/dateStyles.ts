/**
 * Which cell styles of a workbook show a number as a date or time: needed to read a 1904-system
 * workbook's dates right (its date cells are moved to the 1900 system the core counts in).
 */
import { findTags, rootPrefix } from "./xlsxReader";

/** Built-in number formats that are dates or times (ECMA-376 Part 1, 18.8.30 numFmt: ids 14–22, 45–47; 27–36 and 50–58 are East Asian dates). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a format code shows a date or time: d, m, y, h or s outside quotes, escapes and [colour] sections. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "h") // elapsed time [h]:mm is a time
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare.split(";")[0]);
}

/** Indexes of the cell formats (cellXfs, the cells' `s`) whose number format is a date or time. */
export function dateStyleIndexes(stylesXml: string): Set<number> {
  const prefix = rootPrefix(stylesXml);
  const custom = new Map<number, string>();
  for (const f of findTags(stylesXml, `${prefix}numFmt`)) custom.set(Number(f.attrs.get("numFmtId")), f.attrs.get("formatCode") ?? "");
  const out = new Set<number>();
  const open = stylesXml.indexOf(`<${prefix}cellXfs`);
  if (open < 0) return out;
  const close = stylesXml.indexOf(`</${prefix}cellXfs>`, open);
  findTags(stylesXml, `${prefix}xf`, open, close < 0 ? stylesXml.length : close).forEach((xf, index) => {
    const id = Number(xf.attrs.get("numFmtId") ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATE_FORMATS.has(id)) out.add(index);
  });
  return out;
}
