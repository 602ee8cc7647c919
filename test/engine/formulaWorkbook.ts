/**
 * A claims register written as plain values plus a "Figures" sheet of native Excel formulas
 * (SUMIFS, COUNTIFS, TRIM, DATE) that compute definitions.md's figures from the register columns
 * only, paired with the core's value of each figure on the same lines. The formulas carry no
 * cached value: whatever result the file holds after LibreOffice saved it was calculated there.
 *
 * Claims sheet: A Claim ID, B Date of Service (Excel serial, date format), C Payer, D Charge,
 * E Insurance Paid, F Patient Paid, G Contractual Adj, H Other Adj, I Status (values), then
 * helper formulas per row: J Balance, K Payer key (TRIM), L In period, M First period line of its
 * claim, N Claim submitted, O Claim denied.
 * Figures sheet: B1 as-of date (value), B2 period start, B3 days-in-A/R window start (formulas),
 * then one figure a row from row 6: A label, B formula, C kind.
 */
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { arAging, daysInAR, DEFAULT_AGING_BUCKETS } from "../../src/core/aging";
import type { CellValue } from "../../src/core/cells";
import type { ClaimLine } from "../../src/core/claims";
import { lineBalance } from "../../src/core/claims";
import { excelSerialFromDay, type Day } from "../../src/core/dates";
import { collectionRates, denialRates, linesInPeriod, reportingPeriod } from "../../src/core/kpis";
import { formatCents, type Cents } from "../../src/core/money";
import { payerMix } from "../../src/core/payerMix";

/** One register row as cells: money in dollars (numbers), DOS as an Excel serial, null = blank cell. */
export interface RegisterRowCells {
  claimId: CellValue;
  dateOfService: CellValue;
  payer: CellValue;
  charge: CellValue;
  insurancePaid: CellValue;
  patientPaid: CellValue;
  contractualAdjustment: CellValue;
  otherAdjustment: CellValue;
  status: CellValue;
}

export const REGISTER_COLUMNS: (keyof RegisterRowCells)[] = [
  "claimId", "dateOfService", "payer", "charge", "insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment", "status",
];

/** The cells of a claim line as a register holds them (cents ÷ 100 is the double Excel shows). */
export function cellsOfLine(line: ClaimLine): RegisterRowCells {
  return {
    claimId: line.claimId,
    dateOfService: excelSerialFromDay(line.dateOfService),
    payer: line.payer,
    charge: line.charge / 100,
    insurancePaid: line.insurancePaid / 100,
    patientPaid: line.patientPaid / 100,
    contractualAdjustment: line.contractualAdjustment / 100,
    otherAdjustment: line.otherAdjustment / 100,
    status: line.status,
  };
}

/**
 * money: compared as cents (Math.round(value × 100) vs the core's integer cents); count: equal;
 * rate: both rounded half up to 6 decimals; days: both rounded half up to 1 decimal.
 */
export type FigureKind = "money" | "count" | "rate" | "days";

export interface Figure {
  label: string;
  kind: FigureKind;
  /** Formula text without "=". */
  formula: string;
  /** The core's value (cents for money), or the hand-worked value of an extra figure; null = no value (#DIV/0!). */
  expected: number | Decimal | null;
}

/** Absolute references to the Claims columns and the Figures parameters, for writing formulas. */
export interface Ranges {
  claimId: string;
  dos: string;
  payer: string;
  charge: string;
  insurancePaid: string;
  patientPaid: string;
  contractual: string;
  other: string;
  status: string;
  balance: string;
  payerKey: string;
  inPeriod: string;
  firstLine: string;
  submitted: string;
  denied: string;
  asOf: string;
  periodFrom: string;
  windowFrom: string;
}

export const CLAIMS_SHEET = "Claims";
export const FIGURES_SHEET = "Figures";
export const FIRST_FIGURE_ROW = 6;
/** A formula written with a wrong cached value: after a real recalculation it holds 2, not 99. */
export const CANARY_CELL = "E1";

/** A text literal inside a formula ("" doubles a quote). */
export const literal = (text: string): string => `"${text.replace(/"/g, '""')}"`;

export function rangesFor(rowCount: number): Ranges {
  const last = Math.max(2, rowCount + 1);
  const col = (letter: string): string => `${CLAIMS_SHEET}!$${letter}$2:$${letter}$${last}`;
  return {
    claimId: col("A"), dos: col("B"), payer: col("C"), charge: col("D"), insurancePaid: col("E"), patientPaid: col("F"),
    contractual: col("G"), other: col("H"), status: col("I"), balance: col("J"), payerKey: col("K"), inPeriod: col("L"),
    firstLine: col("M"), submitted: col("N"), denied: col("O"),
    asOf: `${FIGURES_SHEET}!$B$1`, periodFrom: `${FIGURES_SHEET}!$B$2`, windowFrom: `${FIGURES_SHEET}!$B$3`,
  };
}

/**
 * The figures of definitions.md as formulas over the register, each with the core's value on
 * `lines` (which must be the lines the register rows hold; blank rows hold none).
 */
export function coreFigures(lines: readonly ClaimLine[], asOf: Day, r: Ranges): Figure[] {
  const figures: Figure[] = [];
  const add = (label: string, kind: FigureKind, formula: string, expected: number | Decimal | null): string => {
    figures.push({ label, kind, formula, expected });
    return `$B$${FIRST_FIGURE_ROW + figures.length - 1}`;
  };
  const onOrBefore = (offset: number): string => `${r.dos},"<="&(${r.asOf}-${offset})`;
  const onOrAfter = (offset: number): string => `${r.dos},">="&(${r.asOf}-${offset})`;
  const inPeriodDates = `${r.dos},">="&${r.periodFrom},${r.dos},"<="&${r.asOf}`;

  // A/R and aging (definitions.md "A/R and aging"), by date of service.
  const aging = arAging(lines, asOf);
  add("Lines aged (DOS <= as-of)", "count", `COUNTIFS(${onOrBefore(0)})`, aging.linesAged);
  add("Lines after the as-of date", "count", `COUNTIFS(${r.dos},">"&${r.asOf})`, aging.linesAfterAsOf);
  const arTotal = add("A/R total", "money", `SUMIFS(${r.balance},${onOrBefore(0)})`, aging.total);
  add("Credit balances", "money", `SUMIFS(${r.balance},${onOrBefore(0)},${r.balance},"<0")`, aging.creditBalances);
  const bucketCells: string[] = [];
  DEFAULT_AGING_BUCKETS.forEach((bucket, i) => {
    const core = aging.buckets[i];
    // Age = D − DOS in [from, to] ⇔ DOS in [D − to, D − from].
    const criteria = bucket.to === null ? onOrBefore(bucket.from) : `${onOrBefore(bucket.from)},${onOrAfter(bucket.to)}`;
    bucketCells.push(add(`Bucket ${bucket.label} amount`, "money", `SUMIFS(${r.balance},${criteria})`, core.amount));
    add(`Bucket ${bucket.label} lines (balance <> 0)`, "count", `COUNTIFS(${criteria},${r.balance},"<>0")`, core.lines);
  });
  add("Buckets added up", "money", bucketCells.join("+"), aging.total);
  add("Over 90 days amount", "money", `SUMIFS(${r.balance},${onOrBefore(91)})`, aging.over90);
  add("Over 120 days amount", "money", `SUMIFS(${r.balance},${onOrBefore(121)})`, aging.over120);
  // Share over 90 = (91-120 + 121+) ÷ A/R total; over 120 = 121+ ÷ A/R total.
  add("Share of A/R over 90 days", "rate", `(${bucketCells[3]}+${bucketCells[4]})/${arTotal}`, aging.over90Share);
  add("Share of A/R over 120 days", "rate", `${bucketCells[4]}/${arTotal}`, aging.over120Share);

  // Days in A/R = A/R total ÷ (Σ charge of DOS in D−89 … D ÷ 90) (definitions.md "Days in A/R").
  const dar = daysInAR(lines, asOf);
  const windowCharges = add("Charges of the 90-day window", "money", `SUMIFS(${r.charge},${r.dos},">="&${r.windowFrom},${r.dos},"<="&${r.asOf})`, dar.windowCharges);
  add("Days in A/R", "days", `${arTotal}/(${windowCharges}/90)`, dar.daysInAR);

  // Period: the 12 calendar months ending with D's month, by DOS (definitions.md "As-of date and period").
  const period = reportingPeriod(asOf);
  const periodLines = linesInPeriod(lines, period);
  add("Period start (Excel serial)", "count", `${r.periodFrom}+0`, excelSerialFromDay(period.from));
  add("Period lines", "count", `COUNTIFS(${inPeriodDates})`, periodLines.length);

  // Collection rates (definitions.md "Collection rates").
  const c = collectionRates(periodLines);
  const charges = add("Period charges", "money", `SUMIFS(${r.charge},${inPeriodDates})`, c.charges);
  const payments = add("Period payments", "money", `SUMIFS(${r.insurancePaid},${inPeriodDates})+SUMIFS(${r.patientPaid},${inPeriodDates})`, c.payments);
  const contractual = add("Period contractual adjustments", "money", `SUMIFS(${r.contractual},${inPeriodDates})`, c.contractualAdjustments);
  add("Period other adjustments", "money", `SUMIFS(${r.other},${inPeriodDates})`, c.otherAdjustments);
  add("Gross collection rate", "rate", `${payments}/${charges}`, c.grossCollectionRate);
  add("Net collection rate", "rate", `${payments}/(${charges}-${contractual})`, c.netCollectionRate);

  // Payer mix (definitions.md "Payer mix"): SUMIFS over the TRIM()med payer column. SUMIFS text
  // criteria are case-insensitive, like the core's payer key; TRIM removes leading and trailing
  // spaces and collapses inner runs of spaces as the key does (the key also folds tabs and other
  // white space, which TRIM leaves). The core's name as first written is the criterion; a name
  // holding * ? ~ or starting with = < > would be read as a pattern or comparison (none here).
  const mix = payerMix(periodLines);
  const payerCharges: string[] = [];
  const payerPayments: string[] = [];
  for (const row of mix) {
    const key = `${r.payerKey},${literal(row.payer)},${inPeriodDates}`;
    const rowCharges = add(`Payer ${row.payer}: charges`, "money", `SUMIFS(${r.charge},${key})`, row.charges);
    const rowPayments = add(`Payer ${row.payer}: payments`, "money", `SUMIFS(${r.insurancePaid},${key})+SUMIFS(${r.patientPaid},${key})`, row.payments);
    payerCharges.push(rowCharges);
    payerPayments.push(rowPayments);
    add(`Payer ${row.payer}: share of charges`, "rate", `${rowCharges}/${charges}`, row.chargeShare);
    add(`Payer ${row.payer}: share of payments`, "rate", `${rowPayments}/${payments}`, row.paymentShare);
    add(`Payer ${row.payer}: collection ratio`, "rate", `${rowPayments}/${rowCharges}`, row.collectionRatio);
  }
  // Every period line falls to exactly one payer row: the rows add up to the period totals.
  add("Payer mix: charges of all rows", "money", payerCharges.length ? payerCharges.join("+") : "0", c.charges);
  add("Payer mix: payments of all rows", "money", payerPayments.length ? payerPayments.join("+") : "0", c.payments);

  // Denials at claim level (definitions.md "Denials"), from the helper columns M (first period
  // line of its claim), N (claim has a period line not Draft; a blank status counts), O (claim has
  // a period line Denied). COUNTIFS matches claim numbers case-insensitively where the core
  // compares them exactly; the registers here write each claim number one way.
  const d = denialRates(periodLines);
  const submittedClaims = add("Submitted claims", "count", `COUNTIFS(${r.firstLine},1,${r.submitted},1)`, d.submittedClaims);
  const deniedClaims = add("Denied claims", "count", `COUNTIFS(${r.firstLine},1,${r.denied},1)`, d.deniedClaims);
  add("Denial rate (claims)", "rate", `${deniedClaims}/${submittedClaims}`, d.denialRate);
  const submittedCharges = add("Charges of submitted claims", "money", `SUMIFS(${r.charge},${r.submitted},1)`, d.submittedCharges);
  const deniedCharges = add("Charges of denied claims", "money", `SUMIFS(${r.charge},${r.denied},1)`, d.deniedCharges);
  add("Denial rate (dollars)", "rate", `${deniedCharges}/${submittedCharges}`, d.denialRateDollars);
  return figures;
}

/** Per-row helper formulas of Claims row `row` (1-based sheet row), columns J … O. */
function helperFormulas(row: number, r: Ranges): Record<string, string> {
  const p = (range: string): string => range.replace(`${CLAIMS_SHEET}!`, "");
  const upTo = (letter: string): string => `$${letter}$2:$${letter}${row}`;
  return {
    // Balance = charge − insurance paid − patient paid − contractual − other (definitions.md), kept
    // to the cent so that "<>0" and "<0" test the true balance, not binary noise (0.30−0.10−0.20).
    J: `ROUND(D${row}-E${row}-F${row}-G${row}-H${row},2)`,
    K: `TRIM(C${row})`,
    L: `IF(AND(B${row}>=${r.periodFrom},B${row}<=${r.asOf}),1,0)`,
    M: `IF(L${row}=1,IF(COUNTIFS(${upTo("A")},A${row},${upTo("L")},1)=1,1,0),0)`,
    N: `IF(L${row}=1,IF(COUNTIFS(${p(r.claimId)},A${row},${p(r.inPeriod)},1,${p(r.status)},"<>Draft")>0,1,0),0)`,
    O: `IF(L${row}=1,IF(COUNTIFS(${p(r.claimId)},A${row},${p(r.inPeriod)},1,${p(r.status)},"Denied")>0,1,0),0)`,
  };
}

const HEADERS = ["Claim ID", "Date of Service", "Payer", "Charge", "Insurance Paid", "Patient Paid", "Contractual Adj", "Other Adj", "Status",
  "Balance", "Payer key", "In period", "First period line of claim", "Claim submitted", "Claim denied"];

/**
 * The workbook: register rows as plain values (row i at sheet row i + 2), helper formulas and
 * the figures, every formula without a cached value (except the canary's deliberately wrong 99).
 */
export function buildFormulaWorkbook(rows: readonly RegisterRowCells[], asOf: Day, figures: readonly Figure[]): ExcelJS.Workbook {
  const r = rangesFor(rows.length);
  const wb = new ExcelJS.Workbook();
  const claims = wb.addWorksheet(CLAIMS_SHEET);
  claims.addRow(HEADERS);
  rows.forEach((cells, i) => {
    const row = i + 2;
    const sheetRow = claims.getRow(row);
    REGISTER_COLUMNS.forEach((field, c) => {
      const value = cells[field];
      if (value === null || value === undefined || value === "") return; // a blank cell
      const cell = sheetRow.getCell(c + 1);
      cell.value = value as ExcelJS.CellValue;
      if (field === "dateOfService" && typeof value === "number") cell.numFmt = "yyyy-mm-dd";
      else if (c >= 3 && c <= 7) cell.numFmt = "#,##0.00";
    });
    const helpers = helperFormulas(row, r);
    for (const [letter, formula] of Object.entries(helpers)) claims.getCell(`${letter}${row}`).value = { formula } as ExcelJS.CellFormulaValue;
  });

  const sheet = wb.addWorksheet(FIGURES_SHEET);
  sheet.getCell("A1").value = "As-of date";
  sheet.getCell("B1").value = excelSerialFromDay(asOf);
  sheet.getCell("B1").numFmt = "yyyy-mm-dd";
  sheet.getCell("A2").value = "Period start (first day of the month 11 months before the as-of month)";
  sheet.getCell("B2").value = { formula: "DATE(YEAR(B1),MONTH(B1)-11,1)" } as ExcelJS.CellFormulaValue;
  sheet.getCell("A3").value = "Days in A/R window start (as-of − 89)";
  sheet.getCell("B3").value = { formula: "B1-89" } as ExcelJS.CellFormulaValue;
  sheet.getCell("D1").value = "Recalculation canary (written with a cached 99)";
  sheet.getCell(CANARY_CELL).value = { formula: "1+1", result: 99 } as ExcelJS.CellFormulaValue;
  sheet.getCell(`A${FIRST_FIGURE_ROW - 1}`).value = "Figure";
  sheet.getCell(`B${FIRST_FIGURE_ROW - 1}`).value = "LibreOffice";
  sheet.getCell(`C${FIRST_FIGURE_ROW - 1}`).value = "Kind";
  figures.forEach((f, i) => {
    const row = FIRST_FIGURE_ROW + i;
    sheet.getCell(`A${row}`).value = f.label;
    sheet.getCell(`B${row}`).value = { formula: f.formula } as ExcelJS.CellFormulaValue;
    sheet.getCell(`C${row}`).value = f.kind;
  });
  return wb;
}

/**
 * A formula cell's calculated value: a number (or text), null for an error value (#DIV/0!), or
 * undefined when no value was saved. Read through `cell.result`: ExcelJS's `cell.value` drops a
 * result of 0 (it copies only truthy fields), `cell.result` keeps it.
 */
export function formulaResult(cell: ExcelJS.Cell): number | string | null | undefined {
  if (cell.type !== ExcelJS.ValueType.Formula) return undefined;
  const result = (cell as unknown as { result: unknown }).result;
  if (result === undefined || result === null) return undefined;
  if (result instanceof Date) return result.getTime() / 86_400_000 + 25569; // a date-formatted result: back to the serial
  if (typeof result === "object" && "error" in (result as object)) return null;
  if (typeof result === "number" || typeof result === "string") return result;
  if (typeof result === "boolean") return result ? 1 : 0;
  return undefined;
}

export interface Comparison {
  label: string;
  kind: FigureKind;
  libreOffice: string;
  expected: string;
  equal: boolean;
}

/** Both sides of a figure in the compared form. */
export function shown(kind: FigureKind, value: number | Decimal | null | string | undefined, fromEngine: boolean): string {
  if (value === undefined) return "(no value saved)";
  if (value === null) return "(none)";
  if (typeof value === "string") return `text "${value}"`;
  switch (kind) {
    case "money": {
      const cents: Cents = fromEngine ? Math.round((value as number) * 100) + 0 : (value as number);
      return formatCents(cents);
    }
    case "count":
      return String(Number(value));
    case "rate":
      return new Decimal(value).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6);
    case "days":
      return new Decimal(value).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
  }
}

/** Reads each figure's recalculated value from the Figures sheet and compares it with the expected one. */
export function compareFigures(wb: ExcelJS.Workbook, figures: readonly Figure[]): Comparison[] {
  const sheet = wb.getWorksheet(FIGURES_SHEET);
  if (sheet === undefined) throw new Error(`no ${FIGURES_SHEET} sheet in the recalculated workbook`);
  return figures.map((f, i) => {
    const engine = formulaResult(sheet.getCell(`B${FIRST_FIGURE_ROW + i}`));
    const libreOffice = shown(f.kind, engine, true);
    const expected = shown(f.kind, f.expected, false);
    return { label: f.label, kind: f.kind, libreOffice, expected, equal: engine !== undefined && libreOffice === expected };
  });
}

/** Each line's balance as LibreOffice computed it (Claims!J at the line's row) against lineBalance. */
export function compareBalances(wb: ExcelJS.Workbook, lines: readonly ClaimLine[]): Comparison[] {
  const sheet = wb.getWorksheet(CLAIMS_SHEET);
  if (sheet === undefined) throw new Error(`no ${CLAIMS_SHEET} sheet in the recalculated workbook`);
  return lines.map((line) => {
    const engine = formulaResult(sheet.getCell(`J${line.row}`));
    const libreOffice = shown("money", engine, true);
    const expected = shown("money", lineBalance(line), false);
    return { label: `Balance of row ${line.row}`, kind: "money", libreOffice, expected, equal: engine !== undefined && libreOffice === expected };
  });
}
