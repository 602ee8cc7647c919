import { centsFromDollars, type Cents } from "../money/cents";

/** The X12 decimal ("R") form: optional minus, digits, optional point and decimals. */
const X12_DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

export type AmountRead = { kind: "value"; cents: Cents } | { kind: "blank" } | { kind: "invalid"; message: string };

/**
 * An 835 monetary amount (X12 data element type R) in cents, exactly: at most two decimals are
 * accepted, since a payment is in whole cents; anything else is reported, never rounded.
 */
export function readAmount(text: string | undefined): AmountRead {
  const t = (text ?? "").trim();
  if (t === "") return { kind: "blank" };
  if (!X12_DECIMAL.test(t)) return { kind: "invalid", message: `"${t}" is not an amount` };
  const point = t.indexOf(".");
  if (point >= 0 && t.length - point - 1 > 2) return { kind: "invalid", message: `"${t}" has more than two decimals` };
  return { kind: "value", cents: centsFromDollars(t) };
}

/** An X12 date CCYYMMDD as [year, month, day], or null. */
export function readDate8(text: string | undefined): [number, number, number] | null {
  const t = (text ?? "").trim();
  if (!/^\d{8}$/.test(t)) return null;
  return [Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6, 8))];
}
