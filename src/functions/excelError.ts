/**
 * Excel errors a custom function returns. In Excel they are `CustomFunctions.Error` objects
 * (requirement set CustomFunctionsRuntime 1.2); outside Excel (tests, the HyperFormula harness)
 * the same information travels as a plain `ExcelErrorValue`.
 * A custom message shows in the cell's error flag for #VALUE! and #N/A only (Microsoft's
 * CustomFunctions.ErrorCode reference), so bad input is #VALUE! and "not found" is #N/A; #NUM! is
 * kept for numbers that cannot be (a window of 0 days), with the reason in the message all the same.
 */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!";

/** The plain form of an Excel error, used where the CustomFunctions runtime is absent. */
export class ExcelErrorValue {
  constructor(
    readonly code: ExcelErrorCode,
    readonly message: string,
  ) {}
}

/** Thrown inside a function's implementation; `guarded` turns it into the returned Excel error. */
export class FunctionInputError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "FunctionInputError";
  }
}

const RUNTIME_CODES: Record<ExcelErrorCode, string> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
};

/** The error value to hand back to Excel (or to a test) for a code and a message. */
export function excelError(code: ExcelErrorCode, message: string): unknown {
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (runtime !== undefined && typeof runtime.Error === "function") {
    // Excel caps the message shown; keep it short and put the cell first.
    return new runtime.Error(RUNTIME_CODES[code] as CustomFunctions.ErrorCode, message.slice(0, 250));
  }
  return new ExcelErrorValue(code, message);
}

/**
 * Runs a function's implementation and maps anything it throws to an Excel error, so a custom
 * function never throws a raw exception into Excel.
 */
export function guarded<T>(run: () => T): T | unknown {
  try {
    return run();
  } catch (e) {
    if (e instanceof FunctionInputError) return excelError(e.code, e.message);
    const detail = e instanceof Error ? e.message : String(e);
    return excelError("#VALUE!", `Practice Ledger could not compute this: ${detail}`);
  }
}
