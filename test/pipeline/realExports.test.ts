import { workbookReport } from "../../src/core/report/workbookReport";
import { csvSheet, day } from "./helpers";

// Every expected figure below is worked out by hand from definitions.md, not taken from the code.
describe("OpenEMR Collections Report CSV", () => {
  const sheet = csvSheet("openemr-collections.csv");
  const report = workbookReport([sheet], { asOf: day("2026-10-31") });

  test("Paid and Adjust map, with the synonym explained; blank Insurance is self-pay, said as an assumption", () => {
    const source = report.claims.source;
    expect(source.layout).toBe("OpenEMR Collections Report");
    const field = (f: string) => source.fields.find((x) => x.field === f);
    expect(field("insurancePaid")).toMatchObject({ column: "L", header: "Paid", matchedBy: "exact", synonym: "paid" });
    expect(field("contractualAdjustment")).toMatchObject({ column: "K", header: "Adjust" });
    expect(field("claimId")).toMatchObject({ column: "F", header: "Invoice" });
    expect(field("cpt")?.column).toBeNull();
    expect(source.balanceColumn).toBe("M");
    expect(source.assumptions.join(" ")).toMatch(/blank Insurance cell is self-pay.*1 lines/);
    expect(report.claims.lines.map((l) => l.payer)).toEqual(["Aetna PPO", "Medicare Part B", "Self-pay", "BCBS"]);
    expect(report.summary.claims.leftOut).toEqual([]);
  });

  test("figures by hand: balances 50, -30, 100, 300", () => {
    const s = report.summary;
    expect(s.ar.total).toBe("420.00");
    expect(s.ar.creditBalances).toBe("-30.00");
    expect(s.ar.buckets.map((b) => b.amount)).toEqual(["50.00", "300.00", "-30.00", "0.00", "100.00"]);
    expect(s.kpis.charges).toBe("770.00");
    expect(s.kpis.payments).toBe("230.00");
    expect(s.kpis.contractualAdjustments).toBe("120.00");
    expect(s.kpis.netCollectionRate).toBe("0.3538"); // 230 / (770 − 120)
    expect(s.kpis.grossCollectionRate).toBe("0.2987"); // 230 / 770
  });

  test("the Balance column is reconciled: the unsigned credit balance recognised, one disagreement listed", () => {
    const check = report.claims.balanceCheck;
    expect(check).toMatchObject({ column: "M", linesChecked: 4, agreeing: 3, disagreements: 1, disagreementTotal: 2000, unsignedCreditBalances: 1 });
    expect(check?.rows).toEqual([{ sheet: "openemr-collections", row: 5, exported: 28000, computed: 30000 }]);
    expect(report.claims.source.notes.join("\n")).toMatch(/credit balances are written without their minus sign/);
    expect(report.summary.source?.balanceCheck).toMatchObject({ disagreements: 1, disagreementTotal: "20.00" });
  });
});
