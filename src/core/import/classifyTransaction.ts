/** What one ledger row does to its claim line (definitions.md, "The claims register"). */
export type TransactionKind =
  | "charge"
  | "insurancePayment"
  | "patientPayment"
  | "contractualAdjustment"
  | "otherAdjustment"
  | "insuranceRefund"
  | "patientRefund"
  | "insuranceRecoupment"
  | "chargeReversal"
  | "denial"
  | "transfer";

/**
 * The kind of a ledger row from its type (words or codes), its claim adjustment group code
 * (X12 835 CAS: CO contractual obligation, PR patient responsibility, OA other adjustment, PI
 * payer initiated) and its amount; null when the type says nothing known. A refund reduces
 * payments; a recoupment, reversal or takeback reverses an insurance payment; a $0.00 payment
 * with a reason code (CARC) is a denial; a transfer to patient responsibility (PR) moves the
 * balance and changes no amount.
 */
export function classifyTransaction(type: string, groupCode: string, reasonCode: string, amount: number): TransactionKind | null {
  const t = ` ${type.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;
  // The group code: its own column, else a "CO-45" written as the reason or as the type itself.
  const groupOf = (s: string): string | undefined => s.trim().toUpperCase().match(/^(CO|PR|OA|PI|CR)\b/)?.[1];
  const group = groupOf(groupCode) ?? groupOf(reasonCode) ?? groupOf(type) ?? "";
  const has = (re: RegExp): boolean => re.test(t);
  const patient = has(/ (patient|pt|pat|guarantor|self|copay|co pay|coinsurance|deductible|cash|card) /);
  if (has(/ refund/)) return has(/ (ins|insurance|payer|carrier) /) ? "insuranceRefund" : "patientRefund";
  if (has(/ (recoup|recoupment|reversal|reverse|reversed|takeback|take back|void|voided|offset|retraction|retract)/)) {
    return has(/ (charge|chg|service) /) ? "chargeReversal" : "insuranceRecoupment";
  }
  if (has(/ (denial|denied|deny|rejected|rejection) /)) return "denial";
  if (has(/ (transfer|xfer) /) || group === "PR" || has(/ patient responsibility /)) return "transfer";
  if (has(/ (charge|chg|new charge|service|debit) /) && !has(/ (pay|payment|pmt|paid) /)) return "charge";
  const bareCode = type.trim() === "" || groupOf(type) !== undefined; // the type is blank or a code such as "CO-45"
  if (bareCode && amount === 0 && (reasonCode.trim() !== "" || /\d/.test(type))) return "denial"; // a $0.00 "CO-97" posting
  if (has(/ (contractual|contract|write down|allowance) /) || (has(/ (adj|adjustment) /) && group === "CO") || (bareCode && group === "CO")) {
    return "contractualAdjustment";
  }
  if (has(/ (adj|adjustment|write off|writeoff|bad debt|small balance|admin|administrative|discount|courtesy) /) || group === "OA" || group === "PI") {
    return "otherAdjustment";
  }
  if (has(/ (pay|payment|pmt|pymt|paid|receipt|copay|check|era|eft|remit|remittance|insurance) /)) {
    if (amount === 0 && reasonCode.trim() !== "") return "denial";
    return patient ? "patientPayment" : "insurancePayment";
  }
  // Short codes of some ledgers.
  const code = type.trim().toUpperCase();
  if (code === "C" || code === "CHG") return "charge";
  if (code === "IP" || code === "INSP") return "insurancePayment";
  if (code === "PP" || code === "PTP") return "patientPayment";
  if (code === "CA" || code === "CO") return "contractualAdjustment";
  if (code === "OA" || code === "ADJ") return "otherAdjustment";
  return null;
}
