/* The claims register an operation reads: the one the user picked in the pane, or the preferred
 * one (registerChoice.ts). A picked sheet that is not there is an error that lists the sheets
 * there are, so the user can pick again. */
import type { WorkbookSheet } from "../../core/report/workbookReport";
import { classify } from "./describeWorkbook";
import { OperationError } from "./errors";
import { preferredRegister } from "./registerChoice";

export function registerFor(sheets: readonly WorkbookSheet[], picked: string | undefined): string | undefined {
  if (picked !== undefined && picked.trim() !== "") {
    const wanted = picked.trim().toLowerCase();
    const found = sheets.find((s) => s.name.toLowerCase() === wanted);
    if (found === undefined) {
      throw new OperationError(`There is no sheet named "${picked}" in this workbook (was it renamed or deleted?). The sheets are: ${sheets.map((s) => `"${s.name}"`).join(", ")}. Pick the register again.`);
    }
    return found.name;
  }
  const kinds = sheets.map((s) => ({ name: s.name, kind: classify(s.name, s.grid, s.grid.length).kind }));
  return preferredRegister(kinds) ?? undefined;
}
