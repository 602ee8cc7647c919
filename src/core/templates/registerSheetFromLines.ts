import type { ClaimField, ClaimLine } from "../claims/claimLine";
import { lineBalance } from "../claims/balance";
import { excelSerialFromDay } from "../dates/excelSerial";
import { centsToNumber } from "../money/cents";
import { SheetBuilder } from "../sheet/sheetBuilder";
import type { CellContent, CellStyleName, SheetDescription } from "../sheet/sheetDescription";
import { AGE_BUCKET_COLUMN, BALANCE_COLUMN, REGISTER_WIDTHS, writeRegister, type RegisterOptions } from "./claimsRegisterTemplate";

/** A source row the conversion left out, with where it was and why. */
export interface ConversionLeftOut {
  sheet?: string;
  row: number;
  column?: string;
  reason: string;
  /** "A12": the cell on the source sheet. */
  address?: string;
}

/** The headers of the table of rows left out, listed right of the register. */
export const LEFT_OUT_HEADERS: readonly string[] = ["Source Row", "Source Cell", "Left Out Because"];

/** Columns of the practice's own kept right of the register's (inside its table): headers, and the values of line i. */
export interface ExtraRegisterColumns {
  headers: readonly string[];
  values: (index: number) => readonly CellContent[];
}

/** The extra columns' header and cells after Age Bucket, and the register's table widened over them. */
function addExtraColumns(sheet: SheetDescription, lineCount: number, extras: ExtraRegisterColumns): void {
  if (extras.headers.length === 0) return;
  const first = AGE_BUCKET_COLUMN + 1;
  extras.headers.forEach((h, k) => sheet.cells.push({ row: 1, col: first + k, value: h, styles: ["tableHeader"] }));
  for (let i = 0; i < lineCount; i++) {
    extras.values(i).forEach((v, k) => {
      if (v !== null && k < extras.headers.length) sheet.cells.push({ row: 2 + i, col: first + k, value: v });
    });
  }
  const table = sheet.tables?.[0];
  if (table !== undefined) table.range = { ...table.range, toCol: AGE_BUCKET_COLUMN + extras.headers.length };
}

/** The value of one field of a line as a register cell: dollars and Excel date serials. */
export function registerCell(line: ClaimLine, field: ClaimField): CellContent {
  const v = line[field];
  if (v === null || v === undefined) return null;
  switch (field) {
    case "charge": case "insurancePaid": case "patientPaid": case "contractualAdjustment": case "otherAdjustment": case "allowed":
      return centsToNumber(v as number);
    case "dateOfService": case "submittedDate": case "lastPaymentDate":
      return excelSerialFromDay(v as number);
    case "modifiers":
      return (v as string[]).length === 0 ? null : (v as string[]).join(" ");
    default:
      return v as CellContent;
  }
}

/**
 * The Convert output: a Claims Register sheet whose table holds the converted lines (one row per
 * line, in the order given), with the Balance formula cached at the line's exact balance, the
 * Age Bucket formula, the register's formats and drop-downs. When rows were left out, they are
 * listed right of the table (one blank column between) as a second table: source row, cell and
 * reason, so the sheet itself says what the conversion did not take.
 */
export function registerSheetFromLines(
  lines: readonly ClaimLine[],
  leftOut: readonly ConversionLeftOut[] = [],
  options: RegisterOptions = {},
  extras: ExtraRegisterColumns = { headers: [], values: () => [] },
): SheetDescription {
  const widths = [...REGISTER_WIDTHS, ...extras.headers.map((h) => Math.min(40, Math.max(10, h.length + 2)))];
  if (leftOut.length > 0) widths.push(3, 10, 12, 60);
  const b = new SheetBuilder(options.name ?? "Claims Register", widths);
  writeRegister(b, lines.length, (i, f) => registerCell(lines[i], f), options);
  // The balance as the register computes it, stored with the formula for hosts that do not calculate.
  const balances = new Map<number, number>();
  lines.forEach((l, i) => balances.set(2 + i, centsToNumber(lineBalance(l))));
  const built = b.build({ freezeRows: 1, showGridLines: true, tabColor: "2F5597" });
  for (const c of built.cells) {
    if (c.col === BALANCE_COLUMN && c.row >= 2) c.value = balances.get(c.row) ?? null;
  }
  addExtraColumns(built, lines.length, extras);
  if (leftOut.length === 0) return built;

  const first = AGE_BUCKET_COLUMN + extras.headers.length + 2;
  const extra = new SheetBuilder(built.name, []);
  LEFT_OUT_HEADERS.forEach((h, i) => extra.set(1, first + i, h, undefined, "tableHeader" as CellStyleName));
  leftOut.forEach((l, i) => {
    extra.set(2 + i, first, l.row, "integer");
    extra.set(2 + i, first + 1, l.address ?? null);
    extra.set(2 + i, first + 2, l.reason);
  });
  const part = extra.build();
  built.cells.push(...part.cells);
  (built.tables ??= []).push({ name: "ConversionLeftOut", range: { fromRow: 1, fromCol: first, toRow: 1 + leftOut.length, toCol: first + 2 }, style: "TableStyleLight10" });
  return built;
}
