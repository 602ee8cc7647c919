/**
 * The sample practice's claims register: twelve months of visits with realistic outcomes
 * (unbilled, pending, paid, partially paid, denied, appealed, written off), copays, coinsurance,
 * deductibles, underpayments and a few credit balances.
 */
import Decimal from "decimal.js";
import { Money, type Cents } from "../core/money/cents";
import { ymdFromDay, type Day } from "../core/dates/day";
import type { ClaimLine, ClaimStatus, PayerClass } from "../core/claims/claimLine";
import { lineBalance } from "../core/claims/balance";
import { clinicDays } from "./calendar";
import type { FeeScheduleIndex } from "./feeSchedule";
import type { Random } from "./random";
import { SAMPLE_DENIAL_REASONS, SAMPLE_DENIAL_WEIGHTS } from "./catalog";
import type { ChargeMasterRow, Payer, PlantedFindings, Practice, Specialty } from "./types";

/** One code on a visit before its outcome is decided. */
interface VisitCode {
  cpt: string;
  modifiers: string[];
  units: number;
}

/** Payer weights by specialty, in SAMPLE_PAYERS order (Medicare … Self-pay). */
const PAYER_WEIGHTS: Record<Specialty, number[]> = {
  "Family medicine": [30, 10, 12, 13, 18, 13, 4],
  "Internal medicine": [48, 15, 7, 9, 11, 7, 3],
  "Pediatrics": [0, 0, 36, 18, 24, 18, 4],
};

/**
 * Share of adjudicated claims first denied, by payer class. Most denials are corrected and paid
 * within 15-45 days (they then read as paid); with those worked off, about 6-7 % of submitted
 * claims still show a denial (industry 5-10 %, definitions.md "Denials").
 */
const DENIAL_PROBABILITY: Record<PayerClass, number> = {
  "Medicare": 0.13, "Medicare Advantage": 0.16, "Medicaid": 0.2, "Commercial": 0.15,
  "Workers Comp": 0.12, "Self-pay": 0, "Other": 0.1,
};

const NO_MODIFIERS: readonly string[] = Object.freeze([]);
const PROCEDURES = new Set(["11102", "20610", "69210"]);
const EM_OFFICE = new Set(["99203", "99204", "99205", "99212", "99213", "99214", "99215"]);

export interface SampleClaimsInput {
  practice: Practice;
  payers: readonly Payer[];
  chargeMaster: readonly ChargeMasterRow[];
  fees: FeeScheduleIndex;
  from: Day;
  asOf: Day;
  random: Random;
}

export function sampleClaims(input: SampleClaimsInput): { claims: ClaimLine[]; planted: PlantedFindings } {
  const { practice, payers, fees, from, asOf, random } = input;
  const charges = new Map(input.chargeMaster.map((c) => [c.cpt, c.charge]));
  const claims: ClaimLine[] = [];
  const planted: PlantedFindings = { underpaidRows: [], creditBalanceRows: [] };
  let claimNumber = 0;

  for (const dos of clinicDays(from, asOf)) {
    const month = ymdFromDay(dos).month;
    const fluSeason = month >= 9 || month <= 2;
    for (const physician of practice.physicians) {
      // A 1.0 FTE physician holds clinic about 3.75 days a week (administrative time), less
      // vacation and CME: probability FTE × 0.75 × 0.92 per weekday; 40-50 visits a clinic day.
      if (!random.chance(Number(physician.fte) * 0.75 * 0.92)) continue;
      const visits = random.int(40, 50);
      for (let v = 0; v < visits; v++) {
        claimNumber++;
        const claimId = `${practice.claimPrefix}-${String(claimNumber).padStart(6, "0")}`;
        const payer = random.weighted(payers, PAYER_WEIGHTS[physician.specialty]);
        const codes = visitCodes(random, physician.specialty, payer.payerClass, fluSeason);
        const pos = random.chance(0.04) ? "22" : "11";
        const lines: ClaimLine[] = codes.map((c) => ({
          row: claims.length + 2, // placeholder, set below
          claimId, dateOfService: dos, payer: payer.name,
          charge: (charges.get(c.cpt) as Cents) * c.units * (c.modifiers.includes("50") ? 2 : 1),
          insurancePaid: 0, patientPaid: 0, contractualAdjustment: 0, otherAdjustment: 0, allowed: null,
          cpt: c.cpt, modifiers: c.modifiers, units: c.units, placeOfService: pos, provider: physician.name,
          payerClass: payer.payerClass, status: "Draft", denialReason: null, submittedDate: null, lastPaymentDate: null,
        }));
        decideOutcome(lines, payer.payerClass, dos, asOf, random, fees, planted, claims.length + 2);
        for (const line of lines) {
          line.row = claims.length + 2;
          claims.push(line);
          // A copay collected above what the payer allowed is an overpayment to refund too.
          if (lineBalance(line) < 0 && !planted.creditBalanceRows.includes(line.row)) planted.creditBalanceRows.push(line.row);
        }
      }
    }
  }
  return { claims, planted };
}

function visitCodes(random: Random, specialty: Specialty, payerClass: PayerClass, fluSeason: boolean): VisitCode[] {
  const codes: VisitCode[] = [];
  const adult = specialty !== "Pediatrics";
  const medicare = payerClass === "Medicare" || payerClass === "Medicare Advantage";
  let preventive = false;
  if (!adult && random.chance(0.3)) {
    preventive = true;
    codes.push({ cpt: "99393", modifiers: NO_MODIFIERS as string[], units: 1 });
  } else if (adult && !medicare && random.chance(0.08)) {
    preventive = true;
    codes.push({ cpt: "99396", modifiers: NO_MODIFIERS as string[], units: 1 });
  } else if (random.chance(0.1)) {
    codes.push({ cpt: random.weighted(["99203", "99204", "99205"], [30, 50, 20]), modifiers: NO_MODIFIERS as string[], units: 1 });
  } else {
    const weights = specialty === "Internal medicine" ? [6, 38, 46, 10] : [8, 45, 40, 7];
    codes.push({ cpt: random.weighted(["99212", "99213", "99214", "99215"], weights), modifiers: NO_MODIFIERS as string[], units: 1 });
  }

  // Vaccines come as a pair of lines: administration (90471) and the product.
  const vaccineChance = preventive ? (adult ? 0.3 : 0.6) : fluSeason ? 0.18 : 0.03;
  if (random.chance(vaccineChance)) {
    const product = fluSeason && random.chance(0.8) ? "90656" : adult ? "90715" : random.pick(["90707", "90715"]);
    codes.push({ cpt: "90471", modifiers: NO_MODIFIERS as string[], units: 1 });
    codes.push({ cpt: product, modifiers: NO_MODIFIERS as string[], units: 1 });
    return codes;
  }
  const extras: [string, number][] = adult
    ? [["36415", 0.22], ["81002", 0.08], ["93000", specialty === "Internal medicine" ? 0.08 : 0.04], ["11102", 0.02], ["20610", 0.015], ["69210", 0.02]]
    : [["81002", 0.06], ["69210", 0.02], ["36415", 0.03]];
  for (const [cpt, p] of extras) {
    if (codes.length >= 3) break;
    if (!random.chance(p)) continue;
    let modifiers = NO_MODIFIERS as string[];
    if (cpt === "11102" && random.chance(0.25)) modifiers = ["59"];
    if (cpt === "20610" && random.chance(0.1)) modifiers = ["50"];
    codes.push({ cpt, modifiers, units: 1 });
  }
  // A significant, separately identifiable E/M on the day of a minor procedure takes modifier 25.
  if (EM_OFFICE.has(codes[0].cpt) && codes.some((c) => PROCEDURES.has(c.cpt))) codes[0].modifiers = ["25"];
  return codes;
}

const pct = (amount: Cents, percent: string): Cents =>
  new Money(amount).times(percent).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();

/** Sets amounts, status and dates of one claim's lines from a plausible history up to asOf. */
function decideOutcome(
  lines: ClaimLine[], payerClass: PayerClass, dos: Day, asOf: Day, random: Random, fees: FeeScheduleIndex,
  planted: PlantedFindings, firstRow: number,
): void {
  const first = lines[0];
  const commercial = payerClass === "Commercial";
  const preventive = first.cpt === "99393" || first.cpt === "99396";

  // Copay collected at the front desk (none on preventive visits, ACA; none for Medicare/Medicaid).
  let copay = 0;
  let deductible = 0;
  if (commercial && !preventive) {
    const month = ymdFromDay(dos).month;
    if (month <= 3 && random.chance(0.3)) deductible = random.int(50, 250) * 100;
    else copay = random.pick([2500, 3000, 4000]);
  } else if (payerClass === "Medicare Advantage" && !preventive) {
    copay = random.pick([0, 1000, 2000]);
  }
  const copayCollected = copay > 0 && random.chance(0.85);
  if (copayCollected) {
    first.patientPaid = copay;
    first.lastPaymentDate = dos;
  }

  if (payerClass === "Self-pay") {
    selfPay(lines, dos, asOf, random);
    return;
  }

  const submitted = dos + random.int(1, 5);
  if (submitted > asOf) return; // still Draft: coded, not yet billed
  // Clean claims are paid in 2-4 weeks (Medicare 14 days at the earliest, prompt-pay laws 30-45).
  const lag = Math.min(40, Math.max(12, Math.round(random.normal(payerClass === "Medicaid" ? 24 : 18, 5))));
  const adjudicated = submitted + lag;
  for (const line of lines) {
    line.submittedDate = submitted;
    line.status = "Submitted";
  }
  if (adjudicated > asOf) return; // pending with the payer

  // Denials: CO-97 (bundled) hits the last line of a multi-line claim; other reasons the claim.
  // Older denials are mostly worked: corrected and paid on resubmission, or written off; the
  // rest stay open (Denied, or Appealed) and make most of the A/R tail.
  let denied: ClaimLine[] = [];
  let paidOn = adjudicated;
  if (random.chance(DENIAL_PROBABILITY[payerClass])) {
    const reason = random.weighted(SAMPLE_DENIAL_REASONS, SAMPLE_DENIAL_WEIGHTS);
    const target = reason === "CO-97" && lines.length > 1 ? [lines[lines.length - 1]] : lines;
    const age = asOf - adjudicated;
    const r = random.next();
    const reworkedOn = adjudicated + random.int(15, 45);
    if (r < 0.7 && reworkedOn <= asOf && reason !== "CO-97" && reason !== "CO-18") {
      paidOn = reworkedOn; // corrected claim paid; the line reads as paid
    } else if (age > 60 && r < 0.92) {
      // Not worth appealing: written off as an administrative adjustment. Most billing systems
      // keep such a line as Denied (it still counts in the denial rate); some mark it Written off.
      const status: ClaimStatus = r < 0.85 ? "Denied" : "Written off";
      for (const line of target) {
        line.status = status;
        line.denialReason = reason;
        line.otherAdjustment = line.charge - line.patientPaid;
      }
      denied = target;
    } else {
      const status: ClaimStatus = random.chance(0.15) ? "Appealed" : "Denied";
      for (const line of target) {
        line.status = status;
        line.denialReason = reason;
      }
      denied = target;
    }
  }

  for (const line of lines) {
    if (denied.includes(line)) continue;
    const expected = fees.expectedAllowed(line) as Cents;
    let allowed = expected;
    if (expected >= 2000 && random.chance(0.025)) {
      allowed = expected - random.int(300, Math.min(4000, expected - 1000));
      planted.underpaidRows.push(firstRow + lines.indexOf(line));
    }
    line.allowed = allowed;
    line.contractualAdjustment = line.charge - allowed;
    line.status = "Paid";
    line.lastPaymentDate = paidOn;

    // Patient responsibility on this line.
    let responsibility = 0;
    if (payerClass === "Medicare") responsibility = pct(allowed, "0.20"); // Part B coinsurance
    else if (line === first) responsibility = Math.min(allowed, deductible > 0 ? deductible : copay);
    const patientAlready = line.patientPaid;

    if (line === first && copayCollected && random.chance(0.002)) {
      // Planted overpayment: the payer did not take the copay off, so the line holds a credit.
      line.insurancePaid = allowed;
      planted.creditBalanceRows.push(firstRow + lines.indexOf(line));
      continue;
    }
    line.insurancePaid = allowed - responsibility;
    let owed = responsibility - patientAlready;
    if (owed <= 0) continue;

    if (payerClass === "Medicare" && random.chance(0.75)) {
      // The coinsurance crosses over to a secondary (Medigap or Medicaid).
      const secondary = paidOn + random.int(10, 30);
      if (secondary <= asOf) {
        line.insurancePaid += owed;
        line.lastPaymentDate = secondary;
      } else {
        line.status = "Partially paid";
      }
      continue;
    }
    // Billed to the patient on a statement; most pay within a few weeks, some never do.
    const patientPaidOn = paidOn + random.int(10, 60);
    if (patientPaidOn <= asOf && random.chance(0.8)) {
      line.patientPaid += owed;
      line.lastPaymentDate = patientPaidOn;
      owed = 0;
    } else if (asOf - paidOn > 120 && random.chance(0.8)) {
      line.otherAdjustment = owed; // small-balance / bad-debt write-off
      line.status = "Written off";
    }
  }
}

/**
 * Self-pay: 30 % prompt-pay discount, posted as a contractual adjustment (a discount by policy, like
 * a payer's contracted rate, not a write-off); paid at the visit, later, or sent to collections.
 */
function selfPay(lines: ClaimLine[], dos: Day, asOf: Day, random: Random): void {
  const atVisit = random.chance(0.4);
  const statement = dos + random.int(1, 5);
  const paidOn = statement + random.int(20, 90);
  const paysLater = !atVisit && random.chance(0.55) && paidOn <= asOf;
  const collections = !atVisit && !paysLater && asOf - statement > 120 && random.chance(0.85);
  for (const line of lines) {
    line.patientPaid = 0;
    line.lastPaymentDate = null;
    line.submittedDate = statement <= asOf ? statement : null;
    if (atVisit || paysLater) {
      const discount = pct(line.charge, "0.30");
      line.contractualAdjustment = discount;
      line.patientPaid = line.charge - discount;
      line.lastPaymentDate = atVisit ? dos : paidOn;
      line.status = "Paid";
    } else if (collections) {
      line.otherAdjustment = line.charge;
      line.status = "Written off";
    } else {
      line.status = statement <= asOf ? "Submitted" : "Draft";
    }
  }
}
