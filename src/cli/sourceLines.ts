import type { SourceSummaryJson } from "../core/report/sourceSummary";

/** A few lines on where the figures came from: layout, money fields with no column, balance check, assumptions. */
export function sourceCliLines(source: SourceSummaryJson | null): string[] {
  if (source === null) return [];
  const lines = [`  source: ${source.name}, read as ${source.layout}; balances as of ${source.balancesAsOf === "asOfDate" ? "the as-of date (from posting dates)" : "the export"}`];
  const shown = [...source.assumptions.map((a) => `assumed: ${a}`), ...source.notes];
  for (const note of shown.slice(0, 6)) lines.push(`  note: ${note}`);
  if (shown.length > 6) lines.push(`  ... ${shown.length - 6} more notes (all in --json, under source.notes)`);
  return lines;
}
