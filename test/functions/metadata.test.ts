import * as fs from "node:fs";
import * as path from "node:path";
import { parseTree } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";

const source = fs.readFileSync(path.join(__dirname, "../../src/functions/functions.ts"), "utf8");
const tree = parseTree(source, "functions");

const EXPECTED = [
  "BALANCE", "MPFS", "EXPECTEDFEE", "FEEVARIANCE", "UNDERPAID", "AGEBUCKET", "ARAGING", "DAYSINAR",
  "COLLECTIONRATE", "DENIALRATE", "DAYSTOPAY", "PAYERMIX",
  "GROSSPAY", "OVERTIME", "EMPLOYERTAXES", "FTE", "VARIANCE", "VARIANCEPCT", "FAVORABLE", "FORECAST", "RUNRATE",
];

describe("functions.ts metadata (as custom-functions-metadata reads it for functions.json)", () => {
  it("has no metadata errors", () => {
    expect(tree.extras.flatMap((e) => e.errors)).toEqual([]);
  });

  it("declares every PRACTICE function once, each with an exported implementation", () => {
    expect(tree.functions.map((f) => f.id).sort()).toEqual([...EXPECTED].sort());
    for (const a of tree.associate) {
      expect(typeof (functions as unknown as Record<string, unknown>)[a.functionName]).toBe("function");
    }
  });

  it("gives every function a description and every parameter a description", () => {
    for (const f of tree.functions) {
      expect({ id: f.id, description: (f.description ?? "").trim().length > 10 }).toEqual({ id: f.id, description: true });
      for (const p of f.parameters) {
        expect({ id: f.id, param: p.name, described: (p.description ?? "").trim().length > 0 }).toEqual({ id: f.id, param: p.name, described: true });
      }
    }
  });

  it("declares the spilling functions as returning a 2D array", () => {
    const spills = tree.functions.filter((f) => f.result?.dimensionality === "matrix").map((f) => f.id).sort();
    expect(spills).toEqual([
      "ARAGING", "DAYSTOPAY", "EMPLOYERTAXES", "FAVORABLE", "FORECAST", "OVERTIME", "PAYERMIX", "RUNRATE", "UNDERPAID", "VARIANCE", "VARIANCEPCT",
    ]);
  });
});
