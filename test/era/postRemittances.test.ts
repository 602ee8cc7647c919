/**
 * Posting 835s into register lines. Every expected amount is worked out by hand from the segments
 * in the test and the posting rules of issue 12 (CO → contractual, PR shown not written off, OA/PI
 * → other except OA-23, denials not written off, reversals negative, secondary without the
 * primary's adjustments, PLB listed not spread); the balance is definitions.md's
 * charge − insurancePaid − patientPaid − contractualAdjustment − otherAdjustment.
 */
import { lineBalance } from "../../src/core/claims/balance";
import { journalSheet, postingJson, postRemittances, readPostedPayments, type PostingResult } from "../../src/core/era";
import type { CellValue } from "../../src/core/cells/cellValue";
import { header, line, sample, x12 } from "./helpers";

const byRow = (r: PostingResult, row: number) => {
  const l = r.lines.find((x) => x.row === row);
  if (l === undefined) throw new Error(`no row ${row}`);
  return { paid: l.insurancePaid, co: l.contractualAdjustment, other: l.otherAdjustment, balance: lineBalance(l), status: l.status, denial: l.denialReason };
};

describe("the samples posted into a register", () => {
  it("managed care: claim-level CO-A2 lowers the line's payment, PR stays open as the patient's", () => {
    const register = [line(2, "5554555444", "2002-03-01", "99211", "800.00"), line(3, "8765432112", "2002-03-10", "93555", "1200.00")];
    const r = postRemittances(register, [sample("managed-care.835")]);
    // Row 2: paid 500.00 − 50.00 (claim CO-A2) = 450.00; contractual 50.00; balance 800 − 450 − 50 = 300.00 = PR-1.
    expect(byRow(r, 2)).toEqual({ paid: 45000, co: 5000, other: 0, balance: 30000, status: "Paid", denial: null });
    // Row 3: paid 550.00 − 55.00 = 495.00; contractual 50.00 + 55.00 = 105.00; balance 1200 − 495 − 105 = 600.00 = PR-1.
    expect(byRow(r, 3)).toEqual({ paid: 49500, co: 10500, other: 0, balance: 60000, status: "Paid", denial: null });
    expect(r.postedRows).toEqual([2, 3]);
    const json = postingJson(r);
    expect(json.transactions).toEqual([{ file: "managed-care.835", payer: "RUSHMORE LIFE", trn: "7170066655", payment: "945.00", balanced: true, refused: null }]);
    expect(json.claims[0]).toEqual({
      claimId: "5554555444", clp02: "1", charge: "800.00", paid: "450.00", patientResponsibility: "300.00", matched: true,
      lines: [{ row: 2, procedure: "99211", paid: "450.00", contractualAdjustment: "50.00", otherAdjustment: "0.00", patientResponsibility: "300.00", status: "Paid", denialReason: null }],
    });
  });

  it("secondary payment: OA-23 is not written off; the '>' composites leave their claim unmatched and listed", () => {
    // Primary already posted 8000.00 paid and 1411.64 contractual: 10323.64 − 9411.64 = 912.00 open.
    const register = [
      line(2, "L0004828311", "2005-03-03", "99223", "10323.64", { insurancePaid: "8000.00", contractualAdjustment: "1411.64" }),
      line(3, "0001000053", "2005-01-06", "12345", "166.50", { modifiers: ["26"] }),
      line(4, "0001000053", "2005-01-06", "66543", "585.00", { modifiers: ["26"] }),
    ];
    const r = postRemittances(register, [sample("secondary-payment.835")]);
    // 8000.00 + 912.00 = 8912.00 paid; contractual unchanged; balance 0.00.
    expect(byRow(r, 2)).toEqual({ paid: 891200, co: 141164, other: 0, balance: 0, status: "Paid", denial: null });
    expect(byRow(r, 3)).toMatchObject({ paid: 0, co: 0, status: "Submitted" });
    expect(byRow(r, 4)).toMatchObject({ paid: 0, co: 0, status: "Submitted" });
    const json = postingJson(r);
    expect(json.claims.map((c) => [c.claimId, c.matched])).toEqual([["L0004828311", true], ["0001000053", false]]);
    expect(json.claims[1].lines.map((l) => [l.row, l.procedure, l.paid, l.status])).toEqual([[null, "HC>12345>26", "30.00", "Not posted"], [null, "HC>66543>26", "280.00", "Not posted"]]);
    expect(json.issues.filter((i) => i.segment === "SVC").map((i) => i.position)).toEqual([29, 34, 29, 34]);
  });

  it("Medicare Part A: a claim without lines posts on its only register line; two lines cannot be split; PLB listed", () => {
    const register = [
      line(2, "666123", "2002-08-16", "0120", "211366.97"),
      line(3, "777777", "2002-05-12", "0120", "7500.00"), line(4, "777777", "2002-05-12", "0250", "7500.00"),
    ];
    const r = postRemittances(register, [sample("medicare-part-a.835")]);
    // 211366.97 − 138018.40 − 73348.57 (CO-45) = 0.00.
    expect(byRow(r, 2)).toEqual({ paid: 13801840, co: 7334857, other: 0, balance: 0, status: "Paid", denial: null });
    expect(byRow(r, 3).paid + byRow(r, 4).paid).toBe(0);
    expect(r.issues.map((i) => i.message)).toContain("claim 777777 is paid without service lines and has 2 lines in the register; it cannot be split; the claim was not posted");
    expect(postingJson(r).providerAdjustments).toEqual([{ file: "medicare-part-a.835", reason: "CV", amount: "-1.27" }]);
  });
});

describe("synthetic remittances", () => {
  it("denials are not written off and carry the CARC; a zero-dollar deductible remit is not a denial", () => {
    const body = [...header("0.00", "Z1"),
      "CLP*D1*4*250.00*0.00**12*P1", "SVC*HC:99214*250.00*0.00", "DTM*472*20261001", "CAS*CO*97*250.00",
      "CLP*D2*1*180.00*0.00**12*P2", "SVC*HC:99213*180.00*0.00", "DTM*472*20261002", "CAS*CO*16*180.00",
      "CLP*D3*1*200.00*0.00*200.00*12*P3", "SVC*HC:99213*200.00*0.00", "DTM*472*20261003", "CAS*PR*1*200.00"];
    const register = [line(2, "D1", "2026-10-01", "99214", "250.00"), line(3, "D2", "2026-10-02", "99213", "180.00"), line(4, "D3", "2026-10-03", "99213", "200.00")];
    const r = postRemittances(register, [{ name: "denials.835", text: x12([body]) }]);
    expect(byRow(r, 2)).toEqual({ paid: 0, co: 0, other: 0, balance: 25000, status: "Denied", denial: "CO-97" });
    expect(byRow(r, 3)).toEqual({ paid: 0, co: 0, other: 0, balance: 18000, status: "Denied", denial: "CO-16" });
    // All 200.00 to the deductible: the insurer is done, the patient owes 200.00.
    expect(byRow(r, 4)).toEqual({ paid: 0, co: 0, other: 0, balance: 20000, status: "Paid", denial: null });
    expect(r.transactions[0]).toMatchObject({ balanced: true, refused: null, payment: 0 });
  });

  it("a reversal (CLP02 22) posts negatively and its correction posts again", () => {
    // Earlier: 100.00 paid, 50.00 CO-45. Reversal −100/−50, correction 90 paid, 60 CO-45; RV2 pays 40.
    // BPR = −100.00 + 90.00 + 40.00 = 30.00.
    const body = [...header("30.00", "R1"),
      "CLP*RV1*22*-150.00*-100.00**12*P1", "SVC*HC:99213*-150.00*-100.00", "DTM*472*20261005", "CAS*CO*45*-50.00",
      "CLP*RV1*1*150.00*90.00**12*P1", "SVC*HC:99213*150.00*90.00", "DTM*472*20261005", "CAS*CO*45*60.00",
      "CLP*RV2*1*100.00*40.00**12*P2", "SVC*HC:99212*100.00*40.00", "DTM*472*20261005", "CAS*CO*45*60.00"];
    const register = [line(2, "RV1", "2026-10-05", "99213", "150.00", { insurancePaid: "100.00", contractualAdjustment: "50.00", status: "Paid" }), line(3, "RV2", "2026-10-05", "99212", "100.00")];
    const r = postRemittances(register, [{ name: "reversal.835", text: x12([body]) }]);
    const json = postingJson(r);
    expect(json.claims[0].lines[0]).toMatchObject({ row: 2, paid: "-100.00", contractualAdjustment: "-50.00", status: "Submitted" });
    // 100 − 100 + 90 = 90.00 paid; 50 − 50 + 60 = 60.00 CO; balance 150 − 90 − 60 = 0.
    expect(byRow(r, 2)).toEqual({ paid: 9000, co: 6000, other: 0, balance: 0, status: "Paid", denial: null });
    expect(byRow(r, 3)).toEqual({ paid: 4000, co: 6000, other: 0, balance: 0, status: "Paid", denial: null });
  });

  it("a reversal with positive amounts is reported, not posted", () => {
    const body = [...header("100.00", "R2"), "CLP*RV1*22*150.00*100.00**12", "SVC*HC:99213*150.00*100.00", "CAS*CO*45*50.00"];
    const r = postRemittances([line(2, "RV1", "2026-10-05", "99213", "150.00")], [{ name: "r.835", text: x12([body]) }]);
    expect(byRow(r, 2).paid).toBe(0);
    expect(r.issues[0].message).toMatch(/reversal \(CLP02 22\) must carry negative amounts/);
  });

  it("secondary and tertiary payers add their payment without repeating the primary's adjustments", () => {
    // S1: primary paid 120.00 and CO 50.00: 30.00 open. Secondary pays 30.00, OA-23 170.00.
    // S2: primary paid 180.00 and CO 100.00: 20.00 open. Tertiary pays 20.00 and repeats CO-45 100.00.
    // BPR = 30.00 + 20.00 = 50.00.
    const body = [...header("50.00", "S1"),
      "CLP*S1*2*200.00*30.00**12", "SVC*HC:99213*200.00*30.00", "DTM*472*20261001", "CAS*OA*23*170.00",
      "CLP*S2*3*300.00*20.00**12", "SVC*HC:99214*300.00*20.00", "DTM*472*20261001", "CAS*CO*45*100.00", "CAS*OA*23*180.00"];
    const register = [
      line(2, "S1", "2026-10-01", "99213", "200.00", { insurancePaid: "120.00", contractualAdjustment: "50.00", status: "Partially paid" }),
      line(3, "S2", "2026-10-01", "99214", "300.00", { insurancePaid: "180.00", contractualAdjustment: "100.00", status: "Partially paid" }),
    ];
    const r = postRemittances(register, [{ name: "secondary.835", text: x12([body]) }]);
    expect(byRow(r, 2)).toEqual({ paid: 15000, co: 5000, other: 0, balance: 0, status: "Paid", denial: null });
    expect(byRow(r, 3)).toEqual({ paid: 20000, co: 10000, other: 0, balance: 0, status: "Paid", denial: null });
  });

  it("PLB amounts are listed as provider-level adjustments, never spread over claims", () => {
    // 80.00 − (−2.50 interest + 30.00 recoupment) = 52.50.
    const body = [...header("52.50", "P1"), "CLP*P1*1*100.00*80.00**12", "SVC*HC:99213*100.00*80.00", "DTM*472*20261001", "CAS*CO*45*20.00",
      "PLB*1234567893*20261231*L6:INT*-2.50*WO:RECOUP1*30.00"];
    const r = postRemittances([line(2, "P1", "2026-10-01", "99213", "100.00")], [{ name: "plb.835", text: x12([body]) }]);
    expect(byRow(r, 2)).toEqual({ paid: 8000, co: 2000, other: 0, balance: 0, status: "Paid", denial: null });
    expect(postingJson(r).providerAdjustments).toEqual([{ file: "plb.835", reason: "L6", amount: "-2.50" }, { file: "plb.835", reason: "WO", amount: "30.00" }]);
  });

  it("matches lines whose modifiers the payer dropped or reordered, or whose code it changed (SVC06); ambiguity is listed", () => {
    // M1: 25 dropped; M2: 59 XS sent as XS 59; M3: billed 99215, paid as 99214 (SVC06 99215); M4: RT/LT both fit 20610.
    const body = [...header("580.00", "M1"),
      "CLP*M1*1*200.00*150.00**12", "SVC*HC:99214*200.00*150.00", "DTM*472*20261001", "CAS*CO*45*50.00",
      "CLP*M2*1*300.00*250.00**12", "SVC*HC:11042:XS:59*300.00*250.00", "DTM*472*20261001", "CAS*CO*45*50.00",
      "CLP*M3*1*250.00*80.00**12", "SVC*HC:99214*250.00*80.00**1*HC:99215", "DTM*472*20261001", "CAS*CO*45*170.00",
      "CLP*M4*1*150.00*100.00**12", "SVC*HC:20610*150.00*100.00", "DTM*472*20261001", "CAS*CO*45*50.00"];
    const register = [
      line(2, "M1", "2026-10-01", "99214", "200.00", { modifiers: ["25"] }),
      line(3, "M2", "2026-10-01", "11042", "300.00", { modifiers: ["59", "XS"] }),
      line(4, "M3", "2026-10-01", "99215", "250.00"),
      line(5, "M4", "2026-10-01", "20610", "150.00", { modifiers: ["RT"] }), line(6, "M4", "2026-10-01", "20610", "150.00", { modifiers: ["LT"] }),
    ];
    const r = postRemittances(register, [{ name: "mods.835", text: x12([body]) }]);
    expect([2, 3, 4].map((row) => byRow(r, row).paid)).toEqual([15000, 25000, 8000]);
    expect([5, 6].map((row) => byRow(r, row).paid)).toEqual([0, 0]);
    expect(r.issues.map((i) => i.message)).toEqual(["claim M4: 2 register lines (rows 5, 6) fit HC:20610; none was chosen; the claim was not posted"]);
    expect(r.claims.slice(0, 3).map((c) => c.lines[0].notes[0])).toEqual(["modifiers dropped by the payer", "modifiers reordered", "code changed by the payer from 99215 (SVC06)"]);
  });

  it("an unbalanced transaction is refused whole with its reason and segment; the next one in the file posts", () => {
    const bad = [...header("85.00", "U1"), "CLP*U1*1*100.00*85.00**12", "SVC*HC:99213*100.00*85.00", "DTM*472*20261001", "CAS*CO*45*20.00"];
    const good = [...header("80.00", "U2"), "CLP*U2*1*100.00*80.00**12", "SVC*HC:99213*100.00*80.00", "DTM*472*20261001", "CAS*CO*45*20.00"];
    const register = [line(2, "U1", "2026-10-01", "99213", "100.00"), line(3, "U2", "2026-10-01", "99213", "100.00")];
    const r = postRemittances(register, [{ name: "two.835", text: x12([bad, good]) }]);
    expect(postingJson(r).transactions.map((t) => [t.trn, t.balanced, t.refused])).toEqual([
      ["U1", false, "does not balance at SVC (segment 10): claim U1, line HC:99213: charge 100.00 − adjustments 20.00 = 80.00, but SVC03 says 85.00"],
      ["U2", true, null],
    ]);
    expect(byRow(r, 2).paid).toBe(0);
    expect(byRow(r, 3).paid).toBe(8000);
    expect(r.claims.map((c) => c.claimId)).toEqual(["U2"]);
  });

  it("the same payment twice (payer id + TRN02) is refused, in one run and against the journal with its date", () => {
    const register = [line(2, "5554555444", "2002-03-01", "99211", "800.00"), line(3, "8765432112", "2002-03-10", "93555", "1200.00")];
    const twice = postRemittances(register, [sample("managed-care.835"), { ...sample("managed-care.835"), name: "copy.835" }]);
    expect(twice.transactions[1].refused).toBe("the same payment (payer 1935665544, TRN 7170066655) is already posted: it is also in managed-care.835 (transaction 112233) of this run");
    expect(byRow(twice, 2).paid).toBe(45000);

    // The journal of the first run, read back as a grid, refuses it next time with the date.
    const once = postRemittances(register, [sample("managed-care.835")]);
    const sheet = journalSheet(once, "2026-12-06 09:30");
    const grid: CellValue[][] = [];
    for (const c of sheet.cells) ((grid[c.row - 1] ??= [])[c.col - 1] = c.value);
    const posted = readPostedPayments([{ name: sheet.name, grid }]);
    expect(posted[0]).toEqual({ payerId: "1935665544", trn: "7170066655", postedAt: "2026-12-06 09:30" });
    const again = postRemittances(once.lines, [sample("managed-care.835")], posted);
    expect(again.transactions[0].refused).toBe("the same payment (payer 1935665544, TRN 7170066655) is already posted: it was posted on 2026-12-06 09:30");
    expect(byRow(again, 2).paid).toBe(45000);
  });

  it("OA/PI follow their CARC: PI-45 is contractual, OA-94 and PI-104 other; AMT*B6 sets the allowed amount", () => {
    // 300.00 − 40.00 (PI-45) − 10.00 (OA-94) − 5.00 (PI-104) − 25.00 (PR-3 copay) = 220.00.
    const body = [...header("220.00", "C1"), "CLP*K1*1*300.00*220.00*25.00*12", "SVC*HC:99204*300.00*220.00", "DTM*472*20261001",
      "CAS*PI*45*40.00**104*5.00", "CAS*OA*94*10.00", "CAS*PR*3*25.00", "AMT*B6*260.00"];
    const r = postRemittances([line(2, "K1", "2026-10-01", "99204", "300.00")], [{ name: "k.835", text: x12([body]) }]);
    // Balance 300 − 220 − 40 − 15 = 25.00, the copay.
    expect(byRow(r, 2)).toEqual({ paid: 22000, co: 4000, other: 1500, balance: 2500, status: "Paid", denial: null });
    expect(r.lines[0].allowed).toBe(26000);
  });

  it("finds an all-digit claim number whose leading zeros Excel dropped", () => {
    const body = [...header("80.00", "N1"), "CLP*0001000053*1*100.00*80.00**12", "SVC*HC:99213*100.00*80.00", "DTM*472*20261001", "CAS*CO*45*20.00"];
    const r = postRemittances([line(2, "1000053", "2026-10-01", "99213", "100.00")], [{ name: "n.835", text: x12([body]) }]);
    expect(byRow(r, 2)).toEqual({ paid: 8000, co: 2000, other: 0, balance: 0, status: "Paid", denial: null });
  });

  it("the journal lists each line posted, each PLB and each refused payment; CLP05 that disagrees with PR is reported", () => {
    const bad = [...header("85.00", "U1"), "CLP*U1*1*100.00*85.00**12", "SVC*HC:99213*100.00*85.00", "CAS*CO*45*20.00"];
    const plb = [...header("52.50", "P1"), "CLP*P1*1*100.00*80.00*5.00*12", "SVC*HC:99213*100.00*80.00", "DTM*472*20261001", "CAS*CO*45*20.00",
      "PLB*1234567893*20261231*L6:INT*-2.50*WO:RECOUP1*30.00"];
    const r = postRemittances([line(2, "P1", "2026-10-01", "99213", "100.00")], [{ name: "j.835", text: x12([bad, plb]) }]);
    expect(r.issues.map((i) => i.message)).toEqual(["claim P1: CLP05 (patient responsibility) 5.00 differs from its PR adjustments 0.00; the PR adjustments are posted"]);
    const sheet = journalSheet(r, "2026-12-06 09:30", "Claims");
    const rows: Record<number, (string | number | boolean | null)[]> = {};
    for (const c of sheet.cells) (rows[c.row] ??= [])[c.col - 1] = c.value;
    expect(rows[1].slice(0, 8)).toEqual(["Posted At", "File", "Payer ID", "Payer", "TRN", "Claim ID", "Register Sheet", "Register Row"]);
    expect(rows[2].slice(0, 14)).toEqual(["2026-12-06 09:30", "j.835", "1999999999", "ACME HEALTH", "P1", "P1", "Claims", 2, "99213", 80, 20, 0, 0, "Paid"]);
    expect(rows[3][15]).toBe("provider-level adjustment (PLB) L6 INT: -2.50 (not spread over claims)");
    expect(rows[4][15]).toBe("provider-level adjustment (PLB) WO RECOUP1: 30.00 (not spread over claims)");
    expect([rows[5][4], rows[5][13]]).toEqual(["U1", "Refused"]);
    expect(rows[5][15]).toMatch(/^not posted: does not balance at SVC/);
  });

  it("the JSON has exactly the public shape", () => {
    const r = postRemittances([line(2, "5554555444", "2002-03-01", "99211", "800.00")], [sample("managed-care.835"), sample("medicare-part-a.835")]);
    const json = postingJson(r);
    expect(Object.keys(json)).toEqual(["transactions", "claims", "providerAdjustments", "issues"]);
    expect(Object.keys(json.transactions[0])).toEqual(["file", "payer", "trn", "payment", "balanced", "refused"]);
    expect(Object.keys(json.claims[0])).toEqual(["claimId", "clp02", "charge", "paid", "patientResponsibility", "matched", "lines"]);
    expect(Object.keys(json.claims[0].lines[0])).toEqual(["row", "procedure", "paid", "contractualAdjustment", "otherAdjustment", "patientResponsibility", "status", "denialReason"]);
    expect(Object.keys(json.providerAdjustments[0])).toEqual(["file", "reason", "amount"]);
    expect(Object.keys(json.issues[0])).toEqual(["file", "segment", "position", "message"]);
    const money = /^-?\d+\.\d\d$/;
    for (const c of json.claims) for (const v of [c.charge, c.paid, c.patientResponsibility, ...c.lines.flatMap((l) => [l.paid, l.contractualAdjustment, l.otherAdjustment, l.patientResponsibility])]) expect(v).toMatch(money);
  });
});
