/** Shared test data: a claims register as a grid, and report figures built from synthetic lines. */
import { CLAIM_FIELDS, CLAIM_FIELD_HEADERS, type ClaimField, type ClaimLine } from "../../src/core/claims/claimLine";
import { excelSerialFromDay } from "../../src/core/dates/excelSerial";
import { reportFigures, type ReportFigures } from "../../src/core/report/reportFigures";
import { DEFAULT_SAMPLE_AS_OF, syntheticClaimLines } from "../../src/sample";
import type { SimulatedExcel } from "./simulatedExcel";

export type GridCell = string | number | boolean | null;

const dollars = (c: number): number => c / 100;

/** One register row per line, as a practice-management export writes it (money in dollars, dates as serials). */
const CELL: Record<ClaimField, (l: ClaimLine) => GridCell> = {
  claimId: (l) => l.claimId,
  dateOfService: (l) => excelSerialFromDay(l.dateOfService),
  payer: (l) => l.payer,
  charge: (l) => dollars(l.charge),
  insurancePaid: (l) => dollars(l.insurancePaid),
  patientPaid: (l) => dollars(l.patientPaid),
  contractualAdjustment: (l) => dollars(l.contractualAdjustment),
  otherAdjustment: (l) => dollars(l.otherAdjustment),
  allowed: (l) => (l.allowed === null ? null : dollars(l.allowed)),
  cpt: (l) => l.cpt,
  modifiers: (l) => (l.modifiers.length === 0 ? null : l.modifiers.join(" ")),
  units: (l) => l.units,
  placeOfService: (l) => l.placeOfService,
  provider: (l) => l.provider,
  payerClass: (l) => l.payerClass,
  status: (l) => l.status,
  denialReason: (l) => l.denialReason,
  submittedDate: (l) => (l.submittedDate === null ? null : excelSerialFromDay(l.submittedDate)),
  lastPaymentDate: (l) => (l.lastPaymentDate === null ? null : excelSerialFromDay(l.lastPaymentDate)),
};

/** A "Claims Register" grid: header row, then one row per synthetic line. */
export function registerGrid(count: number): GridCell[][] {
  const lines = syntheticClaimLines(count);
  const grid: GridCell[][] = [CLAIM_FIELDS.map((f) => CLAIM_FIELD_HEADERS[f])];
  for (const l of lines) grid.push(CLAIM_FIELDS.map((f) => CELL[f](l)));
  return grid;
}

/** Report figures over `count` synthetic lines, as of the sample's 2026-10-31. */
export function figuresFor(count: number): ReportFigures {
  const lines = syntheticClaimLines(count);
  return reportFigures({ practiceName: "Riverside Family Medicine", asOf: DEFAULT_SAMPLE_AS_OF, lines, rowsRead: lines.length, leftOut: [] });
}

/** The simulator's context, typed as the Office.js context the renderer takes. */
export const excelContext = (sim: SimulatedExcel): Excel.RequestContext => sim.context as unknown as Excel.RequestContext;
