/**
 * The figures the benchmark computes with the core, flattened under the same names the peer's
 * Report sheet uses (bench/peer.ts), and the comparison of the two.
 */
import type Decimal from "decimal.js";
import type { ArAging, DaysInAR } from "../src/core/aging";
import type { ClaimLine } from "../src/core/claims/claimLine";
import type { Day } from "../src/core/dates/day";
import type { CollectionRates, DenialRates } from "../src/core/kpis";
import { payerKey, type PayerMixRow } from "../src/core/payerMix";
import { reportFigures } from "../src/core/report/reportFigures";

export type FigureKind = "money" | "count" | "rate" | "days";

/** One figure: money in cents, counts, rates and days as numbers from the exact Decimal (null = none). */
export interface CoreFigure {
  name: string;
  kind: FigureKind;
  value: number | null;
}

export interface CoreResults {
  periodLines: number;
  aging: ArAging;
  days: DaysInAR;
  collection: CollectionRates;
  denials: DenialRates;
  mix: PayerMixRow[];
}

/**
 * The figures the peers compute, as the report computes them (reportFigures: the fast path over
 * columns), so the peers check what is timed.
 */
export function computeCoreResults(lines: readonly ClaimLine[], asOf: Day): CoreResults {
  const r = reportFigures({ practiceName: "Benchmark", asOf, lines, rowsRead: lines.length, leftOut: [] });
  return { periodLines: r.periodLines, aging: r.aging, days: r.daysInAR, collection: r.collections, denials: r.denials, mix: r.payerMix };
}

const num = (d: Decimal | null): number | null => (d === null ? null : d.toNumber());

export function flattenCoreResults(r: CoreResults): CoreFigure[] {
  const out: CoreFigure[] = [];
  const add = (name: string, kind: FigureKind, value: number | null): void => {
    out.push({ name, kind, value });
  };
  add("aging.total", "money", r.aging.total);
  add("aging.creditBalances", "money", r.aging.creditBalances);
  for (const b of r.aging.buckets) {
    add(`aging.bucket[${b.label}].amount`, "money", b.amount);
    add(`aging.bucket[${b.label}].lines`, "count", b.lines);
  }
  add("aging.over90", "money", r.aging.over90);
  add("aging.over120", "money", r.aging.over120);
  add("aging.over90Share", "rate", num(r.aging.over90Share));
  add("aging.over120Share", "rate", num(r.aging.over120Share));
  add("aging.linesAged", "count", r.aging.linesAged);
  add("aging.linesAfterAsOf", "count", r.aging.linesAfterAsOf);
  add("daysInAR.windowCharges", "money", r.days.windowCharges);
  add("daysInAR.daysInAR", "days", num(r.days.daysInAR));
  add("collection.charges", "money", r.collection.charges);
  add("collection.payments", "money", r.collection.payments);
  add("collection.contractualAdjustments", "money", r.collection.contractualAdjustments);
  add("collection.otherAdjustments", "money", r.collection.otherAdjustments);
  add("collection.grossCollectionRate", "rate", num(r.collection.grossCollectionRate));
  add("collection.netCollectionRate", "rate", num(r.collection.netCollectionRate));
  add("denials.submittedClaims", "count", r.denials.submittedClaims);
  add("denials.deniedClaims", "count", r.denials.deniedClaims);
  add("denials.denialRate", "rate", num(r.denials.denialRate));
  add("denials.submittedCharges", "money", r.denials.submittedCharges);
  add("denials.deniedCharges", "money", r.denials.deniedCharges);
  add("denials.denialRateDollars", "rate", num(r.denials.denialRateDollars));
  let charges = 0;
  let payments = 0;
  for (const row of r.mix) {
    charges += row.charges;
    payments += row.payments;
  }
  add("payerMix.totalCharges", "money", charges);
  add("payerMix.totalPayments", "money", payments);
  for (const row of r.mix) {
    const key = payerKey(row.payer);
    add(`payerMix[${key}].charges`, "money", row.charges);
    add(`payerMix[${key}].payments`, "money", row.payments);
    add(`payerMix[${key}].chargeShare`, "rate", num(row.chargeShare));
    add(`payerMix[${key}].paymentShare`, "rate", num(row.paymentShare));
    add(`payerMix[${key}].collectionRatio`, "rate", num(row.collectionRatio));
  }
  return out;
}

export interface Agreement {
  name: string;
  kind: FigureKind;
  core: number | null;
  peer: number | null;
  agree: boolean;
}

/**
 * Core against peer, figure by figure. Money: the peer's dollars (binary floating point, about
 * 10-15 significant digits) rounded to the cent must equal the core's cents. Counts: equal.
 * Rates and days: within 1e-9 × max(1, |value|) of the core's exact value (HyperFormula shows
 * 10-11 significant digits). A missing figure on either side is a disagreement.
 */
export function compareFigures(core: readonly CoreFigure[], peer: ReadonlyMap<string, number | null>): Agreement[] {
  return core.map((f) => {
    const p = peer.has(f.name) ? (peer.get(f.name) as number | null) : undefined;
    let agree: boolean;
    if (p === undefined) agree = false;
    else if (f.value === null || p === null) agree = f.value === null && p === null;
    else if (f.kind === "money") agree = Math.round(p * 100) === f.value;
    else if (f.kind === "count") agree = p === f.value;
    else agree = Math.abs(p - f.value) <= 1e-9 * Math.max(1, Math.abs(f.value));
    return { name: f.name, kind: f.kind, core: f.value, peer: p ?? null, agree };
  });
}
