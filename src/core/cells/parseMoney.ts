import { centsFromDollars, Money, type Cents } from "../money/cents";
import { cellErrorText, isBlankCell, showCell, type CellValue } from "./cellValue";
import { BLANK, invalid, type Parsed } from "./parseResult";
import { errorCellMessage } from "./errorCellMessage";

// "1,234.50", "1234.5", ".50": digits with correctly placed thousands separators, or none.
const AMOUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/**
 * The largest amount read, in dollars: 90 trillion keeps every amount and every sum of a
 * register a safe integer number of cents (Number.MAX_SAFE_INTEGER cents is about 90.07 trillion).
 */
const MAX_DOLLARS = 9e13;

/**
 * Reads an amount of money from a cell: a number, or text as exports write it: "$1,234.50",
 * "-25", "(25.00)" and "25.00-" for negatives. Text in another locale's format ("1 234,50",
 * "1.234,50", "12,5") is refused rather than guessed. Never throws.
 */
export function parseMoney(value: CellValue): Parsed<Cents> {
  try {
    return readMoney(value);
  } catch {
    // Belt and braces: no input may make a cell reader throw.
    return invalid("not an amount", safeShow(value));
  }
}

function safeShow(value: CellValue): string {
  try {
    return showCell(value);
  } catch {
    return "";
  }
}

function readMoney(value: CellValue): Parsed<Cents> {
  if (typeof value === "number") return moneyFromNumber(value);
  if (isBlankCell(value)) return BLANK;
  const error = cellErrorText(value);
  if (error !== null) return invalid(errorCellMessage(value, ", not an amount") ?? error, error);
  if (typeof value === "boolean") return invalid("TRUE/FALSE is not an amount", showCell(value));
  if (typeof value !== "string") return invalid("not an amount", showCell(value));
  return moneyFromText(value);
}

function moneyFromNumber(x: number): Parsed<Cents> {
  if (!Number.isFinite(x)) return invalid("not a finite number", String(x));
  if (Math.abs(x) > MAX_DOLLARS) return invalid("amount too large", String(x));
  // Fast path, exact: when x is the double nearest to a whole number of cents, c / 100 === x.
  const c = Math.round(x * 100);
  if (c / 100 === x && Number.isSafeInteger(c)) return { kind: "value", value: c === 0 ? 0 : c };
  // Otherwise take the number's shortest decimal form and round it once to the cent, half up.
  return { kind: "value", value: centsFromDollars(String(x)) };
}

/**
 * The cents of the common amount text, digits with at most two decimals and no thousands separator
 * ("230.00", "1234.5", ".5", "17"), by integer arithmetic: what centsFromDollars gives, without
 * decimal.js (a CSV export of a million lines writes six million of them). Null for anything else,
 * which takes the general path. 13 integer digits at most: under MAX_DOLLARS, and exact in a double.
 */
function plainCents(text: string): number | null {
  const n = text.length;
  let i = 0;
  let dollars = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    dollars = dollars * 10 + (c - 48);
    i++;
  }
  const integerDigits = i;
  if (integerDigits > 13) return null;
  if (i === n) return integerDigits === 0 ? null : dollars * 100;
  if (text.charCodeAt(i) !== 46 /* . */) return null;
  const fraction = n - i - 1;
  if (fraction < 1 || fraction > 2) return null;
  let cents = 0;
  for (let k = i + 1; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return null;
    cents = cents * 10 + (c - 48);
  }
  return dollars * 100 + (fraction === 1 ? cents * 10 : cents);
}

function moneyFromText(raw: string): Parsed<Cents> {
  let text = raw.trim().replace(/\u00a0/g, " ");
  // At most one sign: "(25.00)", "25.00-", "-25", "+25", "-$25" or "$-25". Two of them, as in
  // "(-25)" or "-25-", are refused rather than read as a double negative.
  let signs = 0;
  let negative = false;
  if (text.startsWith("(") && text.endsWith(")")) {
    negative = true;
    signs++;
    text = text.slice(1, -1).trim();
  }
  if (text.endsWith("-")) {
    negative = true;
    signs++;
    text = text.slice(0, -1).trim();
  }
  if (text.startsWith("-")) {
    negative = true;
    signs++;
    text = text.slice(1).trim();
  } else if (text.startsWith("+")) {
    signs++;
    text = text.slice(1).trim();
  }
  if (text.startsWith("$")) text = text.slice(1).trim();
  else if (text.endsWith("$")) text = text.slice(0, -1).trim();
  if (text.startsWith("-")) {
    negative = true;
    signs++;
    text = text.slice(1).trim();
  }
  if (signs > 1) return invalid("more than one sign; write a negative amount as -25.00 or (25.00)", raw);
  if (text === "" || text === ".") return invalid("not an amount", raw);
  const plain = plainCents(text);
  if (plain !== null) return { kind: "value", value: negative && plain !== 0 ? -plain : plain };
  if (!AMOUNT.test(text)) {
    if (/^\d{1,3}([ .]\d{3})*,\d{1,2}$/.test(text) || /^\d+,\d{1,2}$/.test(text)) {
      return invalid("looks like an amount with a decimal comma; write it as 1234.50", raw);
    }
    return invalid("not an amount", raw);
  }
  const digits = text.replace(/,/g, "");
  // Range check before converting: centsFromDollars throws a RangeError past a safe integer.
  if (new Money(digits).abs().greaterThan(MAX_DOLLARS)) return invalid("amount too large", raw);
  const cents = centsFromDollars(digits);
  return { kind: "value", value: negative && cents !== 0 ? -cents : cents };
}

/**
 * The cents of a number that is exactly a whole number of cents, within the amounts read; null
 * otherwise (then parseMoney says what it is, or rounds it). parseMoney's fast path for numbers,
 * for readers of a million cells: no result object.
 */
export function exactCentsOfNumber(x: number): Cents | null {
  if (!(Math.abs(x) <= MAX_DOLLARS)) return null; // NaN, ±Infinity, too large
  const c = Math.round(x * 100);
  if (c / 100 !== x || !Number.isSafeInteger(c)) return null;
  return c === 0 ? 0 : c;
}
