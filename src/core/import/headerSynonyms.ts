import type { ClaimField } from "../claims/claimLine";

/**
 * Header words that name each field of a table, compared after normalizeHeader on both sides.
 * A synonym matches a whole header exactly ("Claim #" ↔ "claim #"), or is found inside a longer
 * header as whole words ("Primary Insurance Name" contains "primary insurance"); an exact match
 * always beats a contained one. A synonym written with a leading "=" only ever matches a whole
 * header: generic words ("code", "claim", "status") that would otherwise catch "Zip Code",
 * "Claim Date" or "Status Date".
 */
export type HeaderSynonyms<F extends string> = Record<F, string[]>;

const modifierWords = [
  "=modifier", "=modifiers", "=mod", "=mods", "mod 1", "mod 2", "mod 3", "mod 4", "modifier 1", "modifier 2",
  "modifier 3", "modifier 4", "cpt modifier", "cpt modifiers", "procedure modifier", "=m1", "=m2", "=m3", "=m4",
];

const cptWords = [
  "cpt", "cpt code", "=procedure", "procedure code", "proc code", "hcpcs", "hcpcs code", "=code", "cpt hcpcs",
  "cpt 4", "=service code", "=cpt hcpcs code", "procedure cd",
];

/** Header words of claims exports (Kareo/Tebra, AdvancedMD, athena, eClinicalWorks, NextGen styles). */
export const CLAIM_HEADER_SYNONYMS: HeaderSynonyms<ClaimField> = {
  claimId: [
    "claim number", "claim #", "claim no", "claim id", "=claim", "=encounter", "encounter number", "encounter id",
    "=ticket", "ticket number", "=invoice", "invoice number", "=visit", "visit number", "visit id", "claim ref",
    "claim reference", "claim control number",
  ],
  dateOfService: [
    "date of service", "dos", "svc date", "service date", "from date", "dos from", "date of service from",
    "service from", "service date from", "from dos", "visit date", "encounter date", "=date", "from service date",
  ],
  payer: [
    "payer", "payer name", "=insurance", "insurance name", "primary insurance", "primary ins", "primary payer",
    "carrier", "insurance carrier", "=plan", "insurance plan", "plan name", "payor", "payor name",
    "primary payor", "insurance company", "current payer", "current insurance", "primary carrier",
  ],
  charge: [
    "=charge", "=charges", "=billed", "charge amount", "billed amount", "=fee", "amount billed", "total charge",
    "total charges", "billed charge", "billed charges", "gross charge", "gross charges", "line charge",
    "=amount", "fee amount", "charge amt",
  ],
  insurancePaid: [
    "ins paid", "insurance paid", "insurance payments", "ins pmt", "payer paid", "insurance payment",
    "paid by insurance", "insurance receipts", "primary paid", "payer payment", "payer payments", "ins paid amount",
    // One payments column for every payer and the patient (OpenEMR's Collections Report "Paid"):
    // read as insurance paid; payments (insurance + patient) stay exact, the split is not known.
    "=paid", "=total paid", "=payments", "=payment", "=total payments", "=amount paid", "=paid amount", "=receipts",
  ],
  patientPaid: [
    "pt paid", "patient payments", "patient paid", "pat pmt", "patient payment", "pt pmt", "paid by patient",
    "patient receipts", "copay paid", "guarantor paid", "guarantor payment",
  ],
  contractualAdjustment: [
    "=adj", "=adjustment", "=adjustments", "contractual adjustment", "=contractual", "contractual adj",
    "write down", "co adj", "co adjustment", "contract adjustment", "contractual allowance", "insurance adjustment",
    "ins adj", "=allowance",
    // One adjustments column (OpenEMR's Collections Report "Adjust"): read as contractual adjustment.
    "=adjust", "=total adjustments", "=adjustment amount", "=adjusted",
  ],
  otherAdjustment: [
    "other adj", "write off", "bad debt", "other adjustment", "writeoff", "write offs", "small balance write off",
    "admin adjustment", "administrative adjustment", "patient adjustment", "pt adj",
  ],
  allowed: ["allowed", "allowed amount", "allowable", "allowed amt", "allowable amount", "ins allowed", "payer allowed"],
  cpt: cptWords,
  modifiers: modifierWords,
  units: ["units", "=unit", "=qty", "=quantity", "service units", "units billed", "days or units", "days units"],
  placeOfService: ["=pos", "pos code", "place of service", "place of svc", "pos cd"],
  provider: [
    "=provider", "provider name", "rendering provider", "=physician", "=doctor", "=rendering", "rendering physician",
    "servicing provider", "rendering doctor", "rendering provider name",
  ],
  payerClass: [
    "financial class", "payer class", "fin class", "insurance class", "payer type", "insurance type", "plan type",
    "financial class name", "=class",
  ],
  status: ["=status", "claim status", "line status", "current status", "billing status", "status description"],
  denialReason: [
    "denial reason", "denial code", "carc", "reason code", "=denial", "adjustment reason", "adj reason code",
    "rejection reason", "denial reason code", "claim adjustment reason code", "=reason", "remark code",
  ],
  submittedDate: [
    "=submitted", "submitted date", "date submitted", "bill date", "claim date", "submission date", "submit date",
    "billed date", "date billed", "sent date", "first billed", "first bill date", "date filed", "filed date",
  ],
  lastPaymentDate: [
    "=last payment", "last pmt date", "paid date", "payment date", "last payment date", "=last paid",
    "last paid date", "date paid", "last pay date", "=last pmt", "latest payment date", "check date",
  ],
};

/** Fields of a fee schedule row, in the cell shape the fee-schedule reader takes. */
export const FEE_SCHEDULE_FIELDS = ["payer", "cpt", "modifier", "amount", "percentOfMedicare"] as const;
export type FeeScheduleField = (typeof FEE_SCHEDULE_FIELDS)[number];

/** Header words of payer fee schedules and contract rate sheets. */
export const FEE_SCHEDULE_HEADER_SYNONYMS: HeaderSynonyms<FeeScheduleField> = {
  payer: [
    "payer", "payer name", "=insurance", "insurance name", "carrier", "=plan", "plan name", "payor", "payor name",
    "=contract", "contract name", "insurance company",
  ],
  cpt: cptWords,
  modifier: modifierWords,
  amount: [
    "=amount", "=allowed", "allowed amount", "=fee", "fee amount", "fee schedule amount", "=fee schedule", "=rate",
    "contract rate", "contracted rate", "contract amount", "contracted amount", "=allowable", "allowable amount",
    "reimbursement", "reimbursement amount", "expected amount", "=price", "par amount", "payer allowed",
  ],
  percentOfMedicare: [
    "percent of medicare", "% of medicare", "pct of medicare", "percent medicare", "medicare percent", "% medicare",
    "medicare %", "mcr %", "% of mcr", "percent of mcr", "percentage of medicare", "% of cms", "=%", "=percent",
  ],
};
