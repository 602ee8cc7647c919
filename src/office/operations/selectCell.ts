import { OperationError } from "./errors";
import { parseRangeAddress } from "./rangeAddress";

/**
 * Activates the sheet and selects the cell (or range) the pane points at ("A12"); a sheet or an
 * address that is not there is an OperationError in plain words. 2 syncs.
 */
export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  if (parseRangeAddress(address) === null) throw new OperationError(`"${address}" is not a cell address such as A12.`);
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  ws.load("name");
  await context.sync();
  if (ws.isNullObject) throw new OperationError(`There is no sheet named "${sheet}" any more (was it renamed or deleted?).`);
  ws.activate();
  ws.getRange(address.slice(address.lastIndexOf("!") + 1)).select();
  await context.sync();
}
