// Random claims exports shared by the import's property tests (importSameAsBefore, claimsStream):
// data rows among every kind of row an export prints (blank, repeated header, totals, aging
// summary, footers, notes, spilled CSV rows), with ordinary and odd cells.
import fc from "fast-check";
import { CLAIM_FIELD_HEADERS } from "../../../src/core/claims/claimLine";

export const HEADER = ["Claim ID", "Date of Service", "Payer", "Charge", "Insurance Paid", "Patient Paid", "Contractual Adj", "Other Adj", "CPT", "Mod 1", "Mod 2", "Status", "Payer Class"];
export const OPENEMR = ["Insurance", "Name", "Invoice", "DOS", "Provider", "Charge", "Adjust", "Paid", "Balance"];

/** A cell of a data row under a header, often ordinary, sometimes odd. */
export function dataCell(header: string): fc.Arbitrary<unknown> {
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
export function rowsUnder(header: readonly string[], maxLength = 30, size?: fc.SizeForArbitrary): fc.Arbitrary<unknown[][]> {
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
  return fc.array(fc.oneof({ weight: 5, arbitrary: data }, { weight: 2, arbitrary: special }), { maxLength, size });
}

export const registerGrid = fc.oneof(
  rowsUnder(HEADER).map((rows) => [["Claims export", null], ["Run date: 11/01/2026"], HEADER, ...rows]),
  rowsUnder(OPENEMR).map((rows) => [OPENEMR, ...rows]),
  rowsUnder(Object.values(CLAIM_FIELD_HEADERS)).map((rows) => [Object.values(CLAIM_FIELD_HEADERS), ...rows]),
);

/** The rows sorted by their claim cell (as read: text trimmed), so that each claim's lines come together. */
export function sortedByClaim(rows: readonly unknown[][], claimColumn: number): unknown[][] {
  const key = (row: readonly unknown[]): string => {
    const cell = row[claimColumn];
    return typeof cell === "string" ? cell.trim() : typeof cell === "number" ? String(cell) : "";
  };
  return rows.map((row, i) => ({ row, i, k: key(row) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i)).map((x) => x.row);
}

/**
 * registerGrid's three kinds, longer (up to `maxLength` rows below the header, past the first 40
 * rows a reader may be given apart), and with the rows sorted by claim half of the time.
 */
export function streamGrid(maxLength: number): fc.Arbitrary<unknown[][]> {
  const sometimesSorted = (header: readonly string[], claimColumn: number): fc.Arbitrary<unknown[][]> =>
    fc.tuple(rowsUnder(header, maxLength, "max"), fc.boolean()).map(([rows, sort]) => (sort ? sortedByClaim(rows, claimColumn) : rows));
  const register = Object.values(CLAIM_FIELD_HEADERS);
  return fc.oneof(
    sometimesSorted(HEADER, 0).map((rows) => [["Claims export", null], ["Run date: 11/01/2026"], HEADER, ...rows]),
    sometimesSorted(OPENEMR, OPENEMR.indexOf("Invoice")).map((rows) => [OPENEMR, ...rows]),
    sometimesSorted(register, 0).map((rows) => [register, ...rows]),
  );
}
