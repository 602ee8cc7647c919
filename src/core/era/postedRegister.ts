import type { LeftOutRow } from "../import/readExportRows";
import type { SheetDescription } from "../sheet/sheetDescription";
import { registerSheetFromLines } from "../templates/registerSheetFromLines";
import type { PostingResult } from "./postRemittances";
import type { RegisterExtras } from "./registerExtras";

export const POSTED_REGISTER_NAME = "Claims Register (posted)";

/**
 * The new version of the register after posting: every line read, with the postings applied, as
 * a Claims Register sheet (the user's register is never edited in place), in the source's row
 * order, with the practice's own columns of the source (`extras`: patient account, notes…) kept
 * row by row right of the standard ones. Rows of the source left out by the reader are listed
 * beside it, as Convert does.
 */
export function postedRegisterSheet(
  result: PostingResult,
  leftOut: readonly LeftOutRow[],
  name = POSTED_REGISTER_NAME,
  extras: RegisterExtras = { headers: [], byRow: new Map() },
): SheetDescription {
  const none = extras.headers.map(() => null);
  return registerSheetFromLines(result.lines, leftOut.map((l) => ({ row: l.row, reason: l.reason, ...(l.sheet !== undefined ? { sheet: l.sheet } : {}), ...(l.column !== undefined ? { column: l.column } : {}) })), {
    name,
    tableName: "ClaimsRegisterPosted",
  }, { headers: extras.headers, values: (i) => extras.byRow.get(result.lines[i].row) ?? none });
}
