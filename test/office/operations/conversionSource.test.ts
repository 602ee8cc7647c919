/**
 * Convert reads an export the way the report does (issue 8 follow-up): a transaction ledger
 * previews as the claim lines its postings roll up to (not its Amount column as the charge), the
 * pane's column choices reach the ledger reader, and preview and result carry the source facts
 * (layout, money fields with no column, balance check). Figures worked out by hand below.
 */
import { readClaimsRegister } from "../../../src/core/import/readClaimsRegister";
import { convertToRegister, previewConversion } from "../../../src/office/operations";
import { SimulatedExcel } from "../simulatedExcel";
import { excelContext } from "../helpers";
import { serial } from "./fixtures";

/**
 * One row per transaction. C-1: charge 150.00, insurance payment 90.00, contractual 60.00 →
 * balance 0.00. C-2: charge 200.00, patient payment 20.00 → balance 180.00. 5 rows, 2 claim lines.
 */
function ledgerGrid(): unknown[][] {
  const dos1 = serial(2026, 9, 1);
  const dos2 = serial(2026, 9, 3);
  return [
    ["Claim #", "Line", "Posting Date", "DOS", "Payer", "Plan", "CPT", "Type", "Amount"],
    ["C-1", 1, serial(2026, 9, 2), dos1, "Aetna", "Aetna PPO", "99213", "Charge", 150],
    ["C-1", 1, serial(2026, 9, 20), dos1, "Aetna", "Aetna PPO", "99213", "Insurance Payment", 90],
    ["C-1", 1, serial(2026, 9, 20), dos1, "Aetna", "Aetna PPO", "99213", "Contractual Adjustment", 60],
    ["C-2", 1, serial(2026, 9, 4), dos2, "Medicare", "Medicare B", "99214", "Charge", 200],
    ["C-2", 1, serial(2026, 10, 1), dos2, "Medicare", "Medicare B", "99214", "Patient Payment", 20],
  ];
}

/** The written register's column of a header, read back from the simulated sheet. */
function registerColumn(sim: SimulatedExcel, sheet: string, header: string): unknown[] {
  let col = 0;
  for (let c = 1; c <= 30; c++) if (sim.cell(sheet, 1, c).value === header) col = c;
  if (col === 0) throw new Error(`no column ${header}`);
  const out: unknown[] = [];
  for (let r = 2; sim.cell(sheet, r, 1).value !== "" && sim.cell(sheet, r, 1).value !== null && sim.cell(sheet, r, 1).value !== undefined; r++) out.push(sim.cell(sheet, r, col).value);
  return out;
}

describe("Convert reads a transaction ledger as the report does", () => {
  it("previews the ledger as its rolled-up claim lines, money fields from the amount column by type", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Transactions", ledgerGrid() as never);
    const preview = await previewConversion(excelContext(sim), { sheet: "Transactions" });
    expect(preview.headerRow).toBe(1);
    expect(preview.lines).toBe(2);
    expect(preview.source?.layout).toBe("transaction ledger");
    for (const f of ["charge", "insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment"] as const) {
      expect(preview.mapping[f]).toBe("I");
      expect(preview.source?.columns.fields[f]?.synonym).toMatch(/^by transaction type \(column H\)/);
    }
    expect(preview.mapping.claimId).toBe("A");
    expect(preview.source?.columns.missingMoney).toEqual([]);
  });

  it("converts with the pane's column choice for a ledger field (payer from Plan), amounts rolled up", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Transactions", ledgerGrid() as never);
    const result = await convertToRegister(excelContext(sim), { sheet: "Transactions" }, { payer: "F" });
    expect(result.lines).toBe(2);
    expect(result.source.layout).toBe("transaction ledger");
    expect(result.source.columns.fields.payer?.column).toBe("F");
    expect(registerColumn(sim, result.sheet, "Claim ID")).toEqual(["C-1", "C-2"]);
    expect(registerColumn(sim, result.sheet, "Payer")).toEqual(["Aetna PPO", "Medicare B"]);
    expect(registerColumn(sim, result.sheet, "Charge")).toEqual([150, 200]);
    expect(registerColumn(sim, result.sheet, "Insurance Paid")).toEqual([90, 0]);
    expect(registerColumn(sim, result.sheet, "Patient Paid")).toEqual([0, 20]);
    expect(registerColumn(sim, result.sheet, "Contractual Adj")).toEqual([60, 0]);
  });

  it("a money field moved off the amount column reads the sheet as a register, and says so", () => {
    const read = readClaimsRegister(ledgerGrid(), { sheet: "Transactions", overrides: { insurancePaid: "B" }, normalizePayers: false });
    expect(read.source.layout).not.toBe("transaction ledger");
    expect(read.source.notes.join("\n")).toContain("read as a register, not as a transaction ledger: a column of its own was chosen for Insurance Paid");
  });

  it("a field set to (not used) in the pane has no column, though the reader found one", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Export", [
      ["Claim #", "DOS", "Payer", "CPT", "Billed", "Ins Pmt", "Write Off"],
      ["C-1", serial(2026, 9, 1), "Aetna", "99213", 150, 90, 10],
    ] as never);
    const result = await convertToRegister(excelContext(sim), { sheet: "Export" }, { otherAdjustment: "" });
    expect(result.source.columns.fields.otherAdjustment).toBeNull();
    expect(result.source.columns.missingMoney).toContain("otherAdjustment");
    expect(result.source.columns.notUsed.map((u) => u.column)).toContain("G");
    expect(registerColumn(sim, result.sheet, "Other Adj")).toEqual([0]); // not the 10.00 of Write Off
    // On a ledger, "(not used)" for a money field is not applied, and said.
    const ledger = readClaimsRegister(ledgerGrid(), { sheet: "Transactions", overrides: { otherAdjustment: "" }, normalizePayers: false });
    expect(ledger.source.layout).toBe("transaction ledger");
    expect(ledger.source.notes.join("\n")).toContain('"(not used)" for Other Adj was not applied');
  });

  it("an export without a payments column: preview and result say the money fields with no column", async () => {
    const sim = new SimulatedExcel([]);
    sim.addSheetNow("Export", [
      ["Claim #", "DOS", "Payer", "CPT", "Billed"],
      ["C-1", serial(2026, 9, 1), "Aetna", "99213", 150],
      ["C-2", serial(2026, 9, 3), "Cigna", "99214", 200],
    ] as never);
    const preview = await previewConversion(excelContext(sim), { sheet: "Export" });
    expect(preview.source?.columns.missingMoney).toEqual(["insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment"]);
    const result = await convertToRegister(excelContext(sim), { sheet: "Export" }, {});
    expect(result.source.columns.missingMoney).toEqual(["insurancePaid", "patientPaid", "contractualAdjustment", "otherAdjustment"]);
    expect(result.source.columns.fields.insurancePaid).toBeNull();
    expect(result.source.columns.fields.charge?.column).toBe("E");
  });
});
