/**
 * Reading and balancing 835 files. Amounts are worked out by hand from the segments shown; the
 * balancing rules are those of 005010X221A1 section 1.10.2 (restated in ../shared/data/x12-835/README.md).
 */
import { findImbalance, readDelimiters, readRemittance } from "../../src/core/era";
import { day, header, sample, x12 } from "./helpers";

describe("delimiters from ISA", () => {
  it("takes element separator, repetition (ISA11), component (ISA16) and terminator from the ISA", () => {
    const text = x12([[]], { element: "|", component: ">", repetition: "{", terminator: "\n" });
    const d = readDelimiters(text);
    expect(d.kind).toBe("found");
    if (d.kind !== "found") return;
    expect(d.delimiters).toMatchObject({ element: "|", component: ">", repetition: "{", segment: "\n" });
  });

  it("counts the ISA's elements, so an ISA that lost its padding still gives ISA16 and the terminator", () => {
    const text = "ISA*00**00**ZZ*PAYER*ZZ*PRACTICE*261015*1200*^*00501*1*0*P*>~\nGS*HP*A*B*20261015*1200*1*X*005010X221A1~";
    const d = readDelimiters(text);
    expect(d.kind === "found" && d.delimiters).toMatchObject({ element: "*", repetition: "^", component: ">", segment: "~" });
  });

  it("refuses a file that is not an interchange, with a reason", () => {
    const r = readRemittance("notes.835", "hello");
    expect(r.transactions).toEqual([]);
    expect(r.issues[0].message).toMatch(/does not begin with an ISA/);
  });

  it("reads a file with other delimiters the same way", () => {
    const body = [...header("80.00", "T1"), "LX*1", "CLP*C1*1*100.00*80.00**12*P1", "SVC*HC>99213>25*100.00*80.00", "DTM*472*20261001", "CAS*CO*45*20.00"];
    const r = readRemittance("pipes.835", x12([body], { element: "|", component: ">", terminator: "~" }));
    expect(r.issues).toEqual([]);
    const svc = r.transactions[0].claims[0].lines[0];
    expect(svc.procedure).toEqual({ qualifier: "HC", code: "99213", modifiers: ["25"] });
    expect(svc.dateOfService).toBe(day("2026-10-01"));
    expect(svc.adjustments).toEqual([{ group: "CO", reason: "45", amount: 2000, position: 13 }]);
  });
});

describe("the three samples of ../shared/data/x12-835", () => {
  it("managed care: two claims, claim-level CO-A2, line PR-1 and CO-45, BPR 945.00, balanced", () => {
    const r = readRemittance("managed-care.835", sample("managed-care.835").text);
    // The sample's BPR16 is "20002316" (month 23): reported, not guessed.
    expect(r.issues).toEqual([{ file: "managed-care.835", segment: "BPR", position: 4, message: 'BPR16 "20002316" is not a date (CCYYMMDD); the payment date is left blank' }]);
    const tx = r.transactions[0];
    expect(tx).toMatchObject({ payment: 94500, trn: "7170066655", payerId: "1935665544", payerName: "RUSHMORE LIFE", paymentDate: null });
    expect(tx.claims.map((c) => [c.claimId, c.charge, c.paid, c.patientResponsibility])).toEqual([["5554555444", 80000, 45000, 30000], ["8765432112", 120000, 49500, 60000]]);
    expect(tx.claims[0].adjustments.map((a) => [a.group, a.reason, a.amount])).toEqual([["CO", "A2", 5000]]);
    expect(tx.claims[1].lines[0].adjustments.map((a) => [a.group, a.reason, a.amount])).toEqual([["PR", "1", 60000], ["CO", "45", 5000]]);
    // DTM*150 (service period start) is the line's date of service.
    expect(tx.claims[1].lines[0].dateOfService).toBe(day("2002-03-10"));
    // 800 − 50 − 300 = 450; 1200 − 55 − 600 − 50 = 495; 450 + 495 = 945.
    expect(findImbalance(tx)).toBeNull();
  });

  it("secondary payment: composites with '>' where ISA16 declares ':' are reported, not guessed", () => {
    const r = readRemittance("secondary-payment.835", sample("secondary-payment.835").text);
    const composite = r.issues.filter((i) => i.segment === "SVC");
    expect(composite.map((i) => i.position)).toEqual([29, 34]);
    expect(composite[0].message).toMatch(/"HC>12345>26" is not split by the component separator ":" declared in ISA16/);
    const lines = r.transactions[0].claims[1].lines;
    expect(lines.map((l) => l.procedure)).toEqual([null, null]);
    // The amounts are separate elements, so the transaction still balances:
    // 166.50 − 136.50 = 30.00; 585.00 − 150 − 70 − 85 = 280.00; 10323.64 − 9411.64 = 912.00; 912 + 310 = 1222.00.
    expect(lines[1].adjustments.map((a) => [a.group, a.reason, a.amount])).toEqual([["PR", "1", 15000], ["PR", "2", 7000], ["CO", "42", 8500]]);
    expect(lines.map((l) => l.allowed)).toEqual([15000, 50000]);
    expect(findImbalance(r.transactions[0])).toBeNull();
  });

  it("Medicare Part A: claims without service lines and a PLB; 149998.73 − (−1.27) = 150000.00", () => {
    const r = readRemittance("medicare-part-a.835", sample("medicare-part-a.835").text);
    expect(r.issues).toEqual([]);
    const tx = r.transactions[0];
    expect(tx.providerAdjustments).toEqual([{ position: 29, reason: "CV", reference: "CP", amount: -127 }]);
    expect(tx.claims.map((c) => [c.claimId, c.paid, c.lines.length, c.statementFrom])).toEqual([["666123", 13801840, 0, day("2002-08-16")], ["777777", 1198033, 0, day("2002-05-12")]]);
    expect(findImbalance(tx)).toBeNull();
  });
});

describe("malformed input is reported with segment and position", () => {
  it("an SVC01 without a qualifier, an SVC06 with a foreign separator, an amount with three decimals", () => {
    const body = [...header("80.00", "T1"), "CLP*C1*1*100.00*80.00**12", "SVC*99213*100.00*80.00", "CAS*CO*45*20.00",
      "CLP*C2*1*50.00*50.00**12", "SVC*HC:99212*50.00*50.00**1*HC>99213", "CLP*C3*1*10.005*0**12"];
    const r = readRemittance("bad.835", x12([body]));
    expect(r.issues.map((i) => [i.segment, i.position, i.message.replace(/;.*/, "")])).toEqual([
      ["SVC", 10, 'SVC01 "99213" does not begin with a product/service qualifier (HC, NU, …)'],
      ["SVC", 13, 'SVC06 "HC>99213" is not split by the component separator ":" declared in ISA16 (it holds ">")'],
      ["CLP", 14, 'CLP03: "10.005" has more than two decimals'],
    ]);
    expect(findImbalance(r.transactions[0])?.reason).toMatch(/an amount cannot be read/);
  });

  it("SE01 that does not count the segments is reported", () => {
    const text = x12([[...header("0.00", "T1")]]).replace("SE*7*0001", "SE*9*0001");
    const r = readRemittance("count.835", text);
    expect(r.issues.map((i) => i.message)).toEqual(["SE01 says 9 segments, the transaction has 7"]);
  });
});

describe("balancing: the first rule broken, with its segment", () => {
  const tx = (body: string[]) => readRemittance("u.835", x12([body])).transactions[0];
  it("line: SVC02 − Σ CAS ≠ SVC03", () => {
    // 100.00 − 20.00 = 80.00, not 85.00.
    const t = tx([...header("85.00", "T1"), "CLP*C1*1*100.00*85.00**12", "SVC*HC:99213*100.00*85.00", "CAS*CO*45*20.00"]);
    expect(findImbalance(t)).toEqual({ segment: "SVC", position: 10, reason: "claim C1, line HC:99213: charge 100.00 − adjustments 20.00 = 80.00, but SVC03 says 85.00" });
  });
  it("claim: CLP03 − Σ claim and line CAS ≠ CLP04", () => {
    // 100.00 − 20.00 (line) − 5.00 (claim) = 75.00, not 80.00.
    const t = tx([...header("80.00", "T1"), "CLP*C1*1*100.00*80.00**12", "CAS*CO*A2*5.00", "SVC*HC:99213*100.00*80.00", "CAS*CO*45*20.00"]);
    expect(findImbalance(t)).toMatchObject({ segment: "CLP", position: 9, reason: "claim C1: charge 100.00 − adjustments 25.00 = 75.00, but CLP04 says 80.00" });
  });
  it("transaction: Σ CLP04 − Σ PLB ≠ BPR02", () => {
    // 80.00 − 30.00 (WO recoupment) = 50.00, not 80.00.
    const t = tx([...header("80.00", "T1"), "CLP*C1*1*100.00*80.00**12", "SVC*HC:99213*100.00*80.00", "CAS*CO*45*20.00", "PLB*1234567893*20261231*WO:R1*30.00"]);
    expect(findImbalance(t)).toMatchObject({ segment: "BPR", position: 4, reason: "claims paid 80.00 − provider adjustments 30.00 = 50.00, but BPR02 says 80.00" });
  });
});
