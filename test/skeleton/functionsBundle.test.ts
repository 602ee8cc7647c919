/**
 * The built dist/functions.js registers and computes exactly what src/functions/functions.ts does.
 * webpack.config.js lets webpack leave out modules of src/core and src/office whose exports a
 * bundle does not use (`sideEffects: false`); this checks that nothing a function needs was left
 * out: the bundle runs in a Node vm with a CustomFunctions that records `associate` (the calls
 * custom-functions-metadata-plugin adds), every function of functions.json is associated, and
 * each gives the same result as the source for the same arguments (errors compared by code and
 * message, through Microsoft's own CustomFunctions.Error, test/functions/customFunctionsRuntime.ts).
 * `CustomFunctions.associate(id, functionObject)` "Associates the JavaScript function to the name
 * given by the "id" property in the metadata JSON file" (custom-functions-runtime package,
 * https://learn.microsoft.com/javascript/api/custom-functions-runtime): an id of functions.json
 * with no associate call in the bundle would be a function Excel lists but cannot run.
 * Skipped with no build outside CI.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as vm from "node:vm";
import { microsoftCustomFunctionsRuntime } from "../functions/customFunctionsRuntime";

const dist = join(__dirname, "..", "..", "dist");
const built = existsSync(join(dist, "functions.js")) && existsSync(join(dist, "functions.json"));
const describeIfBuilt = built || process.env.CI !== undefined ? describe : describe.skip;

type Fn = (...args: unknown[]) => unknown;

const FEES = [["Payer", "CPT", "Amount"], ["Aetna", "99213", 95], ["Medicare", "99213", 88.5]];
const REGISTER = [["Claim ID", "Payer", "CPT", "Units", "Allowed"], ["C1", "Aetna", "99213", 1, 80], ["C2", "Medicare", "99213", 1, 88.5]];
/** Arguments per function id: ordinary ones, so each function goes through its computation. */
const ARGS: Record<string, unknown[]> = {
  BALANCE: [100, 60, 10, 20, 5],
  MPFS: [1.5, 1.2, 0.1, 1, 1, 1, 32.3465],
  EXPECTEDFEE: [FEES, "Aetna", "99213"],
  FEEVARIANCE: [90, FEES, "Aetna", "99213"],
  UNDERPAID: [REGISTER, FEES],
  AGEBUCKET: [46000, 46100],
  ARAGING: [[[100], [50]], [[46000], [46090]], 46100],
  DAYSINAR: [[[100], [50]], [[46000], [46090]], [[200], [100]], 46100],
  COLLECTIONRATE: [[[80], [40]], [[100], [60]], [[10], [5]]],
  DENIALRATE: [[["A1"], ["A2"]], [["Paid"], ["Denied"]]],
  DAYSTOPAY: [[[46000], [46010]], [[46030], [46050]]],
  PAYERMIX: [[["Aetna"], ["Medicare"]], [[100], [200]], [[80], [150]]],
  GROSSPAY: [25, 80, 5],
  OVERTIME: [[[8, 9, 10, 8, 8, 0, 0]]],
  EMPLOYERTAXES: [50000],
  FTE: [[[2080], [1040]]],
  VARIANCE: [[[110, 90]], [[100, 100]]],
  VARIANCEPCT: [[[110, 90]], [[100, 100]]],
  FAVORABLE: [[[110]], [[100]], [["revenue"]]],
  FORECAST: [[[10, 12]], [[10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]], 2],
  RUNRATE: [[[10, 12]], 2],
};

/** A result, or the error it was (returned or thrown), as plain data. */
function outcome(fn: Fn, args: unknown[]): unknown {
  try {
    const r = fn(...structuredClone(args));
    return r instanceof Error ? { error: (r as { code?: string }).code, message: r.message } : r;
  } catch (e) {
    return { error: (e as { code?: string }).code ?? "thrown", message: (e as Error).message };
  }
}

describeIfBuilt("dist/functions.js (after npm run build) against src/functions/functions.ts", () => {
  const runtime = microsoftCustomFunctionsRuntime();
  const globalCF = globalThis as { CustomFunctions?: unknown };
  const associated = new Map<string, Fn>();
  let source: Record<string, Fn> = {};

  beforeAll(async () => {
    globalCF.CustomFunctions = runtime;
    source = (await import("../../src/functions/functions")) as unknown as Record<string, Fn>;
    const CustomFunctions = { Error: runtime.Error, ErrorCode: runtime.ErrorCode, associate: (id: string, fn: Fn) => associated.set(id, fn) };
    vm.runInNewContext(readFileSync(join(dist, "functions.js"), "utf8"), { CustomFunctions, self: {}, window: {}, console }, { filename: "functions.js" });
  });
  afterAll(() => {
    delete globalCF.CustomFunctions;
  });

  it("associates every function of functions.json", () => {
    const ids = (JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")) as { functions: { id: string }[] }).functions.map((f) => f.id);
    expect([...associated.keys()].sort()).toEqual([...ids].sort());
    expect(Object.keys(ARGS).sort()).toEqual([...ids].sort());
  });

  it("computes what the source computes, function by function", () => {
    const byId = new Map(Object.entries(source).map(([name, fn]) => [name.toUpperCase(), fn]));
    let computed = 0;
    for (const [id, args] of Object.entries(ARGS)) {
      const bundled = associated.get(id);
      const original = byId.get(id);
      expect([id, typeof bundled, typeof original]).toEqual([id, "function", "function"]);
      const got = outcome(bundled as Fn, args);
      expect([id, got]).toEqual([id, outcome(original as Fn, args)]);
      if (!(typeof got === "object" && got !== null && "error" in got)) computed += 1;
    }
    expect(computed).toBeGreaterThanOrEqual(15); // most calls reach the computation, not an argument error
  });
});
