/**
 * The peer engine: the same figures computed by HyperFormula (GPL-v3 licence key; a
 * devDependency) from native formulas (SUMIFS / COUNTIFS) over the same lines stored as values,
 * the way a practice manager would build the report in a spreadsheet without the add-in.
 *
 * Data sheet, one row per claim line (row 1 is the header):
 *   A DOS (Excel serial) | B payer | C charge | D insurance paid | E patient paid | F contractual adj
 *   G other adj | H balance | I status | J claim id
 * and four helper formula columns for the claims-level denial rate (definitions.md "Denials": a
 * claim is submitted when any line is not Draft, denied when any line is Denied). Distinct counts
 * have no native formula that scales, so, as a spreadsheet user would, they run down the register
 * with the lines of a claim listed together (checked before building; see claimsAreContiguous):
 *   K =IF(I="Denied",1,IF(J=J_above,K_above,0))      claim denied so far
 *   L =IF(I<>"Draft",1,IF(J=J_above,L_above,0))      claim submitted so far
 *   M =IF(J=J_above,M_above,0)+C                      claim charges so far
 *   N =IF(J=J_below,0,1)                              last line of its claim
 * so a claim's last line carries the claim's flags and charges (COUNTIFS / SUMIFS on N = 1).
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import type { ClaimLine } from "../src/core/claims/claimLine";
import type { Day } from "../src/core/dates/day";
import { excelSerialFromDay } from "../src/core/dates/excelSerial";
import { DEFAULT_AGING_BUCKETS } from "../src/core/aging/agingBuckets";
import { payerKey } from "../src/core/payerMix/payerKey";
import { collectGarbage, sampleMemory } from "./measure";

export const PEER_CONFIG = { licenseKey: "gpl-v3", maxRows: 1_048_576, maxColumns: 64 } as const;

/** The cells of the Data sheet (values only, or values with the helper formulas). */
export function peerDataRows(lines: readonly ClaimLine[], withHelpers: boolean): RawCellContent[][] {
  const rows: RawCellContent[][] = new Array(lines.length + 1);
  rows[0] = ["DOS", "Payer", "Charge", "Insurance Paid", "Patient Paid", "Contractual Adj", "Other Adj", "Balance", "Status", "Claim ID"];
  if (withHelpers) rows[0].push("Claim denied", "Claim submitted", "Claim charges", "Last line");
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const balance = l.charge - l.insurancePaid - l.patientPaid - l.contractualAdjustment - l.otherAdjustment;
    // Dollars as Excel stores them: the double nearest to x.yy (cents / 100).
    const row: RawCellContent[] = [
      excelSerialFromDay(l.dateOfService), l.payer, l.charge / 100, l.insurancePaid / 100, l.patientPaid / 100,
      l.contractualAdjustment / 100, l.otherAdjustment / 100, balance / 100, l.status, l.claimId,
    ];
    if (withHelpers) {
      const r = i + 2; // sheet row of this line
      const up = r - 1;
      row.push(
        `=IF(I${r}="Denied",1,IF(J${r}=J${up},K${up},0))`,
        `=IF(I${r}<>"Draft",1,IF(J${r}=J${up},L${up},0))`,
        `=IF(J${r}=J${up},M${up},0)+C${r}`,
        `=IF(J${r}=J${r + 1},0,1)`,
      );
    }
    rows[i + 1] = row;
  }
  return rows;
}

/** True when every claim's lines are listed together (the helper columns rely on it). */
export function claimsAreContiguous(lines: readonly Pick<ClaimLine, "claimId">[]): boolean {
  const seen = new Set<string>();
  let last: string | null = null;
  for (const l of lines) {
    if (l.claimId === last) continue;
    if (seen.has(l.claimId)) return false;
    seen.add(l.claimId);
    last = l.claimId;
  }
  return true;
}

/** One figure of the report: where the peer computes it, and how to compare it. */
export interface PeerFigure {
  name: string;
  kind: "money" | "count" | "rate" | "days";
  row: number; // 0-based row on the Report sheet (column B holds the formula)
}

export interface PeerReport {
  sheet: RawCellContent[][];
  /** Figures compared with the core. */
  figures: PeerFigure[];
  /** Figures shown for information only (the core has no line-level denial count). */
  info: PeerFigure[];
}

/**
 * The Report sheet: B1 as-of date, B2 first day of the period (serials), then one formula per
 * figure in column B, labelled in column A.
 */
export function peerReportSheet(count: number, asOf: Day, periodFrom: Day, payers: readonly string[]): PeerReport {
  const last = count + 1;
  const col = (c: string): string => `Data!$${c}$2:$${c}$${last}`;
  const [A, B, C, D, E, F, G, H, I, K, L, M, N] = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "K", "L", "M", "N"].map(col);
  const sheet: RawCellContent[][] = [
    ["As of", excelSerialFromDay(asOf)],
    ["Period from", excelSerialFromDay(periodFrom)],
  ];
  const figures: PeerFigure[] = [];
  const info: PeerFigure[] = [];
  const add = (name: string, kind: PeerFigure["kind"], formula: string): string => {
    figures.push({ name, kind, row: sheet.length });
    sheet.push([name, formula]);
    return `$B$${sheet.length}`;
  };
  const asOfRef = "$B$1";
  const fromRef = "$B$2";
  const inPeriod = `${A},">="&${fromRef},${A},"<="&${asOfRef}`;

  // A/R and aging (definitions.md "A/R and aging"): DOS ≤ D; age = D − DOS.
  const arTotal = add("aging.total", "money", `=SUMIFS(${H},${A},"<="&${asOfRef})`);
  add("aging.creditBalances", "money", `=SUMIFS(${H},${A},"<="&${asOfRef},${H},"<0")`);
  for (const b of DEFAULT_AGING_BUCKETS) {
    // Age from…to ⇔ DOS from D − to … D − from.
    const range = b.to === null ? `${A},"<="&(${asOfRef}-${b.from})` : `${A},">="&(${asOfRef}-${b.to}),${A},"<="&(${asOfRef}-${b.from})`;
    add(`aging.bucket[${b.label}].amount`, "money", `=SUMIFS(${H},${range})`);
    add(`aging.bucket[${b.label}].lines`, "count", `=COUNTIFS(${range},${H},"<>0")`);
  }
  const over90 = add("aging.over90", "money", `=SUMIFS(${H},${A},"<="&(${asOfRef}-91))`);
  const over120 = add("aging.over120", "money", `=SUMIFS(${H},${A},"<="&(${asOfRef}-121))`);
  add("aging.over90Share", "rate", `=IF(${arTotal}=0,"",${over90}/${arTotal})`);
  add("aging.over120Share", "rate", `=IF(${arTotal}=0,"",${over120}/${arTotal})`);
  add("aging.linesAged", "count", `=COUNTIFS(${A},"<="&${asOfRef})`);
  add("aging.linesAfterAsOf", "count", `=COUNTIFS(${A},">"&${asOfRef})`);

  // Days in A/R (definitions.md "Days in A/R"): A/R ÷ (Σ charge of DOS in D−89 … D ÷ 90).
  const window = add("daysInAR.windowCharges", "money", `=SUMIFS(${C},${A},">="&(${asOfRef}-89),${A},"<="&${asOfRef})`);
  add("daysInAR.daysInAR", "days", `=IF(${window}=0,"",${arTotal}/(${window}/90))`);

  // Collection rates over the period lines (definitions.md "Collection rates").
  const charges = add("collection.charges", "money", `=SUMIFS(${C},${inPeriod})`);
  const payments = add("collection.payments", "money", `=SUMIFS(${D},${inPeriod})+SUMIFS(${E},${inPeriod})`);
  const contractual = add("collection.contractualAdjustments", "money", `=SUMIFS(${F},${inPeriod})`);
  add("collection.otherAdjustments", "money", `=SUMIFS(${G},${inPeriod})`);
  add("collection.grossCollectionRate", "rate", `=IF(${charges}=0,"",${payments}/${charges})`);
  add("collection.netCollectionRate", "rate", `=IF(${charges}-${contractual}=0,"",${payments}/(${charges}-${contractual}))`);

  // Denials, claims level through the helper columns (last line of each claim, N = 1).
  const submitted = add("denials.submittedClaims", "count", `=COUNTIFS(${N},1,${L},1,${inPeriod})`);
  const denied = add("denials.deniedClaims", "count", `=COUNTIFS(${N},1,${K},1,${inPeriod})`);
  add("denials.denialRate", "rate", `=IF(${submitted}=0,"",${denied}/${submitted})`);
  const submittedCharges = add("denials.submittedCharges", "money", `=SUMIFS(${M},${N},1,${L},1,${inPeriod})`);
  const deniedCharges = add("denials.deniedCharges", "money", `=SUMIFS(${M},${N},1,${K},1,${inPeriod})`);
  add("denials.denialRateDollars", "rate", `=IF(${submittedCharges}=0,"",${deniedCharges}/${submittedCharges})`);
  // Line level, for reference only (not compared: the core counts claims).
  info.push({ name: "denials.deniedLines", kind: "count", row: sheet.length });
  sheet.push(["denials.deniedLines (line level)", `=COUNTIFS(${I},"Denied",${inPeriod})`]);
  info.push({ name: "denials.periodLines", kind: "count", row: sheet.length });
  sheet.push(["denials.periodLines (line level)", `=COUNTIFS(${inPeriod})`]);

  // Payer mix over the period lines (definitions.md "Payer mix"); SUMIFS matches text criteria
  // case-insensitively, as the definition compares names.
  const totalCharges = add("payerMix.totalCharges", "money", `=SUMIFS(${C},${inPeriod})`);
  const totalPayments = add("payerMix.totalPayments", "money", `=SUMIFS(${D},${inPeriod})+SUMIFS(${E},${inPeriod})`);
  for (const payer of payers) {
    const name = `"${payer.replace(/"/g, '""')}"`;
    const key = payerKey(payer);
    const pc = add(`payerMix[${key}].charges`, "money", `=SUMIFS(${C},${B},${name},${inPeriod})`);
    const pp = add(`payerMix[${key}].payments`, "money", `=SUMIFS(${D},${B},${name},${inPeriod})+SUMIFS(${E},${B},${name},${inPeriod})`);
    add(`payerMix[${key}].chargeShare`, "rate", `=IF(${totalCharges}=0,"",${pc}/${totalCharges})`);
    add(`payerMix[${key}].paymentShare`, "rate", `=IF(${totalPayments}=0,"",${pp}/${totalPayments})`);
    add(`payerMix[${key}].collectionRatio`, "rate", `=IF(${pc}=0,"",${pp}/${pc})`);
  }
  return { sheet, figures, info };
}

export interface PeerRun {
  /** buildFromSheets of values + formulas, evaluation included (wall clock). */
  buildMs: number;
  /** CPU time of this process during the build. */
  buildCpuMs: number;
  /** Heap the built engine holds (heapUsed after the build − before), MB. */
  heapMB: number;
  /** The peer's value of each figure (null for a blank or an error). */
  values: Map<string, number | null>;
  formulas: number;
}

/** Builds the workbook with the formulas, evaluates it and reads back every figure. */
export function runPeer(dataRows: RawCellContent[][], report: PeerReport): PeerRun {
  collectGarbage();
  const heap0 = process.memoryUsage().heapUsed;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const hf = HyperFormula.buildFromSheets({ Data: dataRows, Report: report.sheet }, PEER_CONFIG);
  const buildMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  sampleMemory();
  const heapMB = (process.memoryUsage().heapUsed - heap0) / 1048576;
  const sheet = hf.getSheetId("Report") as number;
  const values = new Map<string, number | null>();
  for (const f of [...report.figures, ...report.info]) {
    const v = hf.getCellValue({ sheet, row: f.row, col: 1 });
    values.set(f.name, typeof v === "number" ? v : null);
  }
  const formulas = report.figures.length + (dataRows[1]?.length === 14 ? 4 * (dataRows.length - 1) : 0);
  hf.destroy();
  return { buildMs, buildCpuMs: (cpu.user + cpu.system) / 1000, heapMB, values, formulas };
}

/** buildFromSheets of the values only: the data-loading part of the peer's time. */
export function loadPeerValuesOnly(dataRows: RawCellContent[][]): { ms: number; cpuMs: number } {
  collectGarbage();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const hf = HyperFormula.buildFromSheets({ Data: dataRows }, PEER_CONFIG);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  sampleMemory();
  hf.destroy();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}
