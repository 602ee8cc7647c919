/**
 * What the user does to a sheet between two operations, and what Excel then shows, for the
 * simulated host: sorting rows (Data › Sort) and evaluating custom-formula conditional formats.
 *
 * Excel's behaviour modelled: a custom rule's formula is written for the top-left cell of the range
 * it applies to and references without $ shift with each cell of that range; the cell is formatted
 * when the formula is TRUE or a non-zero number (Microsoft, "Apply conditional formatting to Excel
 * ranges", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting,
 * custom conditional format; ExcelScript.ConditionalFormatRule's example builds its formula from
 * the range's first cell, https://learn.microsoft.com/javascript/api/office-scripts/excelscript/excelscript.conditionalformatrule;
 * C. Pearson, "Using formulas in conditional formatting", http://www.cpearson.com/excel/cformatting.htm,
 * for relative references; that page's "no other worksheet" limit was lifted in Excel 2010, older
 * than any Excel that runs the add-in). Sorting moves cell
 * contents; a rule stays on the range it "Applies to", so a rule keyed on row numbers then marks
 * other lines, and one keyed on the line's own values follows them.
 *
 * Formulas understood: `=COUNTIFS(range1,crit1,…)>0` (ranges on any sheet; criteria cell
 * references, "text" and SUBSTITUTE of those; text and numbers matching when they read the same,
 * and `*`, `?`, `~` in a text criterion as COUNTIFS's wildcards and escape) and the older `=ISNUMBER(MATCH(ROW(),{r1,r2,…},0))`. Anything else throws.
 */
import { parseAddress, type SheetState, type SimulatedExcel } from "./simulatedExcel";

/** Sorts the rows of `address` on the sheet by one of its columns (0-based within the area), as Data › Sort does. */
export function sortRows(host: SimulatedExcel, sheetName: string, address: string, keyColumn: number, ascending = true): void {
  const s = need(host, sheetName);
  const a = parseAddress(address);
  const rows = Array.from({ length: a.rows }, (_, i) => a.r0 + i);
  const pick = <T,>(grid: (T | undefined)[][], r: number): (T | undefined)[] => Array.from({ length: a.cols }, (_, c) => grid[r]?.[a.c0 + c]);
  const taken = rows.map((r) => ({ key: s.cellValue(r, a.c0 + keyColumn), values: pick(s.values, r), formats: pick(s.formats, r), styles: pick(s.styles, r) }));
  const order = (x: string | number | boolean, y: string | number | boolean): number => {
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1; // numbers before text, as Excel sorts
    if (typeof y === "number") return 1;
    return String(x).localeCompare(String(y), "en", { sensitivity: "base" });
  };
  taken.sort((p, q) => (ascending ? 1 : -1) * order(p.key, q.key)); // stable, as Excel's sort
  taken.forEach((t, i) => {
    const r = a.r0 + i;
    for (const [grid, cells] of [[s.values, t.values], [s.formats, t.formats], [s.styles, t.styles]] as const) {
      grid[r] ??= [];
      cells.forEach((v, c) => ((grid[r] as unknown[])[a.c0 + c] = v));
    }
  });
}

/** The 1-based rows of the sheet that a custom-formula conditional format highlights. */
export function highlightedRows(host: SimulatedExcel, sheetName: string): number[] {
  const s = need(host, sheetName);
  const rows = new Set<number>();
  for (const cf of s.conditionalFormats) {
    if (cf.type !== "Custom" || cf.custom?.formula === undefined) continue;
    const area = parseAddress(cf.range);
    for (let i = 0; i < area.rows; i++) {
      // A whole row of the area is highlighted or not: the rules here use $-fixed columns.
      if (evaluate(host, s, cf.custom.formula, i, area.r0)) rows.add(area.r0 + i + 1);
    }
  }
  return [...rows].sort((a, b) => a - b);
}

function evaluate(host: SimulatedExcel, sheet: SheetState, formula: string, offset: number, r0: number): boolean {
  const match = /^=ISNUMBER\(MATCH\(ROW\(\),\{([\d,]+)\},0\)\)$/.exec(formula);
  if (match !== null) return match[1].split(",").map(Number).includes(r0 + offset + 1);
  const countifs = /^=COUNTIFS\((.*)\)>0$/.exec(formula);
  if (countifs === null) throw new Error(`the simulated host does not evaluate ${formula}`);
  const args = splitArgs(countifs[1]);
  if (args.length % 2 !== 0) throw new Error(`COUNTIFS needs range/criterion pairs: ${formula}`);
  const pairs: { sheet: SheetState; col: number; r0: number; rows: number; want: string | number | boolean }[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const { sheet: rangeSheet, address } = splitRef(args[i], sheet, host);
    const area = parseAddress(address);
    pairs.push({ sheet: rangeSheet, col: area.c0, r0: area.r0, rows: area.rows, want: criterion(sheet, args[i + 1], offset) });
  }
  const n = pairs[0].rows;
  for (let k = 0; k < n; k++) {
    if (pairs.every((p) => same(p.sheet.cellValue(p.r0 + k, p.col), p.want))) return true;
  }
  return false;
}

/**
 * A COUNTIFS criterion's value for the cell `offset` rows below the applied range's top: a cell
 * reference (a relative row shifts with the cell), a "text" literal, or SUBSTITUTE(text, old, new)
 * of those (every occurrence replaced, as Excel's SUBSTITUTE without its 4th argument).
 */
function criterion(sheet: SheetState, expr: string, offset: number): string | number | boolean {
  const e = expr.trim();
  const ref = /^\$?([A-Z]{1,3})(\$?)(\d+)$/.exec(e);
  if (ref !== null) {
    const at = parseAddress(`${ref[1]}${ref[3]}`);
    return sheet.cellValue(ref[2] === "$" ? at.r0 : at.r0 + offset, at.c0);
  }
  const literal = /^"((?:[^"]|"")*)"$/.exec(e);
  if (literal !== null) return literal[1].replace(/""/g, '"');
  const sub = /^SUBSTITUTE\((.*)\)$/i.exec(e);
  if (sub !== null) {
    const [text, from, to] = splitArgs(sub[1]).map((a) => String(criterion(sheet, a, offset)));
    return text.split(from).join(to);
  }
  throw new Error(`the simulated host does not evaluate the criterion ${expr}`);
}

/**
 * COUNTIFS matching: numbers and numeric text that read the same match; other text case-
 * insensitively, where `*` is any run of characters, `?` any one, and `~` makes the next one
 * literal (Microsoft, "WorksheetFunction.CountIfs method (Excel)",
 * https://learn.microsoft.com/en-us/office/vba/api/excel.worksheetfunction.countifs).
 */
function same(cell: string | number | boolean, want: string | number | boolean): boolean {
  if (want === "") return cell === "";
  const num = (v: string | number | boolean): number | null => (typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : null);
  const a = num(cell), b = num(want);
  if (a !== null && b !== null) return a === b;
  if (typeof want !== "string") return String(cell).toLowerCase() === String(want).toLowerCase();
  let pattern = "";
  for (let i = 0; i < want.length; i++) {
    const ch = want[i];
    if (ch === "~" && i + 1 < want.length) pattern += escapeRegExp(want[++i]);
    else if (ch === "*") pattern += "[\\s\\S]*";
    else if (ch === "?") pattern += "[\\s\\S]";
    else pattern += escapeRegExp(ch);
  }
  return new RegExp(`^${pattern}$`, "i").test(String(cell));
}

const escapeRegExp = (ch: string): string => ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Arguments at the top level: commas inside 'sheet names', "text" or parentheses do not split. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let inText = false;
  let depth = 0;
  for (const ch of text) {
    if (ch === "'" && !inText) quoted = !quoted;
    else if (ch === '"' && !quoted) inText = !inText;
    else if (!quoted && !inText && ch === "(") depth++;
    else if (!quoted && !inText && ch === ")") depth--;
    if (ch === "," && !quoted && !inText && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((a) => a.trim());
}

function splitRef(ref: string, current: SheetState, host: SimulatedExcel): { sheet: SheetState; address: string } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return { sheet: current, address: ref };
  let name = ref.slice(0, bang);
  if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheet: need(host, name), address: ref.slice(bang + 1) };
}

function need(host: SimulatedExcel, name: string): SheetState {
  const s = host.sheetByName(name);
  if (s === undefined) throw new Error(`no sheet "${name}"`);
  return s;
}
