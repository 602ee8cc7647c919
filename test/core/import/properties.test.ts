import fc from "fast-check";
import { normalizePayerNames, readClaimsRegister, readFeeScheduleExport } from "../../../src/core/import";

const cell = fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.boolean());
const grid = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 40 });
const header = ["Claim #", "DOS", "Payer", "Billed", "Ins Paid", "Mod 1", "Mod 2", "Status"];

function reconciles(read: ReturnType<typeof readClaimsRegister>): boolean {
  const rows = read.leftOut.map((l) => l.row);
  return (
    read.rowsRead === read.lines.length + read.leftOut.length &&
    read.rowsRead + read.blankRows === read.rowsBelowHeader &&
    new Set(rows).size === rows.length && // each row left out once
    read.lines.every((l) => !rows.includes(l.row))
  );
}

describe("properties", () => {
  it("readClaimsRegister never throws on random grids and always reconciles", () => {
    fc.assert(fc.property(grid, (g) => reconciles(readClaimsRegister(g))), { numRuns: 300 });
  });

  it("reconciles on random rows below a real header, after title lines", () => {
    fc.assert(
      fc.property(grid, fc.array(cell, { maxLength: 3 }), (rows, title) => {
        const read = readClaimsRegister([title, header, ...rows], { sheet: "Random" });
        return read.headerRow !== null && reconciles(read) && read.rowsBelowHeader === rows.length;
      }),
      { numRuns: 300 },
    );
  });

  it("readFeeScheduleExport never throws and reconciles", () => {
    fc.assert(
      fc.property(grid, (rows) => {
        const read = readFeeScheduleExport([["Payer", "CPT", "Mod", "Fee"], ...rows]);
        return read.dataRows + read.leftOut.length + read.blankRows === read.rowsBelowHeader;
      }),
      { numRuns: 200 },
    );
  });

  it("normalizePayerNames maps every name to a spelling of its own group, and canonical names to themselves", () => {
    const names = fc.array(fc.oneof(fc.constantFrom("Aetna", "AETNA ", "Aetna, Inc.", "Aetna PPO", "Cigna"), fc.string()), { maxLength: 20 });
    fc.assert(
      fc.property(names, (list) => {
        const map = normalizePayerNames(list);
        const trimmed = new Set(list.map((n) => n.trim()));
        return list.every((n) => {
          const c = map.get(n) as string;
          return (c === n || trimmed.has(c)) && (c.trim() === "" || map.get(c) === undefined || map.get(c) === c);
        });
      }),
    );
  });
});
