import {
  CLAIM_STATUSES, PAYER_CLASSES, lineBalance, linePayments, parseClaimStatus, parseModifiers, parsePayerClass, readClaimLines,
  type ClaimField, type RawClaimRow,
} from "../../../src/core/claims";
import { dayFromYMD, isoFromDay } from "../../../src/core/dates";

describe("lineBalance and linePayments (definitions.md, the claims register)", () => {
  it("balance = charge − insurancePaid − patientPaid − contractualAdjustment − otherAdjustment", () => {
    // 15000 − 8010 − 2000 − 3990 − 0 = 1000 cents ($150.00 − 80.10 − 20.00 − 39.90 = $10.00)
    expect(lineBalance({ charge: 15000, insurancePaid: 8010, patientPaid: 2000, contractualAdjustment: 3990, otherAdjustment: 0 })).toBe(1000);
    // 10000 − 8000 − 3000 − 0 − 0 = −1000: a credit balance
    expect(lineBalance({ charge: 10000, insurancePaid: 8000, patientPaid: 3000, contractualAdjustment: 0, otherAdjustment: 0 })).toBe(-1000);
    // 30 − 10 − 20 = 0 exactly
    expect(lineBalance({ charge: 30, insurancePaid: 10, patientPaid: 20, contractualAdjustment: 0, otherAdjustment: 0 })).toBe(0);
    // 20000 − 0 − 0 − 5000 − 2500 = 12500
    expect(lineBalance({ charge: 20000, insurancePaid: 0, patientPaid: 0, contractualAdjustment: 5000, otherAdjustment: 2500 })).toBe(12500);
  });

  it("payments = insurancePaid + patientPaid", () => {
    // 8010 + 2000 = 10010
    expect(linePayments({ insurancePaid: 8010, patientPaid: 2000 })).toBe(10010);
    expect(linePayments({ insurancePaid: 0, patientPaid: 0 })).toBe(0);
  });
});

describe("parseClaimStatus, parsePayerClass, parseModifiers", () => {
  it("maps statuses and their synonyms", () => {
    for (const s of CLAIM_STATUSES) expect(parseClaimStatus(s)).toBe(s);
    expect(parseClaimStatus("Partial")).toBe("Partially paid");
    expect(parseClaimStatus("  PARTIALLY_PAID ")).toBe("Partially paid");
    expect(parseClaimStatus("write-off")).toBe("Written off");
    expect(parseClaimStatus("rejected")).toBe("Denied");
    expect(parseClaimStatus("Lost in the mail")).toBeNull();
  });

  it("maps payer classes and their synonyms", () => {
    for (const c of PAYER_CLASSES) expect(parsePayerClass(c)).toBe(c);
    expect(parsePayerClass("WC")).toBe("Workers Comp");
    expect(parsePayerClass("self pay")).toBe("Self-pay");
    expect(parsePayerClass("Tricare")).toBeNull();
  });

  it("splits modifiers", () => {
    expect(parseModifiers("26, 59")).toEqual(["26", "59"]);
    expect(parseModifiers("lt rt")).toEqual(["LT", "RT"]);
    expect(parseModifiers(50)).toEqual(["50"]);
    expect(parseModifiers("25;59/XU|76")).toEqual(["25", "59", "XU", "76"]);
    expect(parseModifiers("")).toEqual([]);
    expect(parseModifiers(null)).toEqual([]);
  });
});

describe("readClaimLines", () => {
  const sheet = "Claims Register";
  const columns: Partial<Record<ClaimField, string>> = {
    claimId: "A", dateOfService: "B", payer: "C", charge: "D", insurancePaid: "E", patientPaid: "F",
    contractualAdjustment: "G", otherAdjustment: "H", allowed: "I", cpt: "J", modifiers: "K", units: "L",
    placeOfService: "M", provider: "N", payerClass: "O", status: "P", denialReason: "Q", submittedDate: "R", lastPaymentDate: "S",
  };
  // Oct 1, 2026 = Day 20757 (Oct 31) − 30 = 20727; its Excel serial = 20727 + 25569 = 46296
  const OCT_1_2026 = 20727;

  const rows: RawClaimRow[] = [
    // row 2: a valid line; units blank → 1; POS 11 as a number → "11"; Excel serial date
    { row: 2, cells: {
      claimId: "C100", dateOfService: 46296, payer: "Aetna PPO", charge: "$150.00", insurancePaid: 80.1, patientPaid: "20",
      contractualAdjustment: "39.90", otherAdjustment: "", allowed: 110.1, cpt: "99213", modifiers: "26, 59", units: "",
      placeOfService: 11, provider: "Dr. Lee", payerClass: "Commercial", status: "Paid", denialReason: null,
      submittedDate: "10/03/2026", lastPaymentDate: new Date(Date.UTC(2026, 9, 20)),
    } },
    // row 3: date of service missing → error, left out
    { row: 3, cells: { claimId: "C101", dateOfService: "", payer: "Medicare", charge: 100 } },
    // row 4: negative charge → error, left out
    { row: 4, cells: { claimId: "C102", dateOfService: "2026-10-02", payer: "Medicare", charge: "(25.00)" } },
    // row 5: payments (80 + 30 = 110) above the charge (100) → warning, kept with a credit balance
    { row: 5, cells: { claimId: "C103", dateOfService: "2026-10-05", payer: "Cigna", charge: 100, insurancePaid: 80, patientPaid: 30 } },
    // row 6: unknown status → warning, kept, status null
    { row: 6, cells: { claimId: "C104", dateOfService: "2026-10-06", payer: "Cigna", charge: 75, status: "Lost in the mail" } },
    // row 7: a status synonym
    { row: 7, cells: { claimId: "C105", dateOfService: "2026-10-07", payer: "Cigna", charge: 60, status: "Partial" } },
    // row 8: repeats row 2 exactly (same claim, date, payer written differently, code, modifiers and charge) → error
    { row: 8, cells: {
      claimId: "C100", dateOfService: "2026-10-01", payer: " aetna ppo ", charge: 150, cpt: "99213", modifiers: "26,59",
    } },
    // row 9: an unreadable amount → error
    { row: 9, cells: { claimId: "C106", dateOfService: "2026-10-08", payer: "Cigna", charge: 60, patientPaid: "abc" } },
    // row 10: units "0" → error
    { row: 10, cells: { claimId: "C107", dateOfService: "2026-10-09", payer: "Cigna", charge: 60, units: "0" } },
    // row 11: modifiers "LT RT", units 2
    { row: 11, cells: { claimId: "C108", dateOfService: "Oct 10, 2026", payer: "BCBS", charge: 400, cpt: "73630", modifiers: "LT RT", units: 2 } },
    // row 12: modifier 50 as a number
    { row: 12, cells: { claimId: 5001, dateOfService: "2026-10-11", payer: "BCBS", charge: "1,000.00", cpt: "27447", modifiers: 50 } },
    // row 13: wholly blank → skipped and counted
    { row: 13, cells: { claimId: "", dateOfService: null, payer: "  ", charge: undefined } },
    // row 14: the claim number holds an error value → error, left out
    { row: 14, cells: { claimId: "#N/A", dateOfService: "2026-10-12", payer: "BCBS", charge: 10 } },
    // row 15: the payer is TRUE → error, left out (it used to be a warning and the row vanished unlisted)
    { row: 15, cells: { claimId: "C109", dateOfService: "2026-10-12", payer: true, charge: 10 } },
    // row 16: an empty cells object → blank
    { row: 16, cells: {} },
    // row 17: unreadable optional date and unknown payer class → warnings, kept
    { row: 17, cells: { claimId: "C110", dateOfService: "2026-10-13", payer: "BCBS", charge: 10, submittedDate: "31/10/2026", payerClass: "Tricare" } },
  ];

  const result = readClaimLines(rows, { sheet, columns });
  const lineAt = (row: number) => result.lines.find((l) => l.row === row);
  const issuesAt = (row: number) => result.issues.filter((i) => i.row === row);

  it("keeps the good rows and leaves out the bad ones", () => {
    expect(result.lines.map((l) => l.row)).toEqual([2, 5, 6, 7, 11, 12, 17]);
    expect(result.leftOutRows).toEqual([3, 4, 8, 9, 10, 14, 15]);
    expect(result.blankRows).toBe(2); // rows 13 and 16
    // 16 rows − 2 blank = 14 read = 7 lines + 7 left out
    expect(result.rowsRead).toBe(14);
    expect(result.rowsRead).toBe(result.lines.length + result.leftOutRows.length);
  });

  it("reads a valid row completely", () => {
    expect(lineAt(2)).toEqual({
      row: 2, claimId: "C100", dateOfService: OCT_1_2026, payer: "Aetna PPO",
      charge: 15000, insurancePaid: 8010, patientPaid: 2000, contractualAdjustment: 3990, otherAdjustment: 0, allowed: 11010,
      cpt: "99213", modifiers: ["26", "59"], units: 1, placeOfService: "11", provider: "Dr. Lee", payerClass: "Commercial",
      status: "Paid", denialReason: null,
      // Oct 3 = Oct 1 + 2; Oct 20 = Oct 1 + 19
      submittedDate: OCT_1_2026 + 2, lastPaymentDate: OCT_1_2026 + 19,
    });
    // 15000 − 8010 − 2000 − 3990 − 0 = 1000
    expect(lineBalance(lineAt(2)!)).toBe(1000);
    expect(issuesAt(2)).toEqual([]);
  });

  it("lists every left-out row with an error naming its row, field, column and sheet", () => {
    for (const row of result.leftOutRows) {
      const errors = issuesAt(row).filter((i) => i.severity === "error");
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e.row).toBe(row);
        expect(e.sheet).toBe(sheet);
        expect(e.field).toBeDefined();
        expect(e.column).toBe(columns[e.field as ClaimField]);
        expect(e.message.length).toBeGreaterThan(0);
      }
    }
    // and no kept row has an error
    for (const line of result.lines) expect(issuesAt(line.row).filter((i) => i.severity === "error")).toEqual([]);
  });

  it("names the problem of each left-out row", () => {
    expect(issuesAt(3)).toEqual([
      { sheet, row: 3, column: "B", field: "dateOfService", severity: "error", message: "date of service is blank" },
    ]);
    expect(issuesAt(4)).toEqual([
      { sheet, row: 4, column: "D", field: "charge", severity: "error", found: "(25.00)", message: "charge is negative; enter reversals as adjustments" },
    ]);
    expect(issuesAt(8)).toEqual([
      { sheet, row: 8, column: "A", field: "claimId", severity: "error",
        message: "repeats row 2 exactly (same claim, date, payer, code, modifiers and charge); left out" },
    ]);
    expect(issuesAt(9)).toEqual([
      { sheet, row: 9, column: "F", field: "patientPaid", severity: "error", found: "abc", message: "patient paid: not an amount" },
    ]);
    expect(issuesAt(10)).toEqual([
      { sheet, row: 10, column: "L", field: "units", severity: "error", found: "0", message: "units must be a number above 0" },
    ]);
    expect(issuesAt(14)).toMatchObject([{ field: "claimId", severity: "error", found: "#N/A" }]);
    expect(issuesAt(15)).toMatchObject([{ field: "payer", severity: "error", found: "true" }]);
  });

  it("keeps a line with payments above the charge, as a credit balance, with a warning", () => {
    // 10000 − 8000 − 3000 = −1000
    expect(lineBalance(lineAt(5)!)).toBe(-1000);
    expect(issuesAt(5)).toEqual([
      { sheet, row: 5, column: "E", field: "insurancePaid", severity: "warning", message: "payments are above the charge; the line carries a credit balance" },
    ]);
  });

  it("keeps a line with an unknown status (status null) and maps synonyms", () => {
    expect(lineAt(6)?.status).toBeNull();
    expect(issuesAt(6)).toMatchObject([{ field: "status", severity: "warning", found: "Lost in the mail", column: "P" }]);
    expect(lineAt(7)?.status).toBe("Partially paid");
    expect(issuesAt(7)).toEqual([]);
  });

  it("reads modifiers, units and numeric claim numbers", () => {
    expect(lineAt(11)).toMatchObject({ modifiers: ["LT", "RT"], units: 2, cpt: "73630", charge: 40000 });
    // "Oct 10, 2026" = Oct 1 + 9
    expect(lineAt(11)?.dateOfService).toBe(OCT_1_2026 + 9);
    expect(lineAt(12)).toMatchObject({ claimId: "5001", modifiers: ["50"], units: 1, charge: 100000, placeOfService: null });
  });

  it("keeps a line with an unreadable optional date or an unknown payer class, with warnings", () => {
    expect(lineAt(17)).toMatchObject({ submittedDate: null, payerClass: null });
    expect(issuesAt(17).map((i) => [i.field, i.severity])).toEqual([["payerClass", "warning"], ["submittedDate", "warning"]]);
  });

  it("works without a sheet or columns, leaving them out of issues", () => {
    const r = readClaimLines([{ row: 7, cells: { claimId: "X", dateOfService: "2026-10-01", payer: "P", charge: "" } }]);
    expect(r.issues).toEqual([{ row: 7, field: "charge", severity: "error", message: "charge is blank" }]);
    expect(r.leftOutRows).toEqual([7]);
    expect(r.rowsRead).toBe(1);
  });

  it("reports every required field that is missing on one row", () => {
    const r = readClaimLines([{ row: 2, cells: { cpt: "99213" } }]);
    expect(r.issues.map((i) => i.field)).toEqual(["claimId", "dateOfService", "payer", "charge"]);
    expect(r.leftOutRows).toEqual([2]);
  });

  it("reads units strictly", () => {
    const base = { claimId: "U", dateOfService: "2026-10-01", payer: "P", charge: 10 };
    const units = (u: unknown) => readClaimLines([{ row: 2, cells: { ...base, units: u } }]);
    expect(units("1.5").lines[0]?.units).toBe(1.5);
    expect(units(" 3 ").lines[0]?.units).toBe(3);
    for (const bad of ["0x10", "1e3", "-1", "abc", true, 0, -2, Number.NaN, Number.POSITIVE_INFINITY, "#N/A"]) {
      expect(units(bad).leftOutRows).toEqual([2]);
    }
  });

  it("warns about more than four modifiers and keeps the first four", () => {
    const r = readClaimLines([{ row: 2, cells: { claimId: "M", dateOfService: "2026-10-01", payer: "P", charge: 10, modifiers: "26 59 LT RT XU" } }]);
    expect(r.lines[0]?.modifiers).toEqual(["26", "59", "LT", "RT"]);
    expect(r.issues).toMatchObject([{ field: "modifiers", severity: "warning" }]);
  });

  it("ignores an error value in an optional text field with a warning", () => {
    const r = readClaimLines([{ row: 2, cells: { claimId: "E", dateOfService: "2026-10-01", payer: "P", charge: 10, modifiers: { error: "#N/A" }, cpt: "#REF!" } }]);
    expect(r.lines[0]).toMatchObject({ modifiers: [], cpt: null });
    expect(r.issues.map((i) => [i.field, i.severity])).toEqual([["modifiers", "warning"], ["cpt", "warning"]]);
  });

  it("does not call the second of two different lines of one claim a duplicate", () => {
    const cells = { claimId: "D", dateOfService: "2026-10-01", payer: "P", charge: 10, cpt: "99213" };
    const r = readClaimLines([{ row: 2, cells }, { row: 3, cells: { ...cells, cpt: "36415" } }, { row: 4, cells: { ...cells, modifiers: "25" } }]);
    expect(r.lines.map((l) => l.row)).toEqual([2, 3, 4]);
    expect(isoFromDay(r.lines[0]!.dateOfService)).toBe("2026-10-01");
    expect(r.lines[0]!.dateOfService).toBe(dayFromYMD(2026, 10, 1));
  });
});
