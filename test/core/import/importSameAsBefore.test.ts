import fc from "fast-check";
import { agingWordKind, readExportRows } from "../../../src/core/import/readExportRows";
import { readClaimsRegister } from "../../../src/core/import/readClaimsRegister";
import { groupPayerNames } from "../../../src/core/import/normalizePayerNames";
import { mapColumns } from "../../../src/core/import/mapColumns";
import { CLAIM_HEADER_SYNONYMS } from "../../../src/core/import/headerSynonyms";
import { totalsRowReason } from "../../../src/core/import/isTotalsRow";
import { REQUIRED_CLAIM_FIELDS } from "../../../src/core/claims/claimLine";
import { HEADER, registerGrid, rowsUnder } from "./exportArb";
import { agingWordKind as referenceAgingWordKind, readExportRows as referenceReadExportRows, referenceTotalsRowReason } from "./readExportRowsReference";
import { referenceCreditSigns, referenceGroupPayerNames, referenceReadClaimsRegister } from "./readClaimsRegisterReference";
import { creditSigns } from "../../../src/core/import/creditSigns";
import type { ClaimLine } from "../../../src/core/claims/claimLine";
import type { Day } from "../../../src/core/dates/day";
import { registerColumns } from "../../../src/core/claimColumns/registerColumns";

// Issue 13: the claims import was rewritten for speed (rows sorted in one pass over their cells,
// aging words matched on the raw text, claim lines read straight from the grid with no object per
// row, payer names grouped from counts). It must give exactly what the import before it gave: the
// same lines, the same issues in the same order, the same rows left out and the same source report.
// The readers before are kept under test/ as references (readExportRowsReference.ts,
// readClaimsRegisterReference.ts). Grids are drawn so that every kind of row the import tells
// apart occurs often.

/** Texts near the aging words: case, runs of spaces, tabs, no-break and other Unicode spaces, look-alike letters. */
const agingText = fc.oneof(
  fc.constantFrom("Aging Summary", " A/R  Aging: ", "AR aging totals", "aging total", "Summary of Aging by payer", "aging  by payer",
    "Current", "CURRENT days", "0-30", "0 - 30 Days", "31 -60", "61-90", " 91 - 120 ", "120+", "121 +", "Over 90", "over\t120 days",
    "> 90", ">120", "90+", "Total Due", "total  due days", "\u00a0Current\u00a0", "\u2028aging", "Aging :", "Aging:", "aging summary:",
    "currentx", "Commercial", "Cigna", "Tricare", "Oscar", "99213", "1002345", "120", "Self-pay", "SYN-0000001", "a/r", "\u212Aaging", "\u017Fummary of aging", "AGİNG"),
  fc.string({ unit: fc.constantFrom("a", "A", "g", "i", "n", "G", "s", "u", "m", "r", "y", "/", "c", "e", "t", "o", "v", "d", "0", "1", "2", "3", "6", "9", "-", "+", ">", ":", " ", "\t", "\u00a0", "\u3000", "\n"), maxLength: 14 }),
);

describe("agingWordKind on the raw text reads as it did on the trimmed, lower-cased text", () => {
  test("on texts near the aging words", () => {
    fc.assert(fc.property(agingText, (text) => {
      expect(agingWordKind(text)).toBe(referenceAgingWordKind(text));
    }), { numRuns: 3000 });
  });
  test("on any text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 12 }), (text) => {
      expect(agingWordKind(text)).toBe(referenceAgingWordKind(text));
    }), { numRuns: 2000 });
  });
});

describe("groupPayerNames from counts gives what it gave from the list", () => {
  test("on lists of payer spellings", () => {
    const name = fc.constantFrom("Aetna", "AETNA ", "Aetna, Inc.", "aetna", "Cigna", "CIGNA", " ", "", "Inc", "United Healthcare", "UnitedHealthcare", "Self-pay", "self pay");
    fc.assert(fc.property(fc.array(name, { maxLength: 30 }), (names) => {
      expect(groupPayerNames(names)).toEqual(referenceGroupPayerNames(names));
    }), { numRuns: 500 });
  });
});

describe("readExportRows gives what it gave before", () => {
  test("on random exports", () => {
    fc.assert(fc.property(rowsUnder(HEADER), fc.boolean(), (rows, twoRows) => {
      const grid: unknown[][] = twoRows ? [["", "", "", "", "Ins", "Pt"], HEADER, ...rows] : [HEADER, ...rows];
      const headerRow = grid.indexOf(HEADER) + 1;
      const mapped = mapColumns(HEADER, CLAIM_HEADER_SYNONYMS, {}, { required: REQUIRED_CLAIM_FIELDS, multiColumn: ["modifiers"] });
      const columns = { mapping: mapped.mapping, extraColumns: mapped.extraColumns };
      const totals = (cells: readonly unknown[]): string | null => totalsRowReason(cells, mapped.mapping);
      const referenceTotals = (cells: readonly unknown[]): string | null => referenceTotalsRowReason(cells, mapped.mapping);
      const options = { sheet: "Claims", headerRows: twoRows ? [1, 2] : [1] };
      expect(readExportRows(grid, headerRow, columns, totals, options)).toEqual(referenceReadExportRows(grid, headerRow, columns, referenceTotals, options));
    }), { numRuns: 300 });
  });
});

describe("readClaimsRegister gives what it gave before", () => {
  test("on random exports, OpenEMR reports and registers (lines, issues, rows left out, source, the export's rows)", () => {
    fc.assert(fc.property(registerGrid, fc.boolean(), (grid, normalizePayers) => {
      const options = { sheet: "Claims", normalizePayers };
      expect(readClaimsRegister(grid, options)).toEqual(referenceReadClaimsRegister(grid, options));
    }), { numRuns: 300 });
  });
});

describe("creditSigns in one pass turns the same fields as before", () => {
  test("on lines with negative and positive payments and adjustments", () => {
    const amount = fc.constantFrom(0, -0, 500, -500, -1, 3);
    const line = fc.record({ insurancePaid: amount, patientPaid: amount, contractualAdjustment: amount, otherAdjustment: amount });
    fc.assert(fc.property(fc.array(line, { maxLength: 40 }), (parts) => {
      const lines = parts.map((p, i) => ({ ...baseLine, ...p, row: i + 2 }));
      const columns = { insurancePaid: "E", otherAdjustment: "H" };
      expect(creditSigns(lines, columns)).toEqual(referenceCreditSigns(lines, columns));
    }), { numRuns: 500 });
  });
});

const baseLine: ClaimLine = {
  row: 2, claimId: "C1", dateOfService: 20000 as Day, payer: "Aetna", charge: 1000, insurancePaid: 0, patientPaid: 0, contractualAdjustment: 0,
  otherAdjustment: 0, allowed: null, cpt: null, modifiers: [], units: 1, placeOfService: null, provider: null, payerClass: null, status: null,
  denialReason: null, submittedDate: null, lastPaymentDate: null,
};

describe("the register's columns, filled as the lines are read", () => {
  test("equal the columns read afterwards from the lines the register gives (credit signs turned, balances reconciled)", () => {
    fc.assert(fc.property(registerGrid, fc.boolean(), (grid, normalizePayers) => {
      const read = readClaimsRegister(grid, { sheet: "Claims", normalizePayers, registerColumns: true });
      const filled = read.registerColumns;
      expect(filled?.lines).toBe(read.lines);
      const { payers, providers, pricings, ...columns } = registerColumns(read.lines);
      const { payers: filledPayers, providers: filledProviders, pricings: filledPricings, ...filledColumns } = filled as NonNullable<typeof filled>;
      expect(filledColumns).toEqual(columns);
      expect([filledPayers.names, filledPricings.pricings]).toEqual([payers.names, pricings.pricings]);
      expect(read.lines.map((l) => filledProviders.groupOf(l.provider))).toEqual(read.lines.map((l) => providers.groupOf(l.provider)));
      expect(readClaimsRegister(grid, { sheet: "Claims", normalizePayers }).registerColumns).toBeUndefined();
    }), { numRuns: 300 });
  });
});
