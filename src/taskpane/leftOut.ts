/* Which rows an export leaves out as a matter of course (its totals row, page headers and footers,
 * repeated header rows): reported as information, not as a warning. Anything else left out (a row
 * with a bad date, an amount that is not one) is a warning. The reasons are the claims reader's. */
const EXPECTED = /^(totals row|repeated header row|page header or footer|end-of-report footer)\b/i;

export function isExpectedLeftOut(reason: string): boolean {
  return EXPECTED.test(reason.trim());
}

/** Rows left out split into the expected ones and the others. */
export function splitLeftOut<T extends { reason: string }>(rows: readonly T[]): { expected: T[]; problems: T[] } {
  const expected: T[] = [];
  const problems: T[] = [];
  for (const r of rows) (isExpectedLeftOut(r.reason) ? expected : problems).push(r);
  return { expected, problems };
}

/** The kinds of rows left out, once each, without the quoted cell ("totals row; page header or footer"). */
export function reasonKinds(rows: readonly { reason: string }[]): string {
  return [...new Set(rows.map((r) => r.reason.replace(/\s*[(:].*$/, "").trim()))].join("; ");
}
