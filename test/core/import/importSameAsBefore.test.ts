import fc from "fast-check";
import { agingWordKind, readExportRows } from "../../../src/core/import/readExportRows";
import { readClaimsRegister } from "../../../src/core/import/readClaimsRegister";
import { groupPayerNames } from "../../../src/core/import/normalizePayerNames";
import { mapColumns } from "../../../src/core/import/mapColumns";
import { CLAIM_HEADER_SYNONYMS } from "../../../src/core/import/headerSynonyms";
import { totalsRowReason } from "../../../src/core/import/isTotalsRow";
import { CLAIM_FIELD_HEADERS, REQUIRED_CLAIM_FIELDS } from "../../../src/core/claims/claimLine";
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

const HEADER = ["Claim ID", "Date of Service", "Payer", "Charge", "Insurance Paid", "Patient Paid", "Contractual Adj", "Other Adj", "CPT", "Mod 1", "Mod 2", "Status", "Payer Class"];
const OPENEMR = ["Insurance", "Name", "Invoice", "DOS", "Provider", "Charge", "Adjust", "Paid", "Balance"];

/** A cell of a data row under a header, often ordinary, sometimes odd. */
function dataCell(header: string): fc.Arbitrary<unknown> {
  const odd = fc.constantFrom<unknown>(null, "", "  ", "#N/A", { error: "#REF!" }, true, "Total", "n/a");
  const usual: Record<string, fc.Arbitrary<unknown>> = {
    "Claim ID": fc.constantFrom("C1", "C2", "C2", "C3", 1004, " C5 "), Invoice: fc.constantFrom("C1", "C2", 1004),
    "Date of Service": fc.constantFrom(46000, 46001.5, "10/31/2026", "2026-11-02"), DOS: fc.constantFrom(46000, "10/31/2026"),
    Payer: fc.constantFrom("Aetna", "AETNA ", "Aetna, Inc.", "Cigna", "Medicare"), Insurance: fc.constantFrom("Aetna", "aetna", "", null, "Medicare"),
    Charge: fc.constantFrom(100, 250.5, "$1,234.50", "(20.00)", -5),
    "Insurance Paid": fc.constantFrom(0, 50, -40, -60, "-25.00"), "Patient Paid": fc.constantFrom(0, 10, -10),
    "Contractual Adj": fc.constantFrom(0, 20, -20), "Other Adj": fc.constantFrom(0, 5), Adjust: fc.constantFrom(0, 20, -20), Paid: fc.constantFrom(0, 50, -50),
    CPT: fc.constantFrom("99213", "99213-25", "G0439:33", null), "Mod 1": fc.constantFrom("25", "", null, 59), "Mod 2": fc.constantFrom("59", "", null, "LT"),
    Status: fc.constantFrom("Paid", "Denied", "weird", null), "Payer Class": fc.constantFrom("Commercial", "Medicare", "Alien", null),
    Name: fc.constantFrom("Doe, Jane", "Roe"), Provider: fc.constantFrom("Dr. Lee", "Patel"), Balance: fc.constantFrom(30, 0, 12.5),
  };
  return fc.oneof({ weight: 6, arbitrary: usual[header] ?? fc.constant(null) }, { weight: 1, arbitrary: odd });
}

/** Rows below a header: data rows and the rows an export prints among them. */
function rowsUnder(header: readonly string[]): fc.Arbitrary<unknown[][]> {
  const width = header.length;
  const data = fc.tuple(...header.map(dataCell));
  const lone = (text: string): unknown[] => [text];
  const special = fc.constantFrom<unknown[]>(
    [], [null, "", "  "], [...header], header.map((h, i) => (i % 2 === 0 ? h.toUpperCase() : null)), ["Total", null, null, 500],
    ["Grand Total:", "", "", 1200.5], [null, null, null, 300, 20], lone("Aging Summary"), ["Current", "31-60", "61-90", "Over 90"],
    [1000, 200, 50, 10], lone("End of Report"), lone("Page 2 of 3"), lone("Printed by admin 11/01/2026"), lone("Aetna PPO group"),
    lone("x"), [...Array(width).fill(null), "spill", "over"], [...Array(width).fill("a"), "1", "234.50"], [...Array(width + 2).fill(null), 7],
    ["Total Health Care", 46000, "Total Health Care", 100], [null, "Current", null, "0-30"],
  );
  return fc.array(fc.oneof({ weight: 5, arbitrary: data }, { weight: 2, arbitrary: special }), { maxLength: 30 });
}

const registerGrid = fc.oneof(
  rowsUnder(HEADER).map((rows) => [["Claims export", null], ["Run date: 11/01/2026"], HEADER, ...rows]),
  rowsUnder(OPENEMR).map((rows) => [OPENEMR, ...rows]),
  rowsUnder(Object.values(CLAIM_FIELD_HEADERS)).map((rows) => [Object.values(CLAIM_FIELD_HEADERS), ...rows]),
);

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
