/**
 * Header text compared the same way on both sides (export header and synonym): lower case,
 * "#" → "number", "%" → "percent", "&" → "and", letters and digits split ("Mod1" → "mod 1"),
 * punctuation and extra spaces removed, and common abbreviations written out
 * ("Ins Pmt" → "insurance payment", "Claim No." → "claim number", "Adj" → "adjustment").
 */
export function normalizeHeader(text: string): string {
  const t = text
    .toLowerCase()
    .replace(/#/g, " number ")
    .replace(/%/g, " percent ")
    .replace(/&/g, " and ")
    .replace(/([a-z])(\d)/g, "$1 $2")
    .replace(/(\d)([a-z])/g, "$1 $2")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (t === "") return "";
  return t
    .split(" ")
    .map((token) => TOKEN_ALIASES[token] ?? token)
    .join(" ");
}

/** Abbreviations of practice-management exports, written out so synonym lists stay short. */
const TOKEN_ALIASES: Record<string, string> = {
  no: "number", num: "number", nbr: "number", nmbr: "number",
  amt: "amount", amts: "amount", amounts: "amount",
  pmt: "payment", pmts: "payment", pymt: "payment", pymts: "payment", payments: "payment",
  ins: "insurance", pt: "patient", pat: "patient",
  adj: "adjustment", adjs: "adjustment", adjustments: "adjustment",
  svc: "service", serv: "service", dt: "date",
  proc: "procedure", mod: "modifier", mods: "modifier", modifiers: "modifier",
  pct: "percent", perc: "percent", percentage: "percent",
  phys: "physician", prov: "provider", fin: "financial",
  chg: "charge", chgs: "charge", charges: "charge",
  payor: "payer", payors: "payer", payers: "payer",
  writeoff: "write off", writeoffs: "write off", offs: "off",
  writedown: "write down",
};

/** Text of a header cell, or "" when the cell is not text (numbers and dates are never headers). */
export function headerText(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}
