import fc from "fast-check";
import { CLAIM_FIELDS, readClaimLines, type ClaimField, type RawClaimRow } from "../../../src/core/claims";
import { referenceReadClaimLines } from "./readClaimLinesReference";

// Issue 13: the reader was rewritten for speed (one row checker, duplicates compared within the
// claim). It must give exactly what the reader before it gave: the same lines, the same issues in
// the same order, the same counts. Grids are drawn so that duplicates, claims met again after
// others, blank rows, error cells and every kind of bad value occur often.

const claimIds = fc.constantFrom("A1", "A2", " A2 ", "B7", "C3", "c3", "", "#N/A", 1001, 1002);
const cellOf: Record<ClaimField, fc.Arbitrary<unknown>> = {
  claimId: claimIds,
  dateOfService: fc.constantFrom(46000, 46001, "10/31/2026", "2026-10-31", "31/10/2026", "", null, 60, "#REF!", true),
  payer: fc.constantFrom("Aetna", "aetna ", "AETNA", "Medicare", "", null, "#N/A", false, 12),
  charge: fc.constantFrom(100, 100.5, "100.50", "$100.50", "(25.00)", -5, "", null, "1,234.50", "1.234,50", "#VALUE!", 0.001),
  insurancePaid: fc.constantFrom(0, 50, 200, "", null, "abc", "25.00-"),
  patientPaid: fc.constantFrom(0, 10, "", null, "(1.00)", "$-5"),
  contractualAdjustment: fc.constantFrom(0, 20, "", null, "x"),
  otherAdjustment: fc.constantFrom(0, 5, "", null),
  allowed: fc.constantFrom(80, "", null, "#N/A", "n/a"),
  cpt: fc.constantFrom("99213", "99213-25", "99214 25 59 76 77 91", "g0439:33", "", null, "#N/A", 99213, true),
  modifiers: fc.constantFrom("25", "25, 59", "LT RT 50 51 59", "", null, "#DIV/0!", 26, { error: "#N/A" }, false),
  units: fc.constantFrom(1, 2, "1.5", "0x10", 0, -1, "", null, "3"),
  placeOfService: fc.constantFrom(11, "11", "02", "011", "5", " 7 ", "1a", "Office", "", null, "#N/A"),
  provider: fc.constantFrom("Dr. Lee", "Patel", "", null, { type: "NA" }),
  payerClass: fc.constantFrom("Medicare", "MA", "comm", "Alien", "", null, "#N/A"),
  status: fc.constantFrom("Paid", "denied", "partial pay", "weird", "", null, "#N/A"),
  denialReason: fc.constantFrom("CO-45", "", null, "#N/A", 7),
  submittedDate: fc.constantFrom(46002, "11/02/2026", "13/45/2026", "", null, "#N/A"),
  lastPaymentDate: fc.constantFrom(46010, "", null, "soon"),
};

const rowCells = fc.record(cellOf, { requiredKeys: ["claimId", "dateOfService", "payer", "charge"] });

/** Rows, often the same row repeated (duplicates) and claims met again after others. */
const grid = fc
  .array(fc.tuple(rowCells, fc.nat({ max: 4 })), { maxLength: 40 })
  .map((drawn) => {
    const rows: RawClaimRow[] = [];
    for (const [cells, repeat] of drawn) {
      rows.push({ row: rows.length + 2, cells });
      // 0 or 1: the same cells again right after; 2: an earlier row's cells again, later on.
      if (repeat <= 1) rows.push({ row: rows.length + 2, cells: { ...cells } });
      else if (repeat === 2 && rows.length > 1) rows.push({ row: rows.length + 2, cells: { ...rows[rows.length >> 1].cells } });
    }
    return rows;
  });

const blankRows = fc.array(fc.constantFrom<RawClaimRow["cells"]>({}, { claimId: " ", payer: null }, { units: "" }), { maxLength: 3 });

describe("readClaimLines gives exactly what the reader before issue 13 gave", () => {
  test("on random grids, with sheet and column names", () => {
    fc.assert(
      fc.property(grid, blankRows, fc.boolean(), (rows, blanks, named) => {
        const all = [...rows, ...blanks.map((cells, i) => ({ row: 1000 + i, cells }))];
        const options = named ? { sheet: "Claims", columns: Object.fromEntries(CLAIM_FIELDS.map((f, i) => [f, String.fromCharCode(65 + i)])) } : {};
        expect(readClaimLines(all, options)).toEqual(referenceReadClaimLines(all, options));
      }),
      { numRuns: 400 },
    );
  });

  test("on claims sorted, then out of order (the duplicate finder's two modes)", () => {
    const sorted = fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom(100, 200), fc.constantFrom("99213", "99214")), { maxLength: 60 });
    fc.assert(
      fc.property(sorted, fc.boolean(), (drawn, sort) => {
        const keyed = sort ? [...drawn].sort((a, b) => a[0] - b[0]) : drawn;
        const rows: RawClaimRow[] = keyed.map(([claim, charge, cpt], i) => ({
          row: i + 2,
          cells: { claimId: `C${String(claim).padStart(3, "0")}`, dateOfService: 46000, payer: i % 2 === 0 ? "Aetna" : "AETNA", charge, cpt },
        }));
        expect(readClaimLines(rows)).toEqual(referenceReadClaimLines(rows));
      }),
      { numRuns: 300 },
    );
  });

  test("any cell value at all", () => {
    const anyCell = fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withDate: true, withNullPrototype: true });
    const rows = fc.array(fc.dictionary(fc.constantFrom(...CLAIM_FIELDS), fc.oneof(anyCell, fc.string()), { maxKeys: CLAIM_FIELDS.length }), { maxLength: 20 });
    fc.assert(
      fc.property(rows, (cellsList) => {
        const raw = cellsList.map((cells, i) => ({ row: i + 2, cells: cells as RawClaimRow["cells"] }));
        expect(readClaimLines(raw, { sheet: "S" })).toEqual(referenceReadClaimLines(raw, { sheet: "S" }));
      }),
      { numRuns: 300 },
    );
  });
});
