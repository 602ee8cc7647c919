/**
 * Registers Practice Ledger's custom functions in HyperFormula as a function plugin, so tests can
 * evaluate real formulas such as =PRACTICE.ARAGING(B2:B500,F2:F500,DATE(2026,10,31)) over ranges
 * holding blanks, text and errors. The functions are declared once, by the JSDoc in
 * src/functions/functions.ts: this harness reads that declaration with custom-functions-metadata's
 * parser (the same one that writes functions.json), so names, parameters, optional flags and
 * range/scalar dimensions come from the one place.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseTree } from "custom-functions-metadata";
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import * as functions from "../../src/functions/functions";
import { ExcelErrorValue } from "../../src/functions/excelError";
import { withErrorsInArguments } from "../../scripts/functionsJsonOptions";

const FUNCTIONS_FILE = path.join(__dirname, "../../src/functions/functions.ts");
export const NAMESPACE = "PRACTICE";

type Implementation = (...args: unknown[]) => unknown;

interface Declared {
  id: string;
  jsName: string;
  params: { name: string; matrix: boolean; optional: boolean }[];
  spills: boolean;
}

/** What functions.ts declares, parsed exactly as the metadata plugin parses it. */
export function declaredFunctions(): Declared[] {
  const source = fs.readFileSync(FUNCTIONS_FILE, "utf8");
  const tree = parseTree(source, "functions");
  const errors = tree.extras.flatMap((e) => e.errors);
  if (errors.length > 0) throw new Error(`custom function metadata errors: ${errors.join("; ")}`);
  return tree.functions.map((f) => {
    const associate = tree.associate.find((a) => a.id === f.id);
    if (associate === undefined) throw new Error(`no implementation associated with ${f.id}`);
    return {
      id: f.id,
      jsName: associate.functionName,
      params: f.parameters.map((p) => ({ name: p.name, matrix: p.dimensionality === "matrix", optional: p.optional === true })),
      spills: f.result?.dimensionality === "matrix",
    };
  });
}

/**
 * Whether the BUILT functions.json lets errors reach parameters of type any: the generator's metadata
 * through the build's own post-processing (scripts/functionsJsonOptions.js). Without the flag Excel
 * does not call the function and the formula shows the argument's error ("Manually create JSON
 * metadata for custom functions", allowErrorForDataTypeAny,
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany).
 */
function builtMetadataAllowsErrors(): boolean {
  const tree = parseTree(fs.readFileSync(FUNCTIONS_FILE, "utf8"), "functions");
  const generated = JSON.stringify({ allowCustomDataForDataTypeAny: true, functions: tree.functions });
  // PRACTICE_HARNESS_METADATA=generator: the generator's metadata alone, without the build's step.
  const metadata = process.env.PRACTICE_HARNESS_METADATA === "generator" ? generated : withErrorsInArguments(generated);
  return (JSON.parse(metadata) as { allowErrorForDataTypeAny?: boolean }).allowErrorForDataTypeAny === true;
}

/**
 * How an empty cell of a range reaches a function: null (Excel on the web, Mac, current Windows builds), or
 * 0 when PRACTICE_HARNESS_BLANKS=zero, as Excel for Windows passed empty cells for years (office-js
 * issues 4702, 5262, 1951: https://github.com/OfficeDev/office-js/issues/4702). The function
 * suites run a second time that way (blanksAsZero.test.ts).
 */
export function blanksArriveAs(): null | 0 {
  return process.env.PRACTICE_HARNESS_BLANKS === "zero" ? 0 : null;
}

/** HyperFormula's cell values → what Excel hands a custom function (numbers, text, booleans, null, errors). */
function toExcelValue(value: unknown, inRange = false): unknown {
  // Only the empty cells of a range: a skipped argument, F(a,,c), arrives as null in every build.
  if (value === EmptyValue || value === undefined) return inRange ? blanksArriveAs() : null;
  if (value instanceof CellError) return value;
  if (value !== null && typeof value === "object" && "val" in (value as object)) return (value as { val: number }).val;
  return value;
}

function toExcelArgument(value: unknown, matrix: boolean): unknown {
  if (value instanceof SimpleRangeValue) {
    const grid = value.data.map((row) => row.map((v) => toExcelValue(v, true)));
    // A scalar parameter given a range takes its top-left cell, as Excel's implicit intersection would not: keep it simple.
    return matrix ? grid : grid[0]?.[0] ?? null;
  }
  const scalar = toExcelValue(value);
  return matrix ? [[scalar]] : scalar;
}

function fromResult(result: unknown): unknown {
  if (result instanceof ExcelErrorValue) {
    const type = result.code === "#N/A" ? ErrorType.NA : result.code === "#NUM!" ? ErrorType.NUM : result.code === "#DIV/0!" ? ErrorType.DIV_BY_ZERO : ErrorType.VALUE;
    return new CellError(type, result.message);
  }
  if (Array.isArray(result)) {
    return SimpleRangeValue.onlyValues(result.map((row: unknown[]) => row.map((v) => fromResult(v) as never)));
  }
  if (result === null || result === undefined) return EmptyValue;
  return result;
}

/** Spilling functions whose result has the shape of some of their range arguments (by position). */
const ELEMENT_WISE = new Map<string, number[]>([
  ["VARIANCE", [0, 1]],
  ["VARIANCEPCT", [0, 1]],
  ["FAVORABLE", [0, 1, 2]],
  ["FORECAST", [0, 1]],
  ["RUNRATE", [0]],
]);
const ONE_COLUMN = new Set(["FORECAST", "RUNRATE"]);

/** The first error value among the arguments (HyperFormula CellError), or null. */
function firstError(args: unknown[]): CellError | null {
  for (const arg of args) {
    if (arg instanceof CellError) return arg;
    if (arg instanceof SimpleRangeValue) {
      for (const row of arg.data) for (const v of row) if (v instanceof CellError) return v;
    }
  }
  return null;
}

let registered = false;

/** Registers the plugin once per process; returns the declared functions. */
export function registerPracticeFunctions(): Declared[] {
  const declared = declaredFunctions();
  if (registered) return declared;
  const errorsReachFunctions = builtMetadataAllowsErrors();
  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};

  class PracticePlugin extends FunctionPlugin {}
  const proto = PracticePlugin.prototype as unknown as Record<string, unknown>;

  for (const fn of declared) {
    const formulaId = `${NAMESPACE}.${fn.id}`;
    const impl = (functions as unknown as Record<string, Implementation>)[fn.jsName];
    if (typeof impl !== "function") throw new Error(`${fn.jsName} is not exported by functions.ts`);
    const method = `run_${fn.id}`;
    const sizeMethod = `size_${fn.id}`;
    implemented[formulaId] = {
      method,
      parameters: fn.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
      vectorizationForbidden: true,
      ...(fn.spills ? { sizeOfResultArrayMethod: sizeMethod } : {}),
    };
    translations[formulaId] = formulaId;
    proto[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      return (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction(ast.args, state, this.metadata(formulaId), (...args: unknown[]) => {
        // Without allowErrorForDataTypeAny Excel shows an argument's error without calling the function.
        const error = errorsReachFunctions ? null : firstError(args);
        if (error !== null) return error;
        // An omitted optional argument reaches the function as null, as in Excel, not as a 1 x 1 range
        // ("Custom functions parameter options", optional parameters,
        // https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options).
        const excelArgs = fn.params.map((p, i) => (i < args.length && args[i] !== undefined ? toExcelArgument(args[i], p.matrix) : null));
        // A spilling function throws the error of its whole result (excelError.ts guardedMatrix); Excel
        // shows a thrown CustomFunctions.Error as the formula's error ("Handle and return errors from
        // your custom function", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
        try {
          return fromResult(impl(...excelArgs));
        } catch (e) {
          return fromResult(e);
        }
      });
    };
    if (fn.spills && ELEMENT_WISE.has(fn.id)) {
      // Element-wise functions (one result per cell of their ranges) reserve exactly the largest
      // argument's shape, so a column of =PRACTICE.VARIANCE(B2,C2) formulas does not overlap.
      proto[sizeMethod] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
        let width = 1;
        let height = 1;
        ast.args.forEach((arg, i) => {
          if (ELEMENT_WISE.get(fn.id)?.includes(i) !== true) return;
          const size = (this as unknown as { arraySizeForAst: (a: unknown, s: unknown) => ArraySize }).arraySizeForAst(arg, state);
          if (Number.isFinite(size.width)) width = Math.max(width, size.width);
          // A single column given to FORECAST or RUNRATE is one line of months: one result.
          const lines = ONE_COLUMN.has(fn.id) && size.width === 1 ? 1 : size.height;
          if (Number.isFinite(lines)) height = Math.max(height, lines);
        });
        // FORECAST and RUNRATE give one result per row: one column.
        return new ArraySize(ONE_COLUMN.has(fn.id) ? 1 : width, height);
      };
    } else if (fn.spills) {
      // HyperFormula sizes a spilled result before evaluating it; an upper bound is enough (it pads
      // a smaller result with blanks): as tall as the tallest range argument plus room for a header
      // and totals, and ten columns wide.
      proto[sizeMethod] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
        let height = 1;
        for (const arg of ast.args) {
          const size = (this as unknown as { arraySizeForAst: (a: unknown, s: unknown) => ArraySize }).arraySizeForAst(arg, state);
          // isScalar() is also true for a reference (a range), whatever its size: take the height itself.
          if (Number.isFinite(size.height)) height = Math.max(height, size.height);
        }
        return new ArraySize(10, height + 4);
      };
    }
  }
  (PracticePlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(PracticePlugin as never, { enGB: translations });
  registered = true;
  return declared;
}

/** A workbook engine with the practice functions, from sheets given as 2D arrays of cell contents. */
export function practiceEngine(sheets: Record<string, unknown[][]>): HyperFormula {
  registerPracticeFunctions();
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3" });
}
