import fc from "fast-check";
import { workbookReport } from "../../../src/core/report/workbookReport";
import type { ReportSummaryJson } from "../../../src/core/report/summaryJson";
import { dayFromYMD, isoFromDay, ymdFromDay, type Day } from "../../../src/core/dates/day";
import { excelSerialFromDay } from "../../../src/core/dates/excelSerial";
import { parseCsv } from "../../../src/files/csv";

// Layout invariance (issue 8): the same claim lines written in every layout read back to the
// same summary figures, to the cent. The expected figures are summed here from the generated
// cents (definitions.md: balance = charge − payments − adjustments), not taken from the code.

const asOf = dayFromYMD(2026, 10, 31) as Day;
const PAYERS = ["Aetna PPO", "Medicare Part B", "Cigna", "Self-pay"];
const CODES = ["99213", "99214", "20610", "17110"];
const MODS = ["", "25", "50", "25 59"];

interface Line { claim: number; line: number; dos: Day; payer: string; cpt: string; mods: string; charge: number; ins: number; pt: number; refund: number; co: number; oa: number }

const claimArb = fc.record({
  dos: fc.integer({ min: 0, max: 300 }),
  payer: fc.constantFrom(...PAYERS),
  lines: fc.array(fc.record({
    mods: fc.constantFrom(...MODS),
    charge: fc.integer({ min: 100, max: 500000 }),
    ins: fc.integer({ min: 0, max: 300000 }),
    pt: fc.integer({ min: 0, max: 20000 }),
    refund: fc.integer({ min: 0, max: 3000 }),
    co: fc.integer({ min: 0, max: 200000 }),
    oa: fc.integer({ min: 0, max: 5000 }),
  }), { minLength: 1, maxLength: 3 }),
});

interface ClaimIn { dos: number; payer: string; lines: { mods: string; charge: number; ins: number; pt: number; refund: number; co: number; oa: number }[] }

function linesOf(claims: ClaimIn[]): Line[] {
  const out: Line[] = [];
  claims.forEach((c, i) => c.lines.forEach((l, j) => out.push({
    claim: 100 + i, line: j + 1, dos: (asOf - c.dos) as Day, payer: c.payer, cpt: CODES[j], mods: l.mods,
    charge: l.charge, ins: c.payer === "Self-pay" ? 0 : l.ins, pt: l.pt, refund: Math.min(l.refund, l.pt), co: l.co, oa: l.oa,
  })));
  return out;
}

const dollars = (c: number): string => (c / 100).toFixed(2);
const textMoney = (c: number): string => `${c < 0 ? "-" : ""}$${Math.abs(c / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
const usDate = (d: Day): string => { const y = ymdFromDay(d); return `${y.month}/${y.day}/${y.year}`; };
const cptCell = (l: Line): string => (l.mods === "" ? l.cpt : `${l.cpt}-${l.mods.replace(" ", "-")}`);
const balance = (l: Line): number => l.charge - l.ins - l.pt - l.co - l.oa;

/** Line-level .xlsx grid: numbers, serial dates with a time part, CPT-modifier cells, a title line. */
function lineGrid(lines: Line[]): unknown[][] {
  return [["Charge Detail"], ["Claim #", "DOS", "Payer", "Procedure", "Charge", "Ins Paid", "Pt Paid", "Contractual Adj", "Other Adj"],
    ...lines.map((l) => [l.claim, excelSerialFromDay(l.dos) + 0.375, l.payer, cptCell(l), l.charge / 100, l.ins / 100, l.pt / 100, l.co / 100, l.oa / 100])];
}

/** Line-level .csv: text money ("$1,234.50"), US dates, modifiers in Modifier 1..2 columns. */
function lineCsv(lines: Line[]): unknown[][] {
  const q = (s: string): string => `"${s}"`;
  const text = ["Claim No,Date of Service,Primary Insurance,CPT,Modifier 1,Modifier 2,Charges,Insurance Payments,Patient Payments,Adjustments,Write Off",
    ...lines.map((l) => { const m = l.mods.split(" "); return [`K${l.claim}`, usDate(l.dos), q(l.payer), l.cpt, m[0] ?? "", m[1] ?? "", q(textMoney(l.charge)), q(textMoney(l.ins)), q(textMoney(l.pt)), q(textMoney(l.co)), q(textMoney(l.oa))].join(","); })].join("\r\n");
  return parseCsv(text);
}

/** OpenEMR Collections Report: one row per encounter, Paid = all payments, Adjust = all adjustments, no minus signs, blank Insurance for self-pay, trailing comma. */
function openEmr(lines: Line[]): unknown[][] {
  const byClaim = new Map<number, Line[]>();
  for (const l of lines) byClaim.set(l.claim, [...(byClaim.get(l.claim) ?? []), l]);
  const rows = [...byClaim.values()].map((ls) => {
    const sum = (f: (l: Line) => number): number => ls.reduce((n, l) => n + f(l), 0);
    const payer = ls[0].payer === "Self-pay" ? "" : ls[0].payer;
    return [payer, "Doe, J", "1970-01-01", "", "", `7.${ls[0].claim}`, isoFromDay(ls[0].dos), "", "Lee", dollars(sum((l) => l.charge)), dollars(sum((l) => l.co + l.oa)),
      dollars(sum((l) => l.ins + l.pt)), dollars(Math.abs(sum(balance))), "1"].map((c) => `"${c}"`).join(",") + ",";
  });
  return parseCsv([`"Insurance","Name","DOB","Policy","Phone","Invoice","DOS","Referrer","Provider","Charge","Adjust","Paid","Balance","Aging Days",`, ...rows].join("\n"));
}

/** Transaction ledger: a charge row per line, then payments, a patient refund, adjustments (CO/OA), payments as negative credits. */
function ledger(lines: Line[]): unknown[][] {
  const rows: unknown[][] = [["Claim ID", "Charge Line", "Transaction Type", "Post Date", "DOS", "Payer", "CPT", "Amount", "Group Code"]];
  for (const l of lines) {
    const date = isoFromDay(l.dos);
    rows.push([`T${l.claim}`, l.line, "Charge", date, date, l.payer, cptCell(l), dollars(l.charge), ""]);
    if (l.ins > 0) rows.push([`T${l.claim}`, l.line, "Insurance Payment", date, "", "", "", dollars(-l.ins), ""]);
    if (l.pt + l.refund > 0) rows.push([`T${l.claim}`, l.line, "Patient Payment", date, "", "", "", dollars(-(l.pt + l.refund)), ""]);
    if (l.refund > 0) rows.push([`T${l.claim}`, l.line, "Patient Refund", date, "", "", "", dollars(l.refund), ""]);
    if (l.co > 0) rows.push([`T${l.claim}`, l.line, "Adjustment", date, "", "", "", dollars(-l.co), "CO"]);
    if (l.oa > 0) rows.push([`T${l.claim}`, l.line, "Adjustment", date, "", "", "", dollars(-l.oa), "OA"]);
  }
  return rows;
}

function figures(s: ReportSummaryJson): unknown {
  return {
    ar: s.ar.total, buckets: s.ar.buckets.map((b) => b.amount), charges: s.kpis.charges, payments: s.kpis.payments,
    adjustments: dollars(Math.round(Number(s.kpis.contractualAdjustments) * 100) + Math.round(Number(s.kpis.otherAdjustments) * 100)),
    payers: s.payerMix.map((p) => [p.payer, p.charges, p.payments]).sort(),
  };
}

test("every layout reads back to the same figures, to the cent", () => {
  fc.assert(fc.property(fc.array(claimArb, { minLength: 1, maxLength: 6 }), (claims) => {
    const lines = linesOf(claims);
    const sum = (f: (l: Line) => number): number => lines.reduce((n, l) => n + f(l), 0);
    const expected = { ar: dollars(sum(balance)), charges: dollars(sum((l) => l.charge)), payments: dollars(sum((l) => l.ins + l.pt)) };
    const layouts: [string, unknown[][]][] = [["xlsx", lineGrid(lines)], ["csv", lineCsv(lines)], ["openemr", openEmr(lines)], ["ledger", ledger(lines)]];
    const results = layouts.map(([name, grid]) => {
      const r = workbookReport([{ name, grid: grid as unknown[][] }], { asOf });
      expect({ layout: name, leftOut: r.summary.claims.leftOut }).toEqual({ layout: name, leftOut: [] });
      return figures(r.summary) as { ar: string; charges: string; payments: string };
    });
    expect(results[0]).toMatchObject(expected);
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
  }), { numRuns: 25 });
});
