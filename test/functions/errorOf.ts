import { ExcelErrorValue } from "../../src/functions/excelError";

/**
 * The Excel error of a function's result: a single-value function RETURNS it, a spilling function
 * THROWS it when the whole result fails (pass a thunk: `err(() => arAging(...))`), as
 * src/functions/excelError.ts `guarded` and `guardedMatrix` do.
 */
export function err(result: unknown): ExcelErrorValue {
  let value = result;
  if (typeof result === "function") {
    try {
      value = (result as () => unknown)();
    } catch (e) {
      value = e;
    }
  }
  expect(value).toBeInstanceOf(ExcelErrorValue);
  return value as ExcelErrorValue;
}
