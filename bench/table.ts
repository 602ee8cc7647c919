/** The benchmark's stdout table: figure | lines | core ms | peer ms | ratio | goal | met? */

export interface TableRow {
  figure: string;
  lines: number;
  coreMs?: number;
  /** A number of ms, or text such as "~412,000 (est.)". */
  peer?: string;
  ratio?: string;
  goal?: string;
  met?: string;
}

const HEADERS = ["figure", "lines", "core ms", "peer ms", "ratio", "goal", "met?"];

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  if (ms >= 1000) return Math.round(ms).toLocaleString("en-US");
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

export function formatTable(rows: readonly TableRow[]): string {
  const cells = rows.map((r) => [
    r.figure, r.lines.toLocaleString("en-US"), r.coreMs === undefined ? "" : formatMs(r.coreMs), r.peer ?? "", r.ratio ?? "", r.goal ?? "", r.met ?? "",
  ]);
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const right = new Set([1, 2, 3, 4]);
  const line = (row: string[]): string => row.map((v, c) => (right.has(c) ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join(" | ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("-|-");
  return [line(HEADERS), rule, ...cells.map(line)].join("\n");
}
