import { isTotalsRow, isTotalsText, normalizePayerNames, payerNameMerges, readFeeScheduleExport } from "../../../src/core/import";
import { feeScheduleExport } from "./fixtures/feeScheduleExport";

describe("isTotalsRow", () => {
  const mapping = { claimId: 0, dateOfService: 1, payer: 2, charge: 3 };

  it.each([
    ["Total"], ["Grand Total"], ["Subtotal"], ["Sub-Total:"], ["Totals for Aetna"], ["** Total **"], ["Page total"],
    ["Report total"], ["Aetna Total:"], ["TOTALS"],
  ])("recognises %p in a text cell", (label) => {
    expect(isTotalsText(label)).toBe(true);
    expect(isTotalsRow([null, null, label, "$100.00"], mapping)).toBe(true);
  });

  it("recognises a row of amounts with no claim number and no date of service", () => {
    expect(isTotalsRow([null, "", null, 1234.5], mapping)).toBe(true);
  });

  it("keeps claim lines, including one for a payer named Total Health Care", () => {
    expect(isTotalsRow(["C1", "10/01/2026", "Aetna", 100], mapping)).toBe(false);
    expect(isTotalsRow(["C1", "10/01/2026", "Total Health Care", 100], mapping)).toBe(false);
    expect(isTotalsRow(["C1", "", "Aetna", 100], mapping)).toBe(false); // a line with a blank DOS is an error, not a total
    expect(isTotalsText("Totally Kids Pediatrics PPO")).toBe(false);
  });
});

describe("normalizePayerNames", () => {
  it("groups case, spacing, punctuation and company suffixes, and keeps plan types apart", () => {
    const names = ["Aetna", "AETNA ", "Aetna, Inc.", "Aetna PPO", "Aetna HMO", "Aetna", "Cigna Ins. Co.", "CIGNA"];
    const map = normalizePayerNames(names);
    // "Aetna" is written twice, the other spellings once each
    expect(map.get("AETNA ")).toBe("Aetna");
    expect(map.get("Aetna, Inc.")).toBe("Aetna");
    expect(map.get("Aetna PPO")).toBe("Aetna PPO");
    expect(map.get("Aetna HMO")).toBe("Aetna HMO");
    // Cigna: one each, the first seen wins
    expect(map.get("CIGNA")).toBe("Cigna Ins. Co.");
    expect(payerNameMerges(names)).toEqual([
      { canonical: "Aetna", variants: ["AETNA", "Aetna, Inc."] },
      { canonical: "Cigna Ins. Co.", variants: ["CIGNA"] },
    ]);
  });

  it("does not drop words other than company suffixes", () => {
    const map = normalizePayerNames(["Molina", "Molina Health Plan", "Medicare", "Medicare Advantage"]);
    expect(new Set(map.values())).toEqual(new Set(["Molina", "Molina Health Plan", "Medicare", "Medicare Advantage"]));
  });
});

describe("readFeeScheduleExport", () => {
  const read = readFeeScheduleExport(feeScheduleExport, { sheet: "Aetna 2026" });

  it("maps the columns and hands over rows in the fee-schedule reader's cell shape, cells as written", () => {
    expect(read.headerRow).toBe(3);
    expect(read.mapping).toEqual({ payer: "A", cpt: "B", modifier: "C", amount: "E", percentOfMedicare: "F" });
    expect(read.unmapped).toEqual([{ column: "D", header: "Description" }]);
    expect(read.rows).toEqual([
      { row: 4, cells: { payer: "Aetna PPO", cpt: "99213", modifier: "", amount: "$98.50", percentOfMedicare: "" } },
      { row: 5, cells: { payer: "Aetna PPO", cpt: 27447, modifier: "", amount: "1,450.00", percentOfMedicare: "" } },
      { row: 6, cells: { payer: "Aetna PPO", cpt: "99214", modifier: "25", amount: "", percentOfMedicare: "115%" } },
    ]);
  });

  it("leaves out the Total line and the page footer, keeps 'Total knee arthroplasty', and reconciles", () => {
    expect(read.leftOut).toEqual([
      { sheet: "Aetna 2026", row: 7, reason: 'totals row ("Total")' },
      { sheet: "Aetna 2026", row: 8, reason: 'page number line ("Page 1 of 1")' },
    ]);
    // rows 4..8 = 3 data + 2 left out + 0 blank
    expect(read.dataRows + read.leftOut.length + read.blankRows).toBe(read.rowsBelowHeader);
    expect(read.rowsBelowHeader).toBe(5);
  });

  it("needs an amount or a percent of Medicare column", () => {
    const read2 = readFeeScheduleExport([["Payer", "CPT", "Description"], ["Aetna", "99213", "visit"]]);
    expect(read2.rows).toEqual([]);
    expect(read2.issues[0].message).toMatch(/^header row 1 has no column for amount or percentOfMedicare;/);
  });
});
