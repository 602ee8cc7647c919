/**
 * Excel errors a custom function returns or throws. In Excel they are `CustomFunctions.Error`
 * objects (requirement set CustomFunctionsRuntime 1.2) whose code is a `CustomFunctions.ErrorCode`
 * VALUE ("#VALUE!", "#N/A", ...): Microsoft's runtime (custom-functions-runtime.js in
 * @microsoft/office-js, `CustomFunctionError.toJSON`) reads the error type from that value and
 * drops the error when given a member name such as "invalidValue".
 * A custom message reaches the cell only with #VALUE! and #N/A ("Handle and return errors from your
 * custom function", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors;
 * the runtime's `_getMessage` keeps it for those two codes alone), so bad input is #VALUE! and
 * "not found" is #N/A; #NUM! and #DIV/0! go without a message, as Excel's own do.
 * Outside Excel (tests, the HyperFormula harness) the same information travels as a plain
 * `ExcelErrorValue` (which keeps its message, for the tests).
 */

/** The error codes Practice Ledger returns: the `CustomFunctions.ErrorCode` values themselves. */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!";

/** The codes whose message Excel shows (CustomFunctions.ErrorCode reference). */
export type CodeWithMessage = "#VALUE!" | "#N/A";

type RuntimeErrorCodes = typeof CustomFunctions.ErrorCode;
type MemberName = keyof RuntimeErrorCodes;

/**
 * The member of `CustomFunctions.ErrorCode` whose value is `C`: computed from the declared enum, so
 * naming a member whose value is another code (or a code that has no member) does not compile.
 */
type MemberFor<C extends string> = { [M in MemberName]: `${RuntimeErrorCodes[M]}` extends C ? M : never }[MemberName];

const MEMBER: { [C in ExcelErrorCode]: MemberFor<C> } = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
};

/** The plain form of an Excel error, used where the CustomFunctions runtime is absent. */
export class ExcelErrorValue {
  constructor(
    readonly code: ExcelErrorCode,
    readonly message: string,
  ) {}
}

/** Thrown inside a function's implementation; `guarded` turns it into the Excel error. */
export class FunctionInputError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "FunctionInputError";
  }
}

/** True for the codes whose message Excel shows. */
export function carriesMessage(code: ExcelErrorCode): code is CodeWithMessage {
  return code === "#VALUE!" || code === "#N/A";
}

/** Excel caps the message it shows; the cell's name comes first, so the start is what matters. */
const MESSAGE_LIMIT = 250;

interface Runtime {
  Error: typeof CustomFunctions.Error;
  ErrorCode: RuntimeErrorCodes;
}

function runtime(): Runtime | null {
  const found = (globalThis as { CustomFunctions?: Partial<Runtime> }).CustomFunctions;
  if (found === undefined || typeof found.Error !== "function" || found.ErrorCode === undefined) return null;
  return found as Runtime;
}

/** The error value to hand back to Excel (or to a test) for a code and a message. */
export function excelError(code: ExcelErrorCode, message: string): unknown {
  const cf = runtime();
  if (cf === null) return new ExcelErrorValue(code, message);
  // The runtime's own enum value for the member whose declared value is `code`.
  const runtimeCode = cf.ErrorCode[MEMBER[code]];
  return carriesMessage(code) ? new cf.Error(runtimeCode, message.slice(0, MESSAGE_LIMIT)) : new cf.Error(runtimeCode);
}

/**
 * The largest figure Practice Ledger returns: money is exact to the cent only while a number of
 * cents is a safe integer (about 90 trillion dollars; src/core/money/cents.ts), far inside what
 * Excel holds (±9.99999999999999E+307). A result past it (or NaN, Infinity, which Excel's runtime
 * turns into an error with no message) is refused with #VALUE! and the reason.
 */
export const LARGEST_RESULT = 9e13;

function checkedResult<T>(result: T): T {
  const bad = (x: unknown): boolean => typeof x === "number" && !(Number.isFinite(x) && Math.abs(x) <= LARGEST_RESULT);
  const found = Array.isArray(result)
    ? (result as unknown[]).flatMap((row) => (Array.isArray(row) ? row : [row])).find(bad)
    : bad(result)
      ? result
      : undefined;
  if (found !== undefined) {
    throw new FunctionInputError(
      "#VALUE!",
      `the result (${String(found)}) is beyond 90 trillion, the largest figure computed exactly to the cent: check the size of the amounts, hours or rates given`,
    );
  }
  return result;
}

function errorFor(e: unknown): unknown {
  if (e instanceof FunctionInputError) return excelError(e.code, e.message);
  const detail = e instanceof Error ? e.message : String(e);
  return excelError("#VALUE!", `Practice Ledger could not compute this: ${detail}`);
}

/**
 * `prepare` makes the arguments plain (excelArguments.ts) inside the same guard, so a refused
 * argument is an Excel error too.
 * Runs a single-value function's implementation and RETURNS anything it throws as an Excel error,
 * so a custom function never throws a raw exception into Excel.
 */
export function guarded<T>(prepare: () => unknown, run: () => T): T | unknown {
  try {
    prepare();
    return checkedResult(run());
  } catch (e) {
    return errorFor(e);
  }
}

/**
 * Runs a spilling (matrix) function's implementation and THROWS a failure of the whole result as
 * the Excel error: Microsoft documents throwing `CustomFunctions.Error` from a function
 * ("Handle and return errors from your custom function",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors), and the runtime
 * turns a thrown CustomFunctions.Error into the error of the formula's cell
 * (`_getCustomFunctionResultErrorCodeFromErrorCode` in custom-functions-runtime.js), whereas one
 * error object returned where a 2D array is declared is not a matrix. Errors inside a returned
 * array (VARIANCE's per-cell errors) are returned, not thrown; on many builds they show #VALUE!
 * for the whole result (office-js issue 2174), which each function's help says.
 */
export function guardedMatrix<T>(prepare: () => unknown, run: () => T): T {
  let result: T;
  try {
    prepare();
    result = checkedResult(run());
  } catch (e) {
    throw errorFor(e);
  }
  return result;
}
