/* Selects a cell of the workbook (a row left out, the cell an error concerns). Quick: no progress. */
import { useCallback } from "react";
import { runExcel, selectCell } from "./operations";
import { errorText, useOperation, type CellRef } from "./useOperation";

export function useSelectCell(): (cell: CellRef) => Promise<void> {
  const { setOutcome } = useOperation();
  return useCallback(
    async (cell: CellRef) => {
      try {
        await runExcel((context) => selectCell(context, cell.sheet, cell.address));
      } catch (error) {
        setOutcome({ intent: "error", title: `Could not select ${cell.sheet}!${cell.address}`, text: errorText(error) });
      }
    },
    [setOutcome],
  );
}
