import { isBlankCell, type CellValue } from "../cells/cellValue";
import { FEE_SCHEDULE_HEADER_SYNONYMS, type FeeScheduleField } from "./headerSynonyms";
import { isTotalsText } from "./isTotalsRow";
import { readExport, type ExportRead, type ReadExportOptions } from "./readClaimsExport";

/** One row of a fee schedule as the fee-schedule reader takes it; null where the export has no column. */
export interface RawFeeScheduleRow {
  /** 1-based row number in the sheet or file. */
  row: number;
  cells: {
    payer: CellValue;
    cpt: CellValue;
    modifier: CellValue;
    amount: CellValue;
    percentOfMedicare: CellValue;
  };
}

/**
 * Reads a payer fee schedule or contract rate sheet export: the header row (a CPT column and an
 * amount or percent-of-Medicare column at least; FEE_SCHEDULE_HEADER_SYNONYMS, caller overrides
 * first), then every row below it sorted into data rows, rows left out with the reason (total
 * lines, repeated headers, footers, notes) and blank rows:
 * rows below header = dataRows + leftOut + blankRows. Modifier columns are joined with a space.
 * Never throws.
 */
export function readFeeScheduleExport(
  grid: readonly (readonly CellValue[])[],
  options: ReadExportOptions<FeeScheduleField> = {},
): ExportRead<FeeScheduleField, RawFeeScheduleRow> {
  return readExport<FeeScheduleField, RawFeeScheduleRow>(grid, options, {
    synonyms: options.synonyms ?? FEE_SCHEDULE_HEADER_SYNONYMS,
    required: ["cpt"],
    requiredWords: "a CPT code column",
    multiColumn: ["modifier"],
    minFields: 2,
    oneOf: ["amount", "percentOfMedicare"],
    // A total line has total wording and no CPT code ("Total knee arthroplasty" next to 27447 is data).
    totalsReason: (mapping) => (cells) => {
      const cpt = mapping.cpt === undefined ? null : cells[mapping.cpt];
      for (const cell of cells) {
        if (typeof cell === "string" && isTotalsText(cell) && (isBlankCell(cpt) || (typeof cpt === "string" && isTotalsText(cpt)))) {
          return `totals row ("${cell.trim()}")`;
        }
      }
      return null;
    },
    toRow: (r) => ({
      row: r.row,
      cells: {
        payer: r.cells.payer ?? null,
        cpt: r.cells.cpt ?? null,
        modifier: r.cells.modifier ?? null,
        amount: r.cells.amount ?? null,
        percentOfMedicare: r.cells.percentOfMedicare ?? null,
      },
    }),
  });
}
