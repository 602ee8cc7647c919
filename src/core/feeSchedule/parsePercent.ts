import type Decimal from "decimal.js";
import { cellErrorText, isBlankCell, showCell, type CellValue } from "../cells/cellValue";
import { BLANK, invalid, type Parsed } from "../cells/parseResult";
import { Money } from "../money/cents";

/** A bare number up to this is a fraction: 1.25 = 125 % (Excel hands "125%" cells over as 1.25). */
export const PERCENT_FRACTION_MAX = 10;
/** A bare number from this up is in percentage points: 125 = 125 %. */
export const PERCENT_POINTS_MIN = 20;

const DIGITS = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Reads a percentage of Medicare from a cell, as a fraction (1.25 = 125 %). Never throws.
 * - Text with a percent sign, "125%" or "125 %", is percentage points, whatever its size.
 * - A bare number (a number cell, or text without "%") up to 10 is a fraction: 1.25 = 125 %,
 *   0.8 = 80 % (a cell formatted as a percentage holds 1.25). From 20 up it is percentage points:
 *   125 = 125 %. Between 10 and 20 it could be either (15 = 1500 % or 15 %), so it is refused
 *   rather than guessed; write "15%" or 0.15.
 * - Zero or a negative percentage is refused.
 */
export function parsePercent(value: CellValue): Parsed<Decimal> {
  if (isBlankCell(value)) return BLANK;
  const error = cellErrorText(value);
  if (error !== null) return invalid(`the cell holds the error ${error}, not a percentage`, error);
  let text: string;
  let points = false;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return invalid("not a finite number", String(value));
    text = String(value); // the number's shortest decimal form, exact for what was typed
    if (/e/i.test(text)) return invalid("not a percentage of Medicare", text);
  } else if (typeof value === "string") {
    text = value.trim().replace(/\u00a0/g, " ");
    if (text.endsWith("%")) {
      points = true;
      text = text.slice(0, -1).trim();
    }
    if (text.startsWith("+")) text = text.slice(1).trim();
  } else {
    return invalid("not a percentage of Medicare", showCell(value));
  }
  if (text.startsWith("-")) return invalid("a percentage of Medicare must be above 0", showCell(value));
  if (!DIGITS.test(text)) return invalid("not a percentage (expected e.g. 125% or 1.25)", showCell(value));
  const number = new Money(text);
  if (number.isZero()) return invalid("a percentage of Medicare must be above 0", showCell(value));
  if (points) return { kind: "value", value: number.dividedBy(100) };
  if (number.lte(PERCENT_FRACTION_MAX)) return { kind: "value", value: number };
  if (number.gte(PERCENT_POINTS_MIN)) return { kind: "value", value: number.dividedBy(100) };
  return invalid(
    `ambiguous percentage: a bare number between ${PERCENT_FRACTION_MAX} and ${PERCENT_POINTS_MIN} could be a fraction or percentage points; write it with a % sign (e.g. 15%)`,
    showCell(value),
  );
}
