import { CLAIM_STATUSES, PAYER_CLASSES, type ClaimStatus, type PayerClass } from "./claimLine";

const norm = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]+/g, " ");

const STATUS_WORDS = new Map<string, ClaimStatus>([
  ...CLAIM_STATUSES.map((s) => [norm(s), s] as [string, ClaimStatus]),
  ["partial", "Partially paid"], ["partial pay", "Partially paid"], ["partial payment", "Partially paid"],
  ["partially paid", "Partially paid"], ["sent", "Submitted"], ["billed", "Submitted"], ["pending", "Submitted"],
  ["open", "Submitted"], ["rejected", "Denied"], ["denial", "Denied"], ["appeal", "Appealed"],
  ["write off", "Written off"], ["writeoff", "Written off"], ["written off", "Written off"],
  ["closed", "Closed"], ["paid in full", "Paid"], ["unbilled", "Draft"], ["hold", "Draft"], ["on hold", "Draft"],
]);

/** A status as written in an export → the register's status; null when unknown. */
export function parseClaimStatus(text: string): ClaimStatus | null {
  return STATUS_WORDS.get(norm(text)) ?? null;
}

const CLASS_WORDS = new Map<string, PayerClass>([
  ...PAYER_CLASSES.map((s) => [norm(s), s] as [string, PayerClass]),
  ["medicare part b", "Medicare"], ["mc", "Medicare"], ["medicare advantage", "Medicare Advantage"],
  ["ma", "Medicare Advantage"], ["mcd", "Medicaid"], ["commercial", "Commercial"], ["comm", "Commercial"],
  ["workers compensation", "Workers Comp"], ["workers' comp", "Workers Comp"], ["wc", "Workers Comp"],
  ["self pay", "Self-pay"], ["selfpay", "Self-pay"], ["patient", "Self-pay"], ["private pay", "Self-pay"],
]);

/** A payer class as written → the register's class; null when unknown. */
export function parsePayerClass(text: string): PayerClass | null {
  return CLASS_WORDS.get(norm(text)) ?? null;
}
