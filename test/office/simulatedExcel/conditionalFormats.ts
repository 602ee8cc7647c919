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
 * Formulas understood: `=COUNTIFS(range1,crit1,…)>0` (ranges on any sheet, criteria cell
 * references compared as equal values, text and numbers matching when they read the same, as
 * COUNTIFS does) and the older `=ISNUMBER(MATCH(ROW(),{r1,r2,…},0))`. Anything else throws.
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
    const crit = /^\$?([A-Z]{1,3})(\$?)(\d+)$/.exec(args[i + 1]);
    if (crit === null) throw new Error(`criterion ${args[i + 1]} is not a cell reference`);
    const critArea = parseAddress(`${crit[1]}${crit[3]}`);
    const critRow = crit[2] === "$" ? critArea.r0 : critArea.r0 + offset; // relative row shifts with the cell
    pairs.push({ sheet: rangeSheet, col: area.c0, r0: area.r0, rows: area.rows, want: sheet.cellValue(critRow, critArea.c0) });
  }
  const n = pairs[0].rows;
  for (let k = 0; k < n; k++) {
    if (pairs.every((p) => same(p.sheet.cellValue(p.r0 + k, p.col), p.want))) return true;
  }
  return false;
}

/** COUNTIFS equality: numbers and numeric text that read the same match; text case-insensitively. */
function same(cell: string | number | boolean, want: string | number | boolean): boolean {
  if (want === "") return cell === "";
  const num = (v: string | number | boolean): number | null => (typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : null);
  const a = num(cell), b = num(want);
  if (a !== null && b !== null) return a === b;
  return String(cell).toLowerCase() === String(want).toLowerCase();
}

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
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
