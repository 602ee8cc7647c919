/* Implementations of the revenue-cycle functions (PRACTICE.AGEBUCKET, ARAGING, DAYSINAR,
 * COLLECTIONRATE, DENIALRATE, DAYSTOPAY, PAYERMIX): read the ranges (tableReader.ts), build
 * minimal lines, call src/core and lay the result out. Every figure is computed in src/core; money
 * leaves as centsToNumber, rates as the exact Decimal's number. Errors are thrown as
 * FunctionInputError and mapped by `guarded` in functions.ts. */

import type Decimal from "decimal.js";
import { type CellValue } from "../core/cells/cellValue";
import { exactCentsOfNumber, parseMoney } from "../core/cells/parseMoney";
import {
  agingBucketsFromBounds,
  arAgingByPayer,
  arAgingOfBalances,
  bucketIndexForAge,
  DEFAULT_AGING_BUCKETS,
  daysInAR,
  lineAge,
  type AgingBucket,
  type AgingLine,
  type PayerAgingLine,
} from "../core/aging";
import { CLAIM_STATUSES, type ClaimStatus } from "../core/claims/claimLine";
import { parseClaimStatus } from "../core/claims/parseStatus";
import { parseDate } from "../core/cells/parseDate";
import type { Day } from "../core/dates/day";
import { collectionRates, daysToPay, denialRates, type CollectionLine, type DaysToPayLine, type DenialLine } from "../core/kpis";
import { centsToNumber, type Cents } from "../core/money/cents";
import { ratio } from "../core/money/ratio";
import { PayerMixTotals, payerMixRows } from "../core/payerMix";
import { booleanArg, boundsArg, CellProblems, dateArg, dateAt, isBlankOrZero, moneyAt, numberArg, textAt } from "./cellReaders";
import { FunctionInputError } from "./excelError";
import { asGrid } from "./ranges";
import { omitted, readTable, rowIsBlank, type Table } from "./tableReader";

/** Payer shown for lines whose payer cell is blank (they are kept, not dropped). */
export const NO_PAYER = "(no payer)";

/** A spilled table: rows of cells; "" is a blank cell. */
export type Spill = (string | number)[][];

/** The one cell per row of a single-column argument; undefined when the argument was omitted. */
function column(table: Table, name: string): CellValue[] | undefined {
  const given = table.columns[name];
  if (given === undefined) return undefined;
  if (given.values !== undefined) return given.values;
  const rows = given.cells;
  const out = new Array<CellValue>(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = rows[r][0];
  return out;
}

/** Σ of a row of the payments range (one column, or insurance and patient columns side by side). */
function paymentsAt(cells: readonly CellValue[], r: number, problems: CellProblems): Cents {
  let paid = 0;
  for (let k = 0; k < cells.length; k++) {
    const v = cells[k];
    // parseMoney's own fast path, without its result object.
    const exact = typeof v === "number" ? exactCentsOfNumber(v) : null;
    if (exact !== null) {
      paid += exact;
      continue;
    }
    const parsed = parseMoney(v);
    if (parsed.kind === "value") paid += parsed.value;
    else if (parsed.kind === "invalid") problems.add(cells.length > 1 ? `payments (column ${k + 1})` : "payments", r, parsed.message, cells[k]);
  }
  return paid;
}

/** A rate for a spilled cell: the exact Decimal's number, blank when there is no denominator. */
function rateCell(rate: Decimal | null): number | "" {
  return rate === null ? "" : rate.toNumber();
}

/** A scalar rate, #DIV/0! when there is nothing to divide by (as Excel's own AVERAGE of nothing). */
function rateValue(rate: Decimal | null, why: string): number {
  if (rate === null) throw new FunctionInputError("#DIV/0!", why);
  return rate.toNumber();
}

/** Buckets from an optional bounds argument; the MGMA buckets by default. */
export function bucketsArg(value: unknown): readonly AgingBucket[] {
  const bounds = boundsArg(value, "bucketBounds");
  if (bounds === null) return DEFAULT_AGING_BUCKETS;
  try {
    return agingBucketsFromBounds(bounds);
  } catch (e) {
    throw new FunctionInputError("#VALUE!", `bucketBounds: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** PRACTICE.AGEBUCKET: the bucket label of one line. */
export function ageBucketLabel(dateOfService: unknown, asOf: unknown, bucketBounds: unknown): string {
  const asOfDay = dateArg(asOf, "asOf");
  const buckets = bucketsArg(bucketBounds);
  const dosCell = Array.isArray(dateOfService) ? (dateOfService as unknown[][])[0]?.[0] : dateOfService;
  // A blank date of service, or the 0 Excel for Windows passed for an empty cell (isBlankOrZero), gives a blank.
  const parsed = parseDate(dosCell === 0 ? null : dosCell);
  if (parsed.kind === "blank") return "";
  if (parsed.kind === "invalid") throw new FunctionInputError("#VALUE!", `dateOfService: ${parsed.message} (found "${parsed.found}")`);
  const line = { dateOfService: parsed.value };
  // definitions.md, "As-of date and period": lines with DOS after D are outside the report.
  if (parsed.value > asOfDay) throw new FunctionInputError("#N/A", "dateOfService is after the as-of date: the line is not aged yet");
  return buckets[bucketIndexForAge(lineAge(line, asOfDay), buckets)].label;
}

/**
 * Reads the aging rows (balances, dates of service, optional payers) and hands each row that has a
 * date of service to `add`; unreadable cells are collected and thrown as one #VALUE!.
 */
function readAgingRows(balances: unknown, datesOfService: unknown, payers: unknown, add: (dos: Day, balance: Cents, payer: string) => void): void {
  const table = readTable(
    [
      { name: "balances", arg: balances, kind: "money" },
      { name: "datesOfService", arg: datesOfService, kind: "date" },
      { name: "payers", arg: payers, kind: "text" },
    ],
    ["balances", "datesOfService"],
  );
  const balanceCells = column(table, "balances") as CellValue[];
  const dateCells = column(table, "datesOfService") as CellValue[];
  const payerCells = column(table, "payers");
  const problems = new CellProblems();
  for (let r = table.firstDataRow; r < table.rows; r++) {
    if (rowIsBlank(table, r)) continue;
    const balance = moneyAt(balanceCells, r, "balances", problems);
    const dos = dateAt(dateCells, r, "datesOfService", problems);
    const payer = payerCells === undefined ? NO_PAYER : (textAt(payerCells, r, "payers", problems) ?? NO_PAYER);
    if (dos === null) {
      if (balance !== 0 && isBlankOrZero(dateCells[r])) {
        problems.add("datesOfService", r, "the date of service is blank but the balance is not 0", null);
      }
      continue; // a zero balance without a date has nothing to age
    }
    add(dos, balance, payer);
  }
  problems.throwIfAny();
}

/** Lines for aging by payer from balances, dates of service and payers. */
function agingLines(balances: unknown, datesOfService: unknown, payers: unknown): PayerAgingLine[] {
  const lines: PayerAgingLine[] = [];
  readAgingRows(balances, datesOfService, payers, (dos, balance, payer) => lines.push(balanceLine(dos, balance, payer)));
  return lines;
}

/** Dates of service and balances as two number columns (no line object per row: a million rows). */
function agingColumns(balances: unknown, datesOfService: unknown): { dateOfService: Float64Array; balance: Float64Array; count: number } {
  const rows = asGrid(balances).length;
  const dateOfService = new Float64Array(rows);
  const balance = new Float64Array(rows);
  let count = 0;
  readAgingRows(balances, datesOfService, undefined, (dos, cents) => {
    dateOfService[count] = dos;
    balance[count] = cents;
    count++;
  });
  return { dateOfService, balance, count };
}

/** A minimal line whose balance is `balance` (charge = balance, no payments or adjustments). */
function balanceLine(dos: Day, balance: Cents, payer: string): PayerAgingLine {
  return { dateOfService: dos, charge: balance, insurancePaid: 0, patientPaid: 0, contractualAdjustment: 0, otherAdjustment: 0, payer };
}

/** PRACTICE.ARAGING: Bucket | Amount | Share | Lines, or the payer × bucket matrix. */
export function arAgingTable(balances: unknown, datesOfService: unknown, asOf: unknown, bucketBounds: unknown, payers: unknown): Spill {
  const asOfDay = dateArg(asOf, "asOf");
  const buckets = bucketsArg(bucketBounds);
  const byPayer = !omitted(payers);
  const out: Spill = [];
  let linesAfterAsOf: number;
  if (!byPayer) {
    const cols = agingColumns(balances, datesOfService);
    const aging = arAgingOfBalances(cols.dateOfService, cols.balance, cols.count, asOfDay, buckets);
    out.push(["Bucket", "Amount", "Share", "Lines"]);
    let counted = 0;
    for (const b of aging.buckets) {
      out.push([b.label, centsToNumber(b.amount), rateCell(ratio(b.amount, aging.total)), b.lines]);
      counted += b.lines;
    }
    out.push(["Total", centsToNumber(aging.total), rateCell(ratio(aging.total, aging.total)), counted]);
    linesAfterAsOf = aging.linesAfterAsOf;
  } else {
    const aging = arAgingByPayer(agingLines(balances, datesOfService, payers), asOfDay, { buckets });
    out.push(["Payer", ...aging.buckets.map((b) => b.label), "Total"]);
    for (const row of [...aging.payers, aging.grand]) {
      out.push([row.payer, ...row.amounts.map(centsToNumber), centsToNumber(row.total)]);
    }
    linesAfterAsOf = aging.linesAfterAsOf;
  }
  if (linesAfterAsOf > 0) {
    // definitions.md: lines dated after D are outside the report, counted, not aged.
    const note: (string | number)[] = new Array(out[0].length).fill("");
    note[0] = `Not aged: ${linesAfterAsOf} line${linesAfterAsOf === 1 ? "" : "s"} dated after the as-of date`;
    out.push(note);
  }
  return out;
}

/** PRACTICE.DAYSINAR. */
export function daysInARValue(balances: unknown, datesOfService: unknown, charges: unknown, asOf: unknown, windowDays: unknown): number {
  const asOfDay = dateArg(asOf, "asOf");
  const window = numberArg(windowDays, "windowDays", 90);
  const table = readTable(
    [
      { name: "balances", arg: balances, kind: "money" },
      { name: "datesOfService", arg: datesOfService, kind: "date" },
      { name: "charges", arg: charges, kind: "money" },
    ],
    ["balances", "datesOfService", "charges"],
  );
  const balanceCells = column(table, "balances") as CellValue[];
  const dateCells = column(table, "datesOfService") as CellValue[];
  const chargeCells = column(table, "charges") as CellValue[];
  const problems = new CellProblems();
  const lines: AgingLine[] = [];
  for (let r = table.firstDataRow; r < table.rows; r++) {
    if (rowIsBlank(table, r)) continue;
    const balance = moneyAt(balanceCells, r, "balances", problems);
    const dos = dateAt(dateCells, r, "datesOfService", problems);
    const charge = moneyAt(chargeCells, r, "charges", problems);
    if (dos === null) {
      if ((balance !== 0 || charge !== 0) && isBlankOrZero(dateCells[r])) {
        problems.add("datesOfService", r, "the date of service is blank but the balance or charge is not 0", null);
      }
      continue;
    }
    // balance = charge − (charge − balance): the line keeps both its charge and its balance, exactly.
    lines.push({ dateOfService: dos, charge, insurancePaid: 0, patientPaid: 0, contractualAdjustment: 0, otherAdjustment: charge - balance });
  }
  problems.throwIfAny();
  let result;
  try {
    result = daysInAR(lines, asOfDay, { windowDays: window });
  } catch (e) {
    throw new FunctionInputError("#NUM!", `windowDays: ${e instanceof Error ? e.message : String(e)}`);
  }
  return rateValue(result.daysInAR, `no charges dated in the ${window} days ending on the as-of date`);
}

/** PRACTICE.COLLECTIONRATE. */
export function collectionRateValue(payments: unknown, charges: unknown, contractualAdjustments: unknown, gross: unknown): number {
  const isGross = booleanArg(gross, "gross", false);
  const hasAdjustments = !omitted(contractualAdjustments);
  if (!isGross && !hasAdjustments) {
    throw new FunctionInputError(
      "#VALUE!",
      "the net collection rate needs contractualAdjustments: pass the contractual adjustments range, or TRUE as the 4th argument for the gross rate",
    );
  }
  const table = readTable(
    [
      { name: "payments", arg: payments, kind: "money", wide: true },
      { name: "charges", arg: charges, kind: "money" },
      { name: "contractualAdjustments", arg: contractualAdjustments, kind: "money" },
    ],
    ["payments", "charges"],
  );
  const paymentRows = table.columns.payments.cells;
  const chargeCells = column(table, "charges") as CellValue[];
  const adjustmentCells = column(table, "contractualAdjustments");
  const problems = new CellProblems();
  const lines: CollectionLine[] = [];
  for (let r = table.firstDataRow; r < table.rows; r++) {
    if (rowIsBlank(table, r)) continue;
    const paid = paymentsAt(paymentRows[r], r, problems);
    const charge = moneyAt(chargeCells, r, "charges", problems);
    const contractual = adjustmentCells === undefined ? 0 : moneyAt(adjustmentCells, r, "contractualAdjustments", problems);
    lines.push({ charge, insurancePaid: paid, patientPaid: 0, contractualAdjustment: contractual, otherAdjustment: 0 });
  }
  problems.throwIfAny();
  const rates = collectionRates(lines);
  return isGross
    ? rateValue(rates.grossCollectionRate, "the charges add up to 0")
    : rateValue(rates.netCollectionRate, "charges less contractual adjustments add up to 0");
}

const statusList = CLAIM_STATUSES.join(", ");

/** PRACTICE.DENIALRATE. */
export function denialRateValue(claimIds: unknown, statuses: unknown, charges: unknown, byDollars: unknown): number {
  const dollars = booleanArg(byDollars, "byDollars", false);
  if (dollars && omitted(charges)) {
    throw new FunctionInputError("#VALUE!", "the denial rate by dollars needs the charges range (3rd argument)");
  }
  const table = readTable(
    [
      { name: "claimIds", arg: claimIds, kind: "text" },
      { name: "statuses", arg: statuses, kind: "status", isData: (v) => typeof v === "string" && parseClaimStatus(v) !== null },
      { name: "charges", arg: charges, kind: "money" },
    ],
    ["claimIds", "statuses"],
  );
  const idCells = column(table, "claimIds") as CellValue[];
  const statusCells = column(table, "statuses") as CellValue[];
  const chargeCells = column(table, "charges");
  const problems = new CellProblems();
  const lines: DenialLine[] = [];
  for (let r = table.firstDataRow; r < table.rows; r++) {
    if (rowIsBlank(table, r)) continue;
    const claimId = textAt(idCells, r, "claimIds", problems);
    const statusText = textAt(statusCells, r, "statuses", problems);
    let status: ClaimStatus | null = null;
    if (statusText !== null) {
      status = parseClaimStatus(statusText);
      if (status === null) problems.add("statuses", r, `unknown status (use ${statusList})`, statusCells[r]);
    }
    const charge = chargeCells === undefined ? 0 : moneyAt(chargeCells, r, "charges", problems);
    if (claimId === null) {
      if (isBlankOrZero(idCells[r])) {
        problems.add("claimIds", r, "the claim number is blank", null);
      }
      continue;
    }
    lines.push({ claimId, status, charge });
  }
  problems.throwIfAny();
  const rates = denialRates(lines);
  return dollars
    ? rateValue(rates.denialRateDollars, "the submitted claims' charges add up to 0")
    : rateValue(rates.denialRate, "no claim was submitted (every status is Draft)");
}

/** PRACTICE.DAYSTOPAY: a number without payers, a table per payer with them. */
export function daysToPayResult(startDates: unknown, paymentDates: unknown, payers: unknown, median: unknown): number | Spill {
  const useMedian = booleanArg(median, "median", false);
  const table = readTable(
    [
      { name: "startDates", arg: startDates, kind: "date" },
      { name: "paymentDates", arg: paymentDates, kind: "date" },
      { name: "payers", arg: payers, kind: "text" },
    ],
    ["startDates", "paymentDates"],
  );
  const startCells = column(table, "startDates") as CellValue[];
  const paidCells = column(table, "paymentDates") as CellValue[];
  const payerCells = column(table, "payers");
  const problems = new CellProblems();
  const lines: DaysToPayLine[] = [];
  for (let r = table.firstDataRow; r < table.rows; r++) {
    if (rowIsBlank(table, r)) continue;
    const start = dateAt(startCells, r, "startDates", problems);
    const paid = dateAt(paidCells, r, "paymentDates", problems);
    const payer = payerCells === undefined ? NO_PAYER : (textAt(payerCells, r, "payers", problems) ?? NO_PAYER);
    if (paid === null) continue; // not paid yet (or unreadable, already a problem)
    if (start === null) {
      if (isBlankOrZero(startCells[r])) problems.add("startDates", r, "the start date is blank but the line has a payment date", null);
      continue;
    }
    if (paid < start) {
      problems.add("paymentDates", r, "the payment date is before the start date", paidCells[r]);
      continue;
    }
    // Every line with a payment date is a paid line: the core counts lines with insurance paid > 0.
    lines.push({ payer, dateOfService: start, insurancePaid: 1, lastPaymentDate: paid });
  }
  problems.throwIfAny();
  const result = daysToPay(lines, { from: "dateOfService" });
  if (payerCells === undefined) {
    const value = useMedian ? result.overall.medianDays : result.overall.averageDays;
    return rateValue(value, "no line has a payment date");
  }
  const out: Spill = [["Payer", "Paid lines", "Average days", "Median days"]];
  for (const row of [...result.payers, result.overall]) {
    out.push([row.payer, row.paidLines, rateCell(row.averageDays), rateCell(row.medianDays)]);
  }
  return out;
}

/** PRACTICE.PAYERMIX. */
export function payerMixTable(payers: unknown, charges: unknown, payments: unknown): Spill {
  const table = readTable(
    [
      { name: "payers", arg: payers, kind: "text" },
      { name: "charges", arg: charges, kind: "money" },
      { name: "payments", arg: payments, kind: "money", wide: true },
    ],
    ["payers", "charges", "payments"],
  );
  const payerCells = column(table, "payers") as CellValue[];
  const chargeCells = column(table, "charges") as CellValue[];
  const paymentRows = table.columns.payments.cells;
  const problems = new CellProblems();
  // Each row goes straight into the core's running totals (no line object per row).
  const totals = new PayerMixTotals();
  for (let r = table.firstDataRow; r < table.rows; r++) {
    if (rowIsBlank(table, r)) continue;
    const payer = textAt(payerCells, r, "payers", problems) ?? NO_PAYER;
    const charge = moneyAt(chargeCells, r, "charges", problems);
    const paid = paymentsAt(paymentRows[r], r, problems);
    totals.add(payer, charge, paid);
  }
  problems.throwIfAny();
  const rows = payerMixRows(totals);
  // The Total row adds up the payer rows (exact integer cents): no second pass over the lines.
  let totalCharges = 0;
  let totalPayments = 0;
  for (const row of rows) {
    totalCharges += row.charges;
    totalPayments += row.payments;
  }
  const out: Spill = [["Payer", "Charges", "Share of charges", "Payments", "Share of payments", "Collection ratio"]];
  for (const row of rows) {
    out.push([row.payer, centsToNumber(row.charges), rateCell(row.chargeShare), centsToNumber(row.payments), rateCell(row.paymentShare), rateCell(row.collectionRatio)]);
  }
  out.push([
    "Total",
    centsToNumber(totalCharges),
    rateCell(ratio(totalCharges, totalCharges)),
    centsToNumber(totalPayments),
    rateCell(ratio(totalPayments, totalPayments)),
    rateCell(ratio(totalPayments, totalCharges)),
  ]);
  return out;
}
