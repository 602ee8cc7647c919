import { SheetBuilder } from "../sheet/sheetBuilder";
import type { CellStyleName, SheetDescription } from "../sheet/sheetDescription";
import { COMMON_MODIFIERS } from "./claimsRegisterTemplate";

/** Headers of the Fee Schedule template, as the fee schedule reader names them. */
export const FEE_SCHEDULE_HEADERS = ["Payer", "CPT", "Modifier", "Allowed Amount", "% of Medicare"] as const;

/**
 * An empty Fee Schedule sheet (definitions.md, "Fee schedule and underpayments"): one row per
 * payer, CPT and optional modifier, with either a fixed allowed amount or a percentage of the
 * Medicare amount ("115%", or 1.15 in a percent-formatted cell). Modifier drop-down; table with a
 * frozen header. One blank data row (an Excel table needs one).
 */
export function feeScheduleTemplate(): SheetDescription {
  const b = new SheetBuilder("Fee Schedule", [26, 10, 10, 16, 14]);
  FEE_SCHEDULE_HEADERS.forEach((h, i) => b.set(1, i + 1, h, undefined, "tableHeader" as CellStyleName));
  b.set(2, 4, null, "money");
  b.set(2, 5, null, "percent1");
  b.validation({
    range: { fromRow: 2, toRow: 2, fromCol: 3, toCol: 3 }, list: [...COMMON_MODIFIERS], allowBlank: true, alert: "warning",
    message: "Not one of the common modifiers: keep it anyway?",
  });
  b.table({ name: "FeeSchedule", range: { fromRow: 1, fromCol: 1, toRow: 2, toCol: 5 }, style: "TableStyleMedium2" });
  return b.build({ freezeRows: 1, showGridLines: true, tabColor: "548235" });
}
