import type { Cents } from "../money/cents";
import type { Day } from "../dates/day";

/**
 * The parts of an ASC X12 835 (005010X221A1, Health Care Claim Payment/Advice) that cash posting
 * needs, as plain data. Money in whole cents; `position` is the segment's 1-based ordinal in its
 * file (ISA = 1), so every figure and every message points at the segment it came from.
 * Patient names (NM1*QC) are never kept.
 */

/** A problem found while reading, balancing or posting: file, segment ID, its position, plain words. */
export interface EraIssue {
  file: string;
  /** Segment ID ("SVC", "CLP"), or "" for the file as a whole. */
  segment: string;
  /** 1-based ordinal of the segment in the file (ISA = 1); 0 for the file as a whole. */
  position: number;
  message: string;
}

/** One CAS adjustment: group (CO, PR, OA, PI, CR), CARC reason code, amount (positive reduces payment). */
export interface Adjustment {
  group: string;
  reason: string;
  amount: Cents;
  position: number;
}

/** A procedure composite (SVC01 or SVC06): qualifier (HC, NU, …), code and up to four modifiers. */
export interface Procedure {
  qualifier: string;
  code: string;
  modifiers: string[];
}

/** One SVC loop (2110): a service line as the payer adjudicated it. */
export interface ServiceLine {
  position: number;
  /** Null when the SVC01 composite could not be read (reported as an issue). */
  procedure: Procedure | null;
  /** SVC01 as written. */
  procedureText: string;
  /** SVC02: the line charge. */
  charge: Cents;
  /** SVC03: what the payer paid for the line. */
  paid: Cents;
  /** SVC04: the revenue code (NUBC), institutional claims. */
  revenueCode: string | null;
  /** SVC05: units paid. */
  units: number | null;
  /** SVC06: the procedure as submitted, when the payer changed it. */
  original: Procedure | null;
  /** DTM*472, else DTM*150 (service period start). */
  dateOfService: Day | null;
  adjustments: Adjustment[];
  /** AMT*B6: the allowed amount. */
  allowed: Cents | null;
  /** LQ remark codes (RARC). */
  remarks: string[];
}

/** One CLP loop (2100): a claim as the payer adjudicated it. */
export interface ClaimPayment {
  position: number;
  /** CLP01: the practice's claim number (patient control number). */
  claimId: string;
  /** CLP02: claim status code (1 primary, 2 secondary, 3 tertiary, 4 denied, 22 reversal, …). */
  status: string;
  /** CLP03: total claim charge. */
  charge: Cents;
  /** CLP04: claim payment. */
  paid: Cents;
  /** CLP05: patient responsibility. */
  patientResponsibility: Cents | null;
  /** DTM*232 (statement from), for claims without service lines. */
  statementFrom: Day | null;
  /** Claim-level CAS. */
  adjustments: Adjustment[];
  lines: ServiceLine[];
}

/** One PLB adjustment (provider level): interest, forward balance, recoupment, … */
export interface ProviderAdjustment {
  position: number;
  /** PLB03-1: the adjustment reason code (L6 interest, FB forward balance, WO overpayment recovery, …). */
  reason: string;
  /** PLB03-2: the payer's reference. */
  reference: string | null;
  /** As sent: a positive amount reduces the payment, a negative one increases it. */
  amount: Cents;
}

/** One ST/SE transaction: one payment (BPR) and what it pays. */
export interface RemittanceTransaction {
  file: string;
  /** Position of the ST segment. */
  position: number;
  controlNumber: string;
  /** BPR02: total actual provider payment. */
  payment: Cents;
  /** Position of the BPR segment (0 when there is none). */
  paymentPosition: number;
  /** BPR16: the payment (effective) date. */
  paymentDate: Day | null;
  /** TRN02: the check or EFT trace number. */
  trn: string | null;
  /** TRN03 (payer identifier), else N1*PR's N104. */
  payerId: string | null;
  /** N1*PR N102. */
  payerName: string | null;
  claims: ClaimPayment[];
  providerAdjustments: ProviderAdjustment[];
  /** Amounts or segments that could not be read: such a transaction cannot be balanced, so it is refused. */
  unreadable: EraIssue[];
}

/** A file as read: its transactions and every issue found while reading it. */
export interface RemittanceFile {
  file: string;
  transactions: RemittanceTransaction[];
  issues: EraIssue[];
}
