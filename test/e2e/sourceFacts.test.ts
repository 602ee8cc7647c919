/* The pane's words about the claims source (Convert, report and fee check results) and about what
 * the A/R balances are as of, from the reader's summary. */
import type { SourceSummaryJson } from "../../src/core/report/sourceSummary";
import { balancesAsOfText, sourceFactLines, sourceNeedsWarning } from "../../src/taskpane/sourceFacts";

function source(over: Partial<SourceSummaryJson> = {}): SourceSummaryJson {
  const fields = Object.fromEntries(
    ["claimId", "dateOfService", "payer", "charge", "insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment", "allowed", "cpt", "modifiers", "units", "placeOfService", "provider", "payerClass", "status", "denialReason", "submittedDate", "lastPaymentDate"].map((f) => [f, null]),
  ) as SourceSummaryJson["columns"]["fields"];
  fields.claimId = { column: "A", header: "Claim #", matchedBy: "exact", synonym: "claim #" };
  fields.charge = { column: "E", header: "Billed", matchedBy: "exact", synonym: "billed" };
  return {
    name: 'sheet "Export"', layout: "line-item export", headerRows: [4],
    columns: { fields, notUsed: [{ column: "F", header: "Copay Collected", looksLikeMoney: true }, { column: "G", header: "Notes", looksLikeMoney: false }, { column: "I", header: "Balance", looksLikeMoney: true }], missingMoney: ["insurancePaid", "patientPaid"], ambiguous: [{ field: "charge", columns: ["E", "H"], chosen: "E" }], balanceColumn: "I" },
    balanceCheck: { column: "I", linesChecked: 1200, agreeing: 1197, disagreements: 3, disagreementTotal: "1234.50", rows: [], adjustmentSignsCorrected: 0, unsignedCreditBalances: 0 },
    balancesAsOf: "export", otherSheets: [], notes: [], assumptions: ["a blank Insurance cell is self-pay (OpenEMR's convention)"],
    ...over,
  };
}

describe("source facts in the pane", () => {
  test("money fields with no column and balance disagreements are warnings; the rest are facts", () => {
    const s = sourceFactLines(source());
    expect(s.layout).toBe("Read as line-item export (header row 4).");
    expect(s.warnings).toEqual([
      "No column for Insurance Paid, Patient Paid: read as $0.00 on every line, so balances and A/R include what was paid or adjusted. Pick the column if the export has one.",
      "The sheet's balance column (I) disagrees with the computed balance on 3 lines of 1,200, by $1,234.50 in all.",
    ]);
    expect(s.facts).toEqual([
      "Money columns not used: F (Copay Collected).",
      "Columns E, H could all be Charge; E was used.",
      "Assumed: a blank Insurance cell is self-pay (OpenEMR's convention).",
    ]);
    expect(s.fields.find((f) => f.field === "claimId")?.column).toBe("A (Claim #)");
    expect(s.fields.find((f) => f.field === "insurancePaid")?.column).toBeNull();
    expect(sourceNeedsWarning(source())).toBe(true);
    expect(sourceNeedsWarning(source({ columns: { ...source().columns, missingMoney: [] }, balanceCheck: null }))).toBe(false);
    expect(sourceNeedsWarning(null)).toBe(false);
  });

  test("what the balances are as of: the reader's word, not a guess from the date", () => {
    expect(balancesAsOfText("asOfDate", "2026-09-30", "2026-12-06")).toMatch(/^Balances were rolled back to .*2026 from the ledger's posting dates/);
    expect(balancesAsOfText("export", "2026-09-30", "2026-12-06")).toMatch(/^Balances are as of the export, not as they stood on .*2026/);
    expect(balancesAsOfText("export", "2026-12-06", "2026-12-06")).toBeNull();
  });
});
