import { isBlankCell, type CellValue } from "../cells/cellValue";
import { CLAIM_FIELDS, type ClaimField } from "../claims/claimLine";
import type { ClaimRowSource } from "../claims/readClaimLines";
import type { ColumnMapping } from "./mapColumns";
import { cellsOf, joinedCell } from "./readExportRows";

const PAYER = CLAIM_FIELDS.indexOf("payer");
const PAYER_CLASS = CLAIM_FIELDS.indexOf("payerClass");

// Bound once (a call through the module's export getter under tsx costs on every cell, issue 13).
const isBlank = isBlankCell;

/** isBlankCell, the common cells (nothing, a number, text starting with a visible ASCII character) told at once. */
function isBlankValue(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  const first = value.charCodeAt(0);
  return first > 32 && first < 127 ? false : isBlank(value);
}

/**
 * A claims export's row cells read as the register's fields (CLAIM_FIELDS order): each field's
 * cell from its column (a field over several columns, Mod 1 … Mod 4, joined as readExportRows
 * joins it), so no RawClaimRow object is built per row (issue 13). With `blankPayerIsSelfPay`
 * (OpenEMR's convention, selfPayConvention.ts) a blank payer reads as "Self-pay" and a missing
 * payer class as Self-pay; `renamePayers` then gives each payer spelling its display name
 * (normalizePayerNames). The cells are those readClaimsExport's rows hold.
 */
export class ClaimRowCells {
  /** 0-based column of each field (CLAIM_FIELDS order), -1 when the export has none. */
  private readonly column: number[];
  /** All columns of a field that joins several, else null. */
  private readonly joined: (number[] | null)[];
  private renames: ReadonlyMap<string, string> | null = null;

  constructor(
    columns: Pick<ColumnMapping<ClaimField>, "mapping" | "extraColumns">,
    readonly blankPayerIsSelfPay: boolean,
  ) {
    this.column = CLAIM_FIELDS.map((f) => (Object.prototype.hasOwnProperty.call(columns.mapping, f) ? (columns.mapping[f] as number) : -1));
    this.joined = CLAIM_FIELDS.map((f) => {
      const extras = columns.extraColumns[f] ?? [];
      return this.column[CLAIM_FIELDS.indexOf(f)] === -1 || extras.length === 0 ? null : [columns.mapping[f] as number, ...extras].sort((a, b) => a - b);
    });
  }

  /** The row's own payer cell (before the self-pay convention and any renaming). */
  ownPayer(cells: readonly CellValue[]): CellValue {
    return this.cellOf(cells, PAYER);
  }

  /** From now on, a payer spelling found in `renames` reads as the name it maps to. */
  renamePayers(renames: ReadonlyMap<string, string>): void {
    this.renames = renames.size === 0 ? null : renames;
  }

  /** ClaimRowSource.fill for a row's cells. */
  fill(cells: readonly CellValue[], values: CellValue[]): boolean {
    let blank = true;
    for (let f = 0; f < values.length; f++) {
      const value = this.cellOf(cells, f);
      values[f] = value;
      if (blank && !isBlankValue(value)) blank = false;
    }
    if (this.blankPayerIsSelfPay && isBlankCell(values[PAYER])) {
      values[PAYER] = "Self-pay";
      values[PAYER_CLASS] = values[PAYER_CLASS] ?? "Self-pay";
      blank = false;
    }
    const payer = values[PAYER];
    if (this.renames !== null && typeof payer === "string") {
      const name = this.renames.get(payer);
      if (name !== undefined) values[PAYER] = name;
    }
    return !blank;
  }

  private cellOf(cells: readonly CellValue[], f: number): CellValue {
    const column = this.column[f];
    if (column === -1) return undefined;
    const all = this.joined[f];
    return all === null ? (cells[column] ?? null) : joinedCell(cells, all);
  }
}

/** The data rows of a claims export read straight from its grid (ClaimRowCells over each data row), as readClaimLines takes them. */
export class GridClaimRows implements ClaimRowSource {
  readonly count: number;
  readonly cells: ClaimRowCells;

  constructor(
    private readonly grid: readonly (readonly CellValue[])[],
    /** 0-based grid index of each data row. */
    private readonly dataRows: readonly number[],
    columns: Pick<ColumnMapping<ClaimField>, "mapping" | "extraColumns">,
    blankPayerIsSelfPay: boolean,
  ) {
    this.count = dataRows.length;
    this.cells = new ClaimRowCells(columns, blankPayerIsSelfPay);
  }

  rowNumber(k: number): number {
    return this.dataRows[k] + 1;
  }

  /** The k-th row's own payer cell (before the self-pay convention and any renaming). */
  ownPayer(k: number): CellValue {
    return this.cells.ownPayer(cellsOf(this.grid[this.dataRows[k]]));
  }

  fill(k: number, values: CellValue[]): boolean {
    return this.cells.fill(cellsOf(this.grid[this.dataRows[k]]), values);
  }
}
