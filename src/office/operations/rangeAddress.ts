/* A range address as Excel writes it, read into 0-based rows and columns. On its own so that
 * selecting a cell (selectCell.ts, in the pane's first load) does not bring the conversion's code. */

/** "A4:N2004", "'Claims Export'!$A$4:$N$2004", "A:N", "B7" → 0-based rows and columns (inclusive). */
export function parseRangeAddress(address: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const bare = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").trim().toUpperCase();
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(bare);
  if (m !== null) {
    const a = { r: Number(m[2]) - 1, c: col(m[1]) };
    const b = m[3] === undefined ? a : { r: Number(m[4]) - 1, c: col(m[3]) };
    if (a.r < 0 || b.r < 0) return null;
    return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(bare);
  if (m !== null) return { r0: 0, c0: Math.min(col(m[1]), col(m[2])), r1: 1048575, c1: Math.max(col(m[1]), col(m[2])) };
  m = /^(\d+):(\d+)$/.exec(bare);
  if (m !== null && Number(m[1]) >= 1 && Number(m[2]) >= 1) return { r0: Math.min(+m[1], +m[2]) - 1, c0: 0, r1: Math.max(+m[1], +m[2]) - 1, c1: 16383 };
  return null;
}
