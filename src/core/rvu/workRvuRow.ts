import type Decimal from "decimal.js";
import type { InputIssue } from "../cells/issue";

/** One row of an RVU table: the work RVU of a CPT/HCPCS code, for one modifier or for none. */
export interface WorkRvuRow {
  /** 1-based row in the source sheet. */
  row: number;
  /** Code as matched: upper case, leading zeros restored (normalizeCpt). */
  cpt: string;
  /** "26", "TC", "53" … as the PFS file carries them; null for the code's row without modifier. */
  modifier: string | null;
  /** Work RVU, exact as written. */
  work: Decimal;
}

/** An RVU table as read from a sheet: the rows used and every issue (error = row left out). */
export interface RvuTableRead {
  sheet: string;
  /** 1-based header row (the lower one of a two-row header). */
  headerRow: number;
  rows: WorkRvuRow[];
  /** Rows of data read (used, repeated and left out; blank rows not counted). */
  rowsRead: number;
  issues: InputIssue[];
}
