import { CLAIM_HEADER_SYNONYMS, type HeaderSynonyms } from "./headerSynonyms";

/** Columns of a transaction ledger (one row per charge, payment, adjustment, refund or denial). */
export const LEDGER_FIELDS = [
  "claimId", "lineId", "transactionType", "amount", "debit", "credit", "postingDate", "dateOfService", "payer",
  "cpt", "modifiers", "units", "provider", "payerClass", "placeOfService", "groupCode", "reasonCode",
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/**
 * Header words of transaction ledgers: EZClaim "Transaction List", CollaborateMD credits/debits,
 * DrChrono line-item transactions, NextGen "by transaction".
 */
export const LEDGER_HEADER_SYNONYMS: HeaderSynonyms<LedgerField> = {
  claimId: [...CLAIM_HEADER_SYNONYMS.claimId],
  lineId: ["line", "=line number", "line id", "charge id", "charge line", "service line", "line item", "line item id", "=ln", "charge number", "svc line"],
  transactionType: ["transaction type", "trans type", "=type", "=transaction", "posting type", "entry type", "activity type", "=activity", "tx type", "txn type", "=description", "transaction code", "trans code"],
  amount: ["=amount", "transaction amount", "trans amount", "posted amount", "=amt", "posting amount", "line amount", "txn amount"],
  debit: ["=debit", "=debits", "debit amount", "=charges debits"],
  credit: ["=credit", "=credits", "credit amount"],
  postingDate: ["posting date", "post date", "=posted", "posted date", "transaction date", "trans date", "entry date", "deposit date", "=date posted", "txn date"],
  dateOfService: [...CLAIM_HEADER_SYNONYMS.dateOfService.filter((s) => s !== "=date")],
  payer: [...CLAIM_HEADER_SYNONYMS.payer],
  cpt: [...CLAIM_HEADER_SYNONYMS.cpt],
  modifiers: [...CLAIM_HEADER_SYNONYMS.modifiers],
  units: [...CLAIM_HEADER_SYNONYMS.units],
  provider: [...CLAIM_HEADER_SYNONYMS.provider],
  payerClass: [...CLAIM_HEADER_SYNONYMS.payerClass],
  placeOfService: [...CLAIM_HEADER_SYNONYMS.placeOfService],
  groupCode: ["group code", "claim adjustment group code", "adj group", "cagc", "=group"],
  reasonCode: ["reason code", "carc", "adjustment reason", "adj reason", "=reason", "denial code", "denial reason", "remark code"],
};
