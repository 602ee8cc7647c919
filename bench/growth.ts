/**
 * The growth table: time per line of each stage at each size measured, and whether a stage grows
 * faster than linearly (its time per line at the largest size over that at the next size down,
 * above GROWTH_TOLERANCE, with at least GROWTH_MIN_MS measured so timer noise on tiny times is
 * not read as growth).
 */
export const GROWTH_TOLERANCE = 1.5;
const GROWTH_MIN_MS = 5;

export interface StageTime {
  ms: number;
  estimated: boolean;
}

export type StageTimes = Map<string, Map<number, StageTime>>;

export interface GrowthRow {
  stage: string;
  /** Size → nanoseconds per line (null: not measured at that size). */
  nsPerLine: Record<string, number | null>;
  estimated: string[];
  /** nsPerLine at the largest measured size ÷ at the next size down. */
  growth: number | null;
  fasterThanLinear: boolean;
}

export function recordStage(stages: StageTimes, stage: string, size: number, ms: number, estimated = false): void {
  let bySize = stages.get(stage);
  if (bySize === undefined) stages.set(stage, (bySize = new Map()));
  bySize.set(size, { ms, estimated });
}

export function growthRows(stages: StageTimes, sizes: readonly number[]): GrowthRow[] {
  const sorted = [...sizes].sort((a, b) => a - b);
  return [...stages].map(([stage, bySize]) => {
    const nsPerLine: Record<string, number | null> = {};
    const estimated: string[] = [];
    for (const size of sorted) {
      const t = bySize.get(size);
      nsPerLine[size] = t === undefined ? null : Math.round((t.ms * 1e6) / size * 10) / 10;
      if (t?.estimated) estimated.push(String(size));
    }
    const measured = sorted.filter((s) => bySize.has(s) && !bySize.get(s)?.estimated);
    let growth: number | null = null;
    let fasterThanLinear = false;
    if (measured.length >= 2) {
      const big = measured[measured.length - 1];
      const small = measured[measured.length - 2];
      const a = nsPerLine[small] as number;
      const b = nsPerLine[big] as number;
      growth = a > 0 ? Math.round((b / a) * 100) / 100 : null;
      fasterThanLinear = growth !== null && growth > GROWTH_TOLERANCE && (bySize.get(big)?.ms ?? 0) >= GROWTH_MIN_MS;
    }
    return { stage, nsPerLine, estimated, growth, fasterThanLinear };
  });
}

export function formatGrowth(rows: readonly GrowthRow[], sizes: readonly number[]): string {
  const sorted = [...sizes].sort((a, b) => a - b);
  const header = ["stage", ...sorted.map((s) => `ns/line @ ${s.toLocaleString("en-US")}`), "growth (last two)", "faster than linear?"];
  const cells = rows.map((r) => [
    r.stage,
    ...sorted.map((s) => (r.nsPerLine[s] === null ? "" : `${(r.nsPerLine[s] as number).toLocaleString("en-US")}${r.estimated.includes(String(s)) ? " (est.)" : ""}`)),
    r.growth === null ? "" : `${r.growth} x`,
    r.fasterThanLinear ? "YES" : r.growth === null ? "" : "no",
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]): string => row.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join(" | ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.map(line)].join("\n");
}
