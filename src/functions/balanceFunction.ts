import { parseMoney } from "../core/cells/parseMoney";
import { centsToNumber } from "../core/money/cents";

/** Placeholder until the argument layer lands: returns the balance or a #VALUE! message text. */
export function lineBalanceFromCells(...cells: unknown[]): number | string {
  let total = 0;
  for (let i = 0; i < cells.length; i++) {
    const parsed = parseMoney(cells[i]);
    if (parsed.kind === "invalid") return `#VALUE! argument ${i + 1}: ${parsed.message}`;
    const cents = parsed.kind === "value" ? parsed.value : 0;
    total += i === 0 ? cents : -cents;
  }
  return centsToNumber(total);
}
