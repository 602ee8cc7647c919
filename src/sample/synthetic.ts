/**
 * Synthetic claim lines for benchmarks: the sample practice's payers, providers, codes, charges
 * and fee schedule, generated fast and lean. Strings come from small shared pools (payer,
 * provider, CPT, status, denial reason), lines without modifiers share one frozen empty array,
 * and every amount is an integer computed with integer arithmetic (half-up where a percentage is
 * taken). Same count, seed and asOf → same lines.
 */
import type { Cents } from "../core/money/cents";
import { firstOfMonth, type Day } from "../core/dates/day";
import { excelSerialFromDay } from "../core/dates/excelSerial";
import type { CellValue } from "../core/cells/cellValue";
import { CLAIM_FIELDS, type ClaimField, type ClaimLine, type ClaimStatus, type PayerClass } from "../core/claims/claimLine";
import { clinicDays } from "./calendar";
import {
  SAMPLE_CHARGE_MASTER, SAMPLE_DENIAL_REASONS, SAMPLE_DENIAL_WEIGHTS, SAMPLE_LOCALITY, SAMPLE_NON_PFS, SAMPLE_PAYERS,
  SAMPLE_PRACTICE, SAMPLE_RVUS,
} from "./catalog";
import { buildFeeSchedule, indexFeeSchedule } from "./feeSchedule";
import { createRandom, pickIndex, weightedTable, type Random } from "./random";
import { DEFAULT_SAMPLE_AS_OF, DEFAULT_SAMPLE_SEED } from "./samplePractice";

export interface SyntheticOptions {
  seed?: number;
  /** Last date of service; DOS run over the 12 calendar months ending with its month. */
  asOf?: Day;
}

/** Lines without modifiers all share this frozen array. */
export const NO_MODIFIERS = Object.freeze([]) as unknown as string[];
const MODIFIER_POOL: string[][] = [NO_MODIFIERS, Object.freeze(["25"]) as unknown as string[], Object.freeze(["59"]) as unknown as string[], Object.freeze(["50"]) as unknown as string[]];
const MOD_NONE = 0, MOD_25 = 1, MOD_59 = 2, MOD_50 = 3;
const POS_POOL = ["11", "22"];

const EM_CODES = ["99212", "99213", "99214", "99215", "99203", "99204", "99205", "99393", "99396"];
const EM_WEIGHTS = [7, 38, 36, 6, 3, 5, 2, 2, 1];
/** Extra lines: [CPT, modifier] with weights; a procedure puts modifier 25 on the E/M. */
const EXTRA_CODES: [string, number][] = [
  ["36415", MOD_NONE], ["81002", MOD_NONE], ["90471", MOD_NONE], ["90656", MOD_NONE], ["90715", MOD_NONE],
  ["93000", MOD_NONE], ["11102", MOD_NONE], ["11102", MOD_59], ["20610", MOD_NONE], ["20610", MOD_50], ["69210", MOD_NONE],
];
const EXTRA_WEIGHTS = [30, 12, 15, 10, 5, 8, 3, 1, 3, 0.5, 4];
const PROCEDURE_CPTS = new Set(["11102", "20610", "69210"]);
const PAYER_WEIGHTS = [27, 10, 17, 13, 18, 12, 3];
const DENIAL_BY_CLASS: Record<PayerClass, number> = {
  "Medicare": 0.065, "Medicare Advantage": 0.08, "Medicaid": 0.1, "Commercial": 0.075, "Workers Comp": 0.08, "Self-pay": 0, "Other": 0.08,
};

interface Pools {
  days: Day[];
  cpts: string[];
  charge: Int32Array;
  /** Expected allowed by [((payer × cpts + cpt) × 4 + modifier) × 2 + pos]; −1 = no rate. */
  expected: Int32Array;
  em: ReturnType<typeof weightedTable<number>>;
  extra: ReturnType<typeof weightedTable<number>>;
  payer: ReturnType<typeof weightedTable<number>>;
  denialReason: ReturnType<typeof weightedTable<string>>;
  procedure: Uint8Array;
  /** CPT index of each EXTRA_CODES entry. */
  extraCpt: Int32Array;
}

function buildPools(asOf: Day): Pools {
  const cpts = SAMPLE_CHARGE_MASTER.map((c) => c.cpt);
  const cptIndex = new Map(cpts.map((c, i) => [c, i]));
  const charge = Int32Array.from(SAMPLE_CHARGE_MASTER.map((c) => c.charge));
  const schedule = buildFeeSchedule(SAMPLE_PAYERS, cpts, SAMPLE_RVUS, SAMPLE_NON_PFS, SAMPLE_LOCALITY);
  const fees = indexFeeSchedule(schedule, SAMPLE_RVUS, SAMPLE_LOCALITY);
  const expected = new Int32Array(SAMPLE_PAYERS.length * cpts.length * 4 * 2);
  SAMPLE_PAYERS.forEach((payer, p) => cpts.forEach((cpt, c) => MODIFIER_POOL.forEach((modifiers, m) => POS_POOL.forEach((pos, s) => {
    const e = fees.expectedAllowed({ payer: payer.name, cpt, modifiers, units: 1, placeOfService: pos });
    expected[((p * cpts.length + c) * 4 + m) * 2 + s] = e === null ? -1 : e;
  }))));
  return {
    days: clinicDays(firstOfMonth(asOf, 11), asOf),
    cpts, charge, expected,
    em: weightedTable(EM_CODES.map((c) => cptIndex.get(c) as number), EM_WEIGHTS),
    extra: weightedTable(EXTRA_CODES.map((_, i) => i), EXTRA_WEIGHTS),
    payer: weightedTable(SAMPLE_PAYERS.map((_, i) => i), PAYER_WEIGHTS),
    denialReason: weightedTable(SAMPLE_DENIAL_REASONS, SAMPLE_DENIAL_WEIGHTS),
    extraCpt: Int32Array.from(EXTRA_CODES.map(([c]) => cptIndex.get(c) as number)),
    procedure: Uint8Array.from(cpts.map((c) => (PROCEDURE_CPTS.has(c) ? 1 : 0))),
  };
}

/** 20 % of an amount in cents, rounded half up, in integers (x/5 → ⌊(2x + 5) / 10⌋). */
const fifth = (x: Cents): Cents => Math.floor((2 * x + 5) / 10);
/** 30 % of an amount in cents, rounded half up (⌊(3x + 5) / 10⌋). */
const threeTenths = (x: Cents): Cents => Math.floor((3 * x + 5) / 10);

/**
 * `count` claim lines (1-3 lines a claim, claim numbers "SYN-0000001"), dates of service on
 * clinic days over the 12 months ending with asOf's month, in date order; the register rows are
 * 2 … count + 1 (a header in row 1). Outcomes follow the sample practice's patterns: unbilled and
 * pending recent claims, paid lines at the contracted rate less copay or coinsurance, ~2 % of
 * paid lines underpaid by $3-$40, ~7 % of claims denied, self-pay discounts and bad debt.
 */
export function syntheticClaimLines(count: number, options: SyntheticOptions = {}): ClaimLine[] {
  const n = Math.max(0, Math.floor(count));
  const asOf = options.asOf ?? DEFAULT_SAMPLE_AS_OF;
  const random: Random = createRandom((options.seed ?? DEFAULT_SAMPLE_SEED) ^ 0x51a7e5);
  const pools = buildPools(asOf);
  const { days, cpts, charge, expected } = pools;
  const nCpt = cpts.length;
  const providers = SAMPLE_PRACTICE.physicians.map((p) => p.name);
  const payerNames = SAMPLE_PAYERS.map((p) => p.name);
  const payerClasses = SAMPLE_PAYERS.map((p) => p.payerClass);
  const out: ClaimLine[] = new Array<ClaimLine>(n);
  const estimatedClaims = Math.max(1, Math.ceil(n / 1.52)); // 0.6 × 1 + 0.28 × 2 + 0.12 × 3 lines a claim
  const codeCpt = new Int32Array(3);
  const codeMod = new Int32Array(3);
  let i = 0;
  let claimNo = 0;

  while (i < n) {
    const dos = days[Math.min(days.length - 1, Math.floor((claimNo * days.length) / estimatedClaims))];
    claimNo++;
    const claimId = `SYN-${String(claimNo).padStart(7, "0")}`;
    const p = pickIndex(random, pools.payer);
    const payer = payerNames[p];
    const payerClass = payerClasses[p];
    const provider = providers[random.int(0, providers.length - 1)];
    const posIndex = random.next() < 0.04 ? 1 : 0;
    const pos = POS_POOL[posIndex];

    // Codes: an E/M, then up to two different extra codes.
    const r = random.next();
    let lines = r < 0.6 ? 1 : r < 0.88 ? 2 : 3;
    if (lines > n - i) lines = n - i;
    codeCpt[0] = pools.em.items[pickIndex(random, pools.em)];
    codeMod[0] = MOD_NONE;
    let firstExtra = -1;
    for (let k = 1; k < lines; k++) {
      let e = pickIndex(random, pools.extra);
      // The second extra code differs from the first in CPT, not only in modifier (two identical
      // lines on one claim would be an exact duplicate that the register reader leaves out).
      for (let guard = 0; firstExtra >= 0 && EXTRA_CODES[e][0] === EXTRA_CODES[firstExtra][0] && guard < EXTRA_CODES.length; guard++) {
        e = (e + 1) % EXTRA_CODES.length;
      }
      if (k === 1) firstExtra = e;
      codeCpt[k] = pools.extraCpt[e];
      codeMod[k] = EXTRA_CODES[e][1];
      if (pools.procedure[codeCpt[k]] === 1 && codeCpt[0] !== pools.em.items[7] && codeCpt[0] !== pools.em.items[8]) codeMod[0] = MOD_25;
    }

    // Claim-level history.
    const submitted = dos + random.int(1, 5);
    const adjudicated = submitted + random.int(14, 45);
    const selfPay = payerClass === "Self-pay";
    const commercial = payerClass === "Commercial";
    let claimStatus: ClaimStatus = submitted > asOf ? "Draft" : adjudicated > asOf || selfPay ? "Submitted" : "Paid";
    let denialReason: string | null = null;
    if (claimStatus === "Paid" && random.next() < DENIAL_BY_CLASS[payerClass]) {
      claimStatus = random.next() < 0.12 ? "Appealed" : "Denied";
      denialReason = pools.denialReason.items[pickIndex(random, pools.denialReason)];
    }
    const copay = commercial ? 2500 + 500 * random.int(0, 3) : 0;
    const copayAtVisit = copay > 0 && random.next() < 0.85;
    const selfPayPaid = selfPay && (random.next() < 0.4 || (adjudicated <= asOf && random.next() < 0.5));

    for (let k = 0; k < lines; k++) {
      const c = codeCpt[k];
      const m = codeMod[k];
      const lineCharge = charge[c] * (m === MOD_50 ? 2 : 1);
      let insurancePaid = 0;
      let patientPaid = 0;
      let contractual = 0;
      let other = 0;
      let allowed: Cents | null = null;
      let status: ClaimStatus = claimStatus;
      let lastPayment: Day | null = null;
      if (k === 0 && copayAtVisit) {
        patientPaid = copay;
        lastPayment = dos;
      }
      if (selfPay) {
        if (selfPayPaid) {
          other = threeTenths(lineCharge);
          patientPaid = lineCharge - other;
          lastPayment = dos;
          status = "Paid";
        }
      } else if (claimStatus === "Paid") {
        const exp = expected[((p * nCpt + c) * 4 + m) * 2 + posIndex];
        allowed = exp;
        if (exp >= 2000 && random.next() < 0.02) allowed = exp - random.int(300, Math.min(4000, exp - 1000));
        contractual = lineCharge - allowed;
        const responsibility = payerClass === "Medicare" ? fifth(allowed) : k === 0 ? Math.min(copay, allowed) : 0;
        insurancePaid = allowed - responsibility;
        lastPayment = adjudicated;
        const owed = responsibility - patientPaid;
        if (owed > 0) {
          if (payerClass === "Medicare" && adjudicated + 20 <= asOf) insurancePaid += owed; // secondary paid
          else if (payerClass === "Medicare") status = "Partially paid";
          else if (random.next() < 0.7) patientPaid += owed;
        }
      }
      out[i] = {
        row: i + 2, claimId, dateOfService: dos, payer, charge: lineCharge, insurancePaid, patientPaid,
        contractualAdjustment: contractual, otherAdjustment: other, allowed, cpt: cpts[c], modifiers: MODIFIER_POOL[m],
        units: 1, placeOfService: pos, provider, payerClass, status,
        denialReason: status === "Denied" || status === "Appealed" ? denialReason : null,
        submittedDate: status === "Draft" ? null : submitted, lastPaymentDate: lastPayment,
      };
      i++;
    }
  }
  return out;
}

export interface SyntheticColumnsOptions<F extends ClaimField> extends SyntheticOptions {
  /** Columns to build (default: every canonical field, in register order). */
  fields?: readonly F[];
}

/**
 * The same lines as syntheticClaimLines, as Excel hands ranges to custom functions: one
 * `CellValue[][]` (count rows × 1 column) per field, built column by column. Dates are Excel
 * serial numbers, money is a number of dollars (cents / 100), modifiers are text ("25"), blanks
 * are "" as Office.js reads empty cells. Each cell is a one-element row array, so ask only for
 * the fields a benchmark needs: every field of 1,048,575 lines takes about a gigabyte.
 */
export function syntheticClaimColumns<F extends ClaimField = ClaimField>(
  count: number, options: SyntheticColumnsOptions<F> = {},
): Record<F, CellValue[][]> {
  const lines = syntheticClaimLines(count, options);
  const fields = (options.fields ?? (CLAIM_FIELDS as readonly ClaimField[])) as readonly F[];
  const out = {} as Record<F, CellValue[][]>;
  const n = lines.length;
  for (const field of fields) {
    const column = new Array<CellValue[]>(n);
    const value = CELL_OF[field];
    for (let r = 0; r < n; r++) column[r] = [value(lines[r])];
    out[field] = column;
  }
  return out;
}

const money = (c: Cents): number => c / 100;
const day = (d: Day | null): CellValue => (d === null ? "" : excelSerialFromDay(d));
const text = (s: string | null): CellValue => (s === null ? "" : s);

const CELL_OF: Record<ClaimField, (line: ClaimLine) => CellValue> = {
  claimId: (l) => l.claimId,
  dateOfService: (l) => excelSerialFromDay(l.dateOfService),
  payer: (l) => l.payer,
  charge: (l) => money(l.charge),
  insurancePaid: (l) => money(l.insurancePaid),
  patientPaid: (l) => money(l.patientPaid),
  contractualAdjustment: (l) => money(l.contractualAdjustment),
  otherAdjustment: (l) => money(l.otherAdjustment),
  allowed: (l) => (l.allowed === null ? "" : money(l.allowed)),
  cpt: (l) => text(l.cpt),
  modifiers: (l) => (l.modifiers.length === 0 ? "" : l.modifiers.join(" ")),
  units: (l) => l.units,
  placeOfService: (l) => text(l.placeOfService),
  provider: (l) => text(l.provider),
  payerClass: (l) => text(l.payerClass),
  status: (l) => text(l.status),
  denialReason: (l) => text(l.denialReason),
  submittedDate: (l) => day(l.submittedDate),
  lastPaymentDate: (l) => day(l.lastPaymentDate),
};
