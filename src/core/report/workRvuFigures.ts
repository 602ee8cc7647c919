import Decimal from "decimal.js";
import type { ClaimLine } from "../claims/claimLine";
import type { ProviderProductivityRow } from "../kpis/providerProductivity";
import type { RvuTableRead } from "../rvu/workRvuRow";
import { workRvuLookup } from "../rvu/workRvuLookup";
import { providerKey, WorkRvuTally } from "../rvu/workRvusByProvider";

/** A provider's productivity with its work RVUs (absent or null: no RVU table was found). */
export type ProviderRow = ProviderProductivityRow & { workRVUs?: Decimal | null };

/** Work RVUs of the period (figures.workRvus): where they came from and what they leave out. */
export interface WorkRvuFigures {
  /** The sheet of the RVU table. */
  sheet: string;
  /** Codes with a work RVU in the table (rows used). */
  tableRows: number;
  /** Rows of the table left out, with sheet, row, column and reason (listed in the JSON summary). */
  leftOut: { sheet: string; row: number; column?: string; reason: string }[];
  total: Decimal;
  linesWithRvu: number;
  linesWithoutRvu: number;
  codesWithoutRvu: { cpt: string; lines: number }[];
}

/**
 * Work RVUs of the period lines (given by their indexes in `lines`) from an RVU table, and the
 * provider rows with theirs. A provider whose lines have no RVU shows 0.
 */
export function workRvuFigures(
  lines: readonly ClaimLine[],
  periodIndexes: ArrayLike<number>,
  table: RvuTableRead,
  providers: readonly ProviderProductivityRow[],
): { figures: WorkRvuFigures; providers: ProviderRow[] } {
  const tally = new WorkRvuFiguresTally(table);
  tally.add(lines, periodIndexes);
  return tally.finish(providers);
}

/** workRvuFigures over chunks of the register: `add` each chunk's lines and period indexes, then `finish`. */
export class WorkRvuFiguresTally {
  private readonly tally: WorkRvuTally;

  constructor(private readonly table: RvuTableRead) {
    this.tally = new WorkRvuTally(workRvuLookup(table.rows));
  }

  add(lines: readonly ClaimLine[], periodIndexes: ArrayLike<number>): void {
    for (let k = 0; k < periodIndexes.length; k++) this.tally.add(lines[periodIndexes[k]]);
  }

  finish(providers: readonly ProviderProductivityRow[]): { figures: WorkRvuFigures; providers: ProviderRow[] } {
    const { table } = this;
    const w = this.tally.finish();
    const leftOut = table.issues
      .filter((i) => i.severity === "error")
      .map((i) => ({ sheet: i.sheet ?? table.sheet, row: i.row, ...(i.column === undefined ? {} : { column: i.column }), reason: i.message }));
    return {
      figures: {
        sheet: table.sheet, tableRows: table.rows.length, leftOut, total: w.total,
        linesWithRvu: w.linesWithRvu, linesWithoutRvu: w.linesWithoutRvu, codesWithoutRvu: w.codesWithoutRvu,
      },
      providers: providers.map((p) => ({ ...p, workRVUs: w.byProvider.get(providerKey(p.provider)) ?? new Decimal(0) })),
    };
  }
}
