import * as fs from "node:fs";
import * as path from "node:path";
import type { ClaimLine } from "../../src/core/claims/claimLine";
import { dayFromYMD, type Day } from "../../src/core/dates/day";
import { centsFromDollars } from "../../src/core/money/cents";

export const SAMPLES = path.join(__dirname, "fixtures", "samples");

/** A sample 835 (see fixtures/samples/README.md for where they come from). */
export function sample(name: string): { name: string; text: string } {
  return { name, text: fs.readFileSync(path.join(SAMPLES, name), "utf8") };
}

export function day(iso: string): Day {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromYMD(y, m, d) as Day;
}

/** A register line; money given in dollars as text ("800.00"), converted exactly. */
export function line(row: number, claimId: string, dos: string, cpt: string, charge: string, more: Partial<Record<"insurancePaid" | "contractualAdjustment" | "otherAdjustment" | "patientPaid", string>> & { modifiers?: string[]; status?: ClaimLine["status"] } = {}): ClaimLine {
  const c = (v: string | undefined) => (v === undefined ? 0 : centsFromDollars(v));
  return {
    row, claimId, dateOfService: day(dos), payer: "Acme Health", charge: c(charge), insurancePaid: c(more.insurancePaid), patientPaid: c(more.patientPaid),
    contractualAdjustment: c(more.contractualAdjustment), otherAdjustment: c(more.otherAdjustment), allowed: null, cpt, modifiers: more.modifiers ?? [],
    units: 1, placeOfService: "11", provider: "Dr. Lee", payerClass: "Commercial", status: more.status ?? "Submitted", denialReason: null,
    submittedDate: null, lastPaymentDate: null,
  };
}

export interface Envelope {
  element?: string;
  component?: string;
  repetition?: string;
  terminator?: string;
}

/**
 * An 835 interchange around the given transactions (each a list of segments between ST and SE,
 * written with "*" and ":" and "~"-free): ISA (fixed length, delimiters as asked), GS, ST … SE with
 * the right segment count, GE, IEA. Segments are written with "*" for elements and the element
 * separator is substituted, so a test can switch delimiters.
 */
export function x12(transactions: string[][], e: Envelope = {}): string {
  const el = e.element ?? "*";
  const term = e.terminator ?? "~";
  const rep = e.repetition ?? "^";
  const comp = e.component ?? ":";
  const pad = (s: string, n: number) => s.padEnd(n, " ");
  const isa = ["ISA", "00", pad("", 10), "00", pad("", 10), "ZZ", pad("PAYER", 15), "ZZ", pad("PRACTICE", 15), "261015", "1200", rep, "00501", "000000001", "0", "P", comp].join(el);
  const segs: string[] = [isa, ["GS", "HP", "PAYER", "PRACTICE", "20261015", "1200", "1", "X", "005010X221A1"].join(el)];
  transactions.forEach((body, i) => {
    const st = `ST*835*${String(i + 1).padStart(4, "0")}`;
    const all = [st, ...body, `SE*${body.length + 2}*${String(i + 1).padStart(4, "0")}`];
    segs.push(...all.map((s) => s.split("*").join(el)));
  });
  segs.push(["GE", String(transactions.length), "1"].join(el), ["IEA", "1", "000000001"].join(el));
  return segs.map((s) => `${s}${term}\n`).join("");
}

/** BPR, TRN, N1*PR and N1*PE of a transaction paying `amount` on 2026-10-15. */
export function header(amount: string, trn: string, payerId = "1999999999"): string[] {
  return [
    `BPR*I*${amount}*C*ACH*CCP*01*999999999*DA*123456*${payerId}**01*888888888*DA*654321*20261015`,
    `TRN*1*${trn}*${payerId}`,
    "DTM*405*20261015",
    "N1*PR*ACME HEALTH",
    "N1*PE*RIVERSIDE FAMILY MEDICINE*XX*1234567893",
  ];
}
