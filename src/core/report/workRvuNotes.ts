import type { WorkRvuFigures } from "./workRvuFigures";

/**
 * The lines under the productivity table saying where the work RVUs came from, which lines have
 * none (counted, adding 0) and that modifiers do not reduce them; or why they are not shown. The
 * RVU table's unreadable rows are manager's detail: on the manager's copy only.
 */
export function workRvuNotes(w: WorkRvuFigures | null | undefined, audience: "manager" | "physicians" = "manager"): string[] {
  if (w === null || w === undefined) {
    return ["Work RVUs are not shown: no RVU table was found (a sheet with CPT and Work RVU columns, as CMS's PFS relative value file, or a Work RVU column in the fee schedule)."];
  }
  const lines = [`Work RVUs = units × work RVU of each line's code (CMS Physician Fee Schedule, sheet "${w.sheet}"), period lines, paid or not; modifier payment reductions are not applied.`];
  if (w.linesWithoutRvu > 0) {
    const shown = w.codesWithoutRvu.slice(0, 6).map((c) => c.cpt).join(", ");
    const more = w.codesWithoutRvu.length > 6 ? ` and ${w.codesWithoutRvu.length - 6} more` : "";
    lines.push(`${w.linesWithoutRvu} of ${w.linesWithRvu + w.linesWithoutRvu} lines have no work RVU in the table and count 0 (codes ${shown}${more}).`);
  }
  if (audience === "manager" && w.leftOut.length > 0) {
    const rows = new Set(w.leftOut.map((l) => l.row)).size;
    lines.push(`${rows} row(s) of the RVU table could not be read and are left out (listed with sheet, row and column in the JSON summary, workRVUs.leftOut).`);
  }
  return lines;
}
