/* The range selected in the workbook, for Convert's "use the selected range". */
import { splitAddress } from "./address";
import { runExcel } from "./operations";

/** The selected range (ExcelApi 1.1: Workbook.getSelectedRange). */
export async function readSelection(): Promise<{ sheet: string; address: string } | null> {
  return runExcel(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("address");
    await context.sync();
    return splitAddress(range.address);
  });
}
