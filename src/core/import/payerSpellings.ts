import { isBlankCell, type CellValue } from "../cells/cellValue";
import { groupPayerNameCounts, type PayerNameMerge } from "./normalizePayerNames";
import { selfPayAssumption } from "./selfPayConvention";

/**
 * The payer spellings of an export's data rows, counted one row at a time (its own payer cell):
 * with `blankIsSelfPay` (OpenEMR's convention) a blank payer counts as "Self-pay"; with
 * `normalize` the spellings are then grouped (normalizePayerNames). Keeps one count per distinct
 * spelling.
 */
export class PayerSpellings {
  private readonly counts = new Map<string, number>();
  private selfPayLines = 0;

  constructor(private readonly normalize: boolean, private readonly blankIsSelfPay: boolean) {}

  add(ownPayer: CellValue): void {
    let payer = ownPayer;
    if (this.blankIsSelfPay && isBlankCell(payer)) {
      this.selfPayLines++;
      payer = "Self-pay";
    }
    if (this.normalize && typeof payer === "string" && !isBlankCell(payer)) this.counts.set(payer, (this.counts.get(payer) ?? 0) + 1);
  }

  /** The spellings merged, each spelling that reads as another name, and the self-pay assumption (null when none was made). */
  grouped(): { merges: PayerNameMerge[]; renames: Map<string, string>; selfPayAssumption: string | null } {
    const renames = new Map<string, string>();
    let merges: PayerNameMerge[] = [];
    if (this.normalize) {
      const grouped = groupPayerNameCounts(this.counts);
      merges = grouped.merges;
      for (const [name, canonical] of grouped.map) if (canonical !== name) renames.set(name, canonical);
    }
    return { merges, renames, selfPayAssumption: selfPayAssumption(this.selfPayLines) };
  }
}
