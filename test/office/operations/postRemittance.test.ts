/**
 * "Post remittance" against the strict simulated Excel host (load before read, sync counting,
 * injected failures). Amounts as worked out by hand in test/era/postRemittances.test.ts for the
 * managed-care sample: row 2 paid 450.00 and CO 50.00, row 3 paid 495.00 and CO 105.00.
 * Office.js behaviour relied on is the renderer's and readSheets' (tested in test/office); a
 * failing request rejects context.sync() with the operations queued before it already executed
 * ("OfficeExtension.Error class": traceMessages "contains all trace messages that were executed
 * before the error occurred", https://learn.microsoft.com/javascript/api/office/officeextension.error),
 * so nothing is rolled back and a failure removes the sheets already created.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { OperationError, postRemittance, previewRemittance } from "../../../src/office/operations";
import { SimulatedExcel } from "../simulatedExcel";
import { excelContext } from "../helpers";
import { serial } from "./fixtures";

const sample = (name: string) => ({ name, text: fs.readFileSync(path.join(__dirname, "..", "..", "era", "fixtures", "samples", name), "utf8") });
const REGISTER = [
  ["Claim ID", "Date of Service", "Payer", "Charge", "Insurance Paid", "Contractual Adj", "CPT", "Status"],
  ["5554555444", serial(2002, 3, 1), "Rushmore Life", 800, 0, 0, "99211", "Submitted"],
  ["8765432112", serial(2002, 3, 10), "Rushmore Life", 1200, 0, 0, "93555", "Submitted"],
  ["77", serial(2002, 3, 10), "Rushmore Life", 100, 0, 0, "99212", "Submitted"],
];

function workbook(): SimulatedExcel {
  const sim = new SimulatedExcel([]);
  sim.addSheetNow("Claims Register", REGISTER);
  return sim;
}

describe("previewRemittance and postRemittance", () => {
  it("previews per claim (matched, paid, adjustments, status) and writes nothing", async () => {
    const sim = workbook();
    const before = sim.snapshotAll();
    const p = await previewRemittance(excelContext(sim), [sample("managed-care.835"), sample("medicare-part-a.835")]);
    expect(sim.snapshotAll()).toEqual(before);
    expect(p.registerSheet).toBe("Claims Register");
    expect(p.claims.map((c) => [c.claimId, c.matched, c.paid, c.adjustments, c.status, c.cell.address])).toEqual([
      ["5554555444", true, 45000, 5000, "Paid", "A2"],
      ["8765432112", true, 49500, 10500, "Paid", "A3"],
      // Not in the register: the click goes to the claim ID header.
      ["666123", false, 13801840, 0, "Not posted", "A1"],
      ["777777", false, 1198033, 0, "Not posted", "A1"],
    ]);
    expect(p.json.providerAdjustments).toEqual([{ file: "medicare-part-a.835", reason: "CV", amount: "-1.27" }]);
    expect(p.canPost).toBe(true);
  });

  it("posts into a new register sheet and a journal; the register is untouched; posting again is refused", async () => {
    const sim = workbook();
    const before = sim.snapshot("Claims Register");
    const r = await postRemittance(excelContext(sim), [sample("managed-care.835")]);
    expect([r.postedRegister, r.journal]).toEqual(["Claims Register (posted)", "Posting Journal"]);
    expect(sim.snapshot("Claims Register")).toBe(before);
    // Canonical register columns: E Insurance Paid, G Contractual Adj, P Status (CLAIM_FIELDS order).
    expect([2, 3, 4].map((row) => [sim.cell(r.postedRegister, row, 5).value, sim.cell(r.postedRegister, row, 7).value, sim.cell(r.postedRegister, row, 16).value]))
      .toEqual([[450, 50, "Paid"], [495, 105, "Paid"], [0, 0, "Submitted"]]);
    expect(sim.cell("Posting Journal", 1, 5).value).toBe("TRN");
    expect(sim.cell("Posting Journal", 2, 5).value).toBe("7170066655");
    await expect(postRemittance(excelContext(sim), [sample("managed-care.835")])).rejects.toThrow(OperationError);
    const again = await previewRemittance(excelContext(sim), [sample("managed-care.835")]);
    expect(again.registerSheet).toBe("Claims Register (posted)");
    expect(again.json.transactions[0].refused).toMatch(/^the same payment \(payer 1935665544, TRN 7170066655\) is already posted: it was posted on /);
  });

  it("a failure while writing leaves the workbook as it was", async () => {
    const sim = workbook();
    const before = sim.snapshotAll();
    sim.failAt = "DataValidation.rule";
    await expect(postRemittance(excelContext(sim), [sample("managed-care.835")])).rejects.toThrow(/DataValidation.rule failed/);
    expect(sim.snapshotAll()).toEqual(before);
  });

  it("asks for files, and says when there is no register", async () => {
    await expect(previewRemittance(excelContext(workbook()), [])).rejects.toThrow(/Pick one or more .835/);
    const empty = new SimulatedExcel(["Sheet1"]);
    await expect(previewRemittance(excelContext(empty), [sample("managed-care.835")])).rejects.toThrow(/Nothing to post into/);
  });
});
