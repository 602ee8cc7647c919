import { dayFromYMD, type Day } from "../dates/day";
import { readAmount, readDate8 } from "./amounts";
import { readProcedure, splitComposite } from "./composite";
import { readDelimiters, type Delimiters } from "./delimiters";
import { el, splitSegments, type Segment } from "./segments";
import type { Adjustment, ClaimPayment, EraIssue, RemittanceFile, RemittanceTransaction, ServiceLine } from "./types";

/** Segments of the 835 that posting does not need; read past without comment. */
const KNOWN_UNUSED = new Set(["GS", "GE", "IEA", "N2", "N3", "N4", "REF", "PER", "RDM", "TS3", "TS2", "MIA", "MOA", "QTY", "CUR", "NM1", "LX", "RAS"]);

/** State while reading one transaction. */
interface Reading {
  tx: RemittanceTransaction;
  claim: ClaimPayment | null;
  line: ServiceLine | null;
  stPosition: number;
  segments: number;
}

/**
 * Reads one 835 interchange (005010X221A1) into transactions: delimiters from the ISA, several
 * ST/SE transactions, the segments posting needs (BPR, TRN, N1 PR/PE, CLP, CAS, DTM, SVC, AMT B6,
 * LQ, PLB). Never throws: what cannot be read is an issue with the segment and its position, and a
 * transaction holding an unreadable amount is marked so that it is refused, not posted.
 */
export function readRemittance(file: string, text: string): RemittanceFile {
  const issues: EraIssue[] = [];
  const found = readDelimiters(text);
  if (found.kind === "invalid") return { file, transactions: [], issues: [{ file, segment: "ISA", position: found.message.startsWith("not an X12") ? 0 : 1, message: found.message }] };
  const d = found.delimiters;
  const segments = splitSegments(text, found.isaStart, d);
  const transactions: RemittanceTransaction[] = [];
  let r: Reading | null = null;
  const issue = (s: Segment, message: string): void => {
    issues.push({ file, segment: s.id, position: s.position, message });
  };
  for (const s of segments) {
    if (s.id === "ST") {
      if (r !== null) issue(s, "ST before the SE of the previous transaction; the previous one was closed here");
      if (el(s, 1) !== "835") issue(s, `transaction set ${el(s, 1) || "(blank)"} is not an 835; its segments were read as one`);
      r = { tx: emptyTransaction(file, s), claim: null, line: null, stPosition: s.position, segments: 0 };
      transactions.push(r.tx);
    }
    if (s.id === "ISA" && s.position > 1 && el(s, 16) !== d.component) {
      issue(s, `a second interchange declares the component separator "${el(s, 16)}" (ISA16), the first "${d.component}": it is read with the first's delimiters`);
    }
    if (r === null) {
      if (s.id === "GS" && el(s, 8) !== "" && !el(s, 8).startsWith("005010X221")) issue(s, `GS08 "${el(s, 8)}": not 005010X221A1; read as such`);
      else if (!["ISA", "GS", "GE", "IEA"].includes(s.id)) issue(s, "segment outside a transaction (ST … SE); not read");
      continue;
    }
    r.segments++;
    if (s.id === "SE") {
      const count = Number(el(s, 1));
      if (count !== r.segments) issue(s, `SE01 says ${el(s, 1)} segments, the transaction has ${r.segments}`);
      r = null;
      continue;
    }
    readSegment(s, r, d, issue);
  }
  if (r !== null) issues.push({ file, segment: "ST", position: r.stPosition, message: "transaction has no SE: the file may be cut short" });
  return { file, transactions, issues };
}

function emptyTransaction(file: string, st: Segment): RemittanceTransaction {
  return {
    file, position: st.position, controlNumber: el(st, 2), payment: 0, paymentPosition: 0, paymentDate: null, trn: null, payerId: null, payerName: null,
    claims: [], providerAdjustments: [], unreadable: [],
  };
}

type Report = (s: Segment, message: string) => void;

function readSegment(s: Segment, r: Reading, d: Delimiters, issue: Report): void {
  const tx = r.tx;
  const amount = (n: number, name: string, required: boolean): number => {
    const a = readAmount(s.elements[n]);
    if (a.kind === "value") return a.cents;
    if (a.kind === "blank" && !required) return 0;
    const message = `${name}: ${a.kind === "blank" ? "blank" : a.message}`;
    tx.unreadable.push({ file: tx.file, segment: s.id, position: s.position, message });
    issue(s, message);
    return 0;
  };
  switch (s.id) {
    case "ST": return;
    case "BPR":
      tx.payment = amount(2, "BPR02", true);
      tx.paymentPosition = s.position;
      tx.paymentDate = dayOf(el(s, 16));
      if (tx.paymentDate === null && el(s, 16) !== "") issue(s, `BPR16 "${el(s, 16)}" is not a date (CCYYMMDD); the payment date is left blank`);
      return;
    case "TRN":
      tx.trn = el(s, 2) || null;
      if (el(s, 3) !== "") tx.payerId = el(s, 3);
      return;
    case "N1":
      if (el(s, 1) === "PR") {
        tx.payerName = el(s, 2) || null;
        if (tx.payerId === null && el(s, 4) !== "") tx.payerId = el(s, 4);
      }
      return;
    case "CLP": {
      const pr = readAmount(s.elements[5]);
      const claim: ClaimPayment = {
        position: s.position, claimId: el(s, 1), status: el(s, 2), charge: amount(3, "CLP03", true), paid: amount(4, "CLP04", true),
        patientResponsibility: pr.kind === "value" ? pr.cents : null, statementFrom: null, adjustments: [], lines: [],
      };
      if (claim.claimId === "") issue(s, "CLP01 (the claim number) is blank; the claim cannot be matched");
      tx.claims.push(claim);
      r.claim = claim;
      r.line = null;
      return;
    }
    case "CAS": {
      const target = r.line ?? r.claim;
      if (target === null) { issue(s, "CAS outside a claim; not read"); return; }
      target.adjustments.push(...readCas(s, amount));
      return;
    }
    case "SVC":
      readSvc(s, r, d, amount, issue);
      return;
    case "DTM": readDtm(s, r); return;
    case "AMT":
      if (r.line !== null && el(s, 1) === "B6") r.line.allowed = amount(2, "AMT02 (allowed)", true);
      return;
    case "LQ":
      if (r.line !== null && el(s, 2) !== "") r.line.remarks.push(el(s, 2));
      return;
    case "PLB":
      readPlb(s, r, d, amount, issue);
      r.claim = null;
      r.line = null;
      return;
    default:
      if (!KNOWN_UNUSED.has(s.id) && s.id !== "DTM") issue(s, `segment ${s.id} is not part of an 835; not read`);
  }
}

function readCas(s: Segment, amount: (n: number, name: string, required: boolean) => number): Adjustment[] {
  const group = el(s, 1).toUpperCase();
  const out: Adjustment[] = [];
  // Up to six triplets (reason, amount, quantity): CAS02-04, 05-07, … 17-19.
  for (let t = 0; t < 6; t++) {
    const at = 2 + t * 3;
    const reason = el(s, at);
    if (reason === "" && el(s, at + 1) === "") continue;
    out.push({ group, reason: reason.toUpperCase(), amount: amount(at + 1, `CAS${String(at + 1).padStart(2, "0")}`, true), position: s.position });
  }
  return out;
}

function readSvc(s: Segment, r: Reading, d: Delimiters, amount: (n: number, name: string, required: boolean) => number, issue: Report): void {
  if (r.claim === null) { issue(s, "SVC outside a claim; not read"); return; }
  const proc = readProcedure(el(s, 1), d.component, "SVC01");
  if (proc.kind === "invalid") issue(s, proc.message);
  if (proc.kind === "blank") issue(s, "SVC01 (the procedure) is blank");
  const original = readProcedure(el(s, 6), d.component, "SVC06");
  if (original.kind === "invalid") issue(s, original.message);
  const units = el(s, 5) === "" ? null : Number(el(s, 5));
  const line: ServiceLine = {
    position: s.position, procedure: proc.kind === "value" ? proc.procedure : null, procedureText: el(s, 1),
    charge: amount(2, "SVC02", true), paid: amount(3, "SVC03", true), revenueCode: el(s, 4) || null,
    units: units !== null && Number.isFinite(units) ? units : null, original: original.kind === "value" ? original.procedure : null,
    dateOfService: null, adjustments: [], allowed: null, remarks: [],
  };
  r.claim.lines.push(line);
  r.line = line;
}

function readDtm(s: Segment, r: Reading): void {
  const q = el(s, 1);
  const day = dayOf(el(s, 2));
  if (r.line !== null && (q === "472" || q === "150") && r.line.dateOfService === null) r.line.dateOfService = day;
  else if (r.line === null && r.claim !== null && q === "232") r.claim.statementFrom = day;
}

function readPlb(s: Segment, r: Reading, d: Delimiters, amount: (n: number, name: string, required: boolean) => number, issue: Report): void {
  // Up to six adjustments: PLB03-04, 05-06, … 13-14 (composite reason:reference, amount).
  for (let t = 0; t < 6; t++) {
    const at = 3 + t * 2;
    const composite = el(s, at);
    if (composite === "" && el(s, at + 1) === "") continue;
    const split = splitComposite(composite, d.component, `PLB${String(at).padStart(2, "0")}`);
    if (split.kind === "invalid") issue(s, split.message);
    const [reason, reference] = split.kind === "value" ? split.components : [composite, undefined];
    r.tx.providerAdjustments.push({ position: s.position, reason, reference: reference ?? null, amount: amount(at + 1, `PLB${String(at + 1).padStart(2, "0")}`, true) });
  }
}

function dayOf(text: string): Day | null {
  const ymd = readDate8(text);
  return ymd === null ? null : dayFromYMD(ymd[0], ymd[1], ymd[2]);
}
