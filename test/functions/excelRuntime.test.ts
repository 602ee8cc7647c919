/* The functions' results as Microsoft's custom functions runtime sends them to Excel, and the
 * arguments as Excel and the runtime hand them over (errors, data types, blanks as 0). The
 * runtime's error class is Microsoft's own (customFunctionsRuntime.ts loads it from
 * @microsoft/office-js); the expected figures are worked out by hand in the comments. */
import fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as f from "../../src/functions/functions";
import { excelError, type ExcelErrorCode } from "../../src/functions/excelError";
import { withErrorsInArguments } from "../../scripts/functionsJsonOptions";
import { asSentToExcel, microsoftCustomFunctionsRuntime, type MicrosoftRuntime } from "./customFunctionsRuntime";

const AS_OF = 46326; // 2026-10-31 as an Excel serial: 46,023 is 2026-01-01, and Oct 31 is 303 days later
const col = (values: unknown[]): unknown[][] => values.map((v) => [v]);

let runtime: MicrosoftRuntime;
const globalCF = globalThis as { CustomFunctions?: unknown };

beforeAll(() => {
  runtime = microsoftCustomFunctionsRuntime();
  globalCF.CustomFunctions = runtime;
});
afterAll(() => {
  delete globalCF.CustomFunctions;
});

/** The thrown error of a spilling function. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error("expected the function to throw its error");
}

describe("errors through Microsoft's CustomFunctions.Error", () => {
  it("gives each code its error type, and a message only on #VALUE! and #N/A", () => {
    // custom-functions-runtime.js CustomFunctionError._getErrorType / _getMessage
    const expected: Record<ExcelErrorCode, [string, string | undefined]> = {
      "#VALUE!": ["Value", "why"],
      "#N/A": ["NotAvailable", "why"],
      "#NUM!": ["Num", undefined],
      "#DIV/0!": ["Div0", undefined],
    };
    for (const [code, [type, message]] of Object.entries(expected)) {
      const e = excelError(code as ExcelErrorCode, "why");
      expect(e).toBeInstanceOf(runtime.Error);
      expect(asSentToExcel(e)).toMatchObject({ valueType: "CustomFunctionError", code, errorType: type });
      expect((asSentToExcel(e) as { message?: string }).message).toBe(message);
    }
  });

  it("returns a single-value function's error with the message naming the argument", () => {
    const sent = asSentToExcel(f.balance("abc")) as Record<string, unknown>;
    expect(sent).toMatchObject({ code: "#VALUE!", errorType: "Value" });
    expect(sent.message).toMatch(/^charge: not an amount/);
    const none = asSentToExcel(f.expectedFee([["Medicare", "99213", null, 90]], "Humana", "99213")) as Record<string, unknown>;
    expect(none).toMatchObject({ code: "#N/A", errorType: "NotAvailable" }); // IFNA/ISNA can catch it
    expect(none.message).toMatch(/no rate for payer "Humana"/);
    // No paid line: #DIV/0! as Excel's own AVERAGE of nothing, without a message.
    expect(asSentToExcel(f.collectionRate([[10]], [[0]], undefined, true))).toMatchObject({ code: "#DIV/0!", errorType: "Div0" });
  });

  it("throws a spilling function's whole-result failure as CustomFunctions.Error", () => {
    const e = thrown(() => f.arAging(col([100, "thirty"]), col([AS_OF, AS_OF]), AS_OF));
    expect(e).toBeInstanceOf(runtime.Error);
    expect((e as { code: string }).code).toBe("#VALUE!");
    expect((e as { message: string }).message).toBe('balances, row 2 of the range: not an amount (found "thirty")');
  });

  it("returns VARIANCE's per-cell errors inside the array, each with its own type and message", () => {
    const out = asSentToExcel(f.variance(col([100, "n/a"]), col([90, 50]))) as unknown[][];
    expect(out[0][0]).toBe(10); // 100 − 90
    expect(out[1][0]).toMatchObject({ code: "#VALUE!", errorType: "Value", message: 'actual, row 2 of the range: not an amount (found "n/a")' });
  });
});

describe("arguments as Excel hands them over", () => {
  it("names an error value in a range (allowErrorForDataTypeAny: the runtime passes new CustomFunctionError(code))", () => {
    const na = new runtime.Error("#N/A");
    const e = thrown(() => f.arAging(col([100, na]), col([AS_OF, AS_OF]), AS_OF)) as { message: string };
    expect(e.message).toBe('balances, row 2 of the range: the cell holds the error #N/A, not an amount (found "#N/A")');
  });

  it("reads a formatted number's or a plain data type's basicValue and refuses an entity clearly", () => {
    const money = { type: "FormattedNumber", basicValue: 125.5, numberFormat: "$#,##0.00" };
    expect(f.balance(money, { type: "Double", basicValue: 25.5 })).toBe(100); // 125.50 − 25.50
    const entity = { type: "Entity", text: "Aetna", properties: {} };
    const sent = asSentToExcel(f.balance(entity)) as { message: string };
    expect(sent.message).toMatch(/^charge: the cell holds a data type \(Entity\), not a value/);
  });

  it("reads 0 as blank where a blank is plausible (Excel for Windows passed 0 for empty cells)", () => {
    // ARAGING over B2:B6 with two empty trailing rows passed as 0: 100 at age 0, 50 at age 31.
    const withBlanks = f.arAging(col([100, 50, null, null]), col([AS_OF, AS_OF - 31, null, null]), AS_OF);
    const withZeros = f.arAging(col([100, 50, 0, 0]), col([AS_OF, AS_OF - 31, 0, 0]), AS_OF);
    expect(withZeros).toEqual(withBlanks);
    expect(withZeros[1]).toEqual(["0-30", 100, 100 / 150, 1]);
    expect(f.ageBucket(0, AS_OF)).toBe(""); // a blank date of service
    // DENIALRATE: claims C1 (Denied) and C2 (Paid) and two empty rows as 0: 1 of 2 denied.
    expect(f.denialRate(col(["C1", "C2", 0, 0]), col(["Denied", "Paid", 0, 0]))).toBe(0.5);
    // VARIANCE of an actual not booked yet (0 for the empty cell): blank, not −budget.
    expect(f.variance([[0]], [[1000]])).toEqual([[""]]);
  });

  it("bounds every number: no Infinity or NaN ever leaves a function, and the message says why", () => {
    const sent = asSentToExcel(f.grossPay(25, 1e306)) as { code: string; message: string };
    expect(sent.code).toBe("#VALUE!");
    expect(sent.message).toMatch(/^regularHours: too large/);
    expect((asSentToExcel(f.balance(Infinity)) as { message: string }).message).toMatch(/^charge: Infinity is not a number Excel can hold/);
    const big = thrown(() => f.runRate([[8e13, 8e13]], 1)) as { message: string }; // 1.6e14 ÷ 1 × 12
    expect(big.message).toMatch(/beyond 90 trillion/);
  });

  it("property: whatever the numbers, a result holds no NaN, no Infinity and nothing past what Excel holds", () => {
    const anyNumber = fc.oneof(fc.double(), fc.constant(1e308), fc.constant(-1e308), fc.integer());
    const finiteOrError = (v: unknown): boolean => typeof v !== "number" || (Number.isFinite(v) && Math.abs(v) <= 9.99999999999999e307);
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, (a, b, c) => {
        const results: unknown[] = [f.grossPay(a, b, c), f.balance(a, b, c), f.fte([[a]], b, c), f.mpfs(a, b, c, a, b, c)];
        for (const run of [() => f.variance([[a]], [[b]]), () => f.runRate([[a, b, c]], 3), () => f.employerTaxes(a, b)]) {
          try {
            results.push(...(run() as unknown[][]).flat());
          } catch (e) {
            expect(e).toBeInstanceOf(runtime.Error);
          }
        }
        expect(results.every(finiteOrError)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("functions.json as built", () => {
  it("lets Excel pass errors to parameters of type any (allowErrorForDataTypeAny, top level)", async () => {
    const generated = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"));
    expect(generated.errors).toEqual([]);
    const built = JSON.parse(withErrorsInArguments(generated.metadataJson));
    expect(built.allowErrorForDataTypeAny).toBe(true);
    expect(built.allowCustomDataForDataTypeAny).toBe(true);
    expect(built.functions.every((fn: { parameters: { type?: string }[] }) => fn.parameters.every((p) => p.type === "any"))).toBe(true);
    // The webpack build writes the same (dist/ exists after `npm run build`, which npm test runs first).
    const dist = path.join(__dirname, "../../dist/functions.json");
    if (fs.existsSync(dist)) {
      const written = JSON.parse(fs.readFileSync(dist, "utf8"));
      expect(written.allowErrorForDataTypeAny).toBe(true);
      expect(written.functions.map((fn: { id: string }) => fn.id)).toEqual(built.functions.map((fn: { id: string }) => fn.id));
    }
  });
});
