import { dayFromYMD } from "../../../src/core/dates/day";
import { readClaimsExport, readClaimsRegister } from "../../../src/core/import";
import { csvLikeExport } from "./fixtures/csvLikeExport";
import { kareoLikeExport } from "./fixtures/kareoLikeExport";
import { overrideExport } from "./fixtures/overrideExport";
import { serialDatesExport } from "./fixtures/serialDatesExport";

const sumCharge = (lines: { charge: number }[]): number => lines.reduce((s, l) => s + l.charge, 0);

describe("(a) Kareo/AdvancedMD-like export with title, run date, subtotals and a grand total", () => {
  const read = readClaimsRegister(kareoLikeExport, { sheet: "Charges" });

  it("finds the header below the title, run-date and blank lines, and maps its columns", () => {
    expect(read.headerRow).toBe(4);
    expect(read.mapping).toEqual({
      claimId: "A", dateOfService: "B", payer: "D", cpt: "E", modifiers: "F, G", units: "H", charge: "I",
      insurancePaid: "J", patientPaid: "K", contractualAdjustment: "L", otherAdjustment: "M", status: "N",
    });
    expect(read.unmapped).toEqual([{ column: "C", header: "Patient" }]);
  });

  it("leaves out subtotal, payer total and grand total rows and the line with no DOS, with reasons", () => {
    expect(read.leftOut.map((l) => l.row)).toEqual([8, 12, 13, 14]);
    expect(read.leftOut[0]).toEqual({ sheet: "Charges", row: 8, reason: 'totals row ("Subtotal Aetna")' });
    expect(read.leftOut[1]).toEqual({ sheet: "Charges", row: 12, column: "B", reason: "date of service is blank" });
    expect(read.leftOut[2].reason).toBe('totals row ("Totals for Medicare")');
    expect(read.leftOut[3].reason).toBe('totals row ("Grand Total")');
  });

  it("reconciles: 10 rows below the header (5-14) = 5 lines + 4 left out + 1 blank", () => {
    expect(read.rowsBelowHeader).toBe(10); // rows 5..14
    expect(read.blankRows).toBe(1); // row 9
    expect(read.lines.map((l) => l.row)).toEqual([5, 6, 7, 10, 11]);
    expect(read.rowsRead).toBe(read.lines.length + read.leftOut.length); // 9 = 5 + 4
    expect(read.rowsRead + read.blankRows).toBe(read.rowsBelowHeader); // 9 + 1 = 10
  });

  it("reads text amounts, the refund in parentheses, and joins Mod 1 / Mod 2", () => {
    // Σ charge = 150.00 + 12.50 + 1,234.50 + 200.00 + 300.00 = 1,897.00
    expect(sumCharge(read.lines)).toBe(189700);
    // Σ patient paid = 20.00 + 0 + (25.00) + 0 + 0 = −5.00
    expect(read.lines.reduce((s, l) => s + l.patientPaid, 0)).toBe(-500);
    const row7 = read.lines.find((l) => l.row === 7)!;
    expect(row7.modifiers).toEqual(["25", "59"]);
    expect(row7.charge).toBe(123450); // "$1,234.50"
    expect(read.lines.find((l) => l.row === 11)!.units).toBe(2);
    expect(read.lines[0].dateOfService).toBe(dayFromYMD(2026, 10, 5));
  });

  it("groups 'Aetna' and 'AETNA ' under the most frequent spelling", () => {
    // "Aetna" is written twice (rows 5, 6), "AETNA " once (row 7)
    expect(read.payerNameMerges).toEqual([{ canonical: "Aetna", variants: ["AETNA"] }]);
    expect(read.lines.find((l) => l.row === 7)!.payer).toBe("Aetna");
  });

  it("keeps spellings as written when payer grouping is turned off", () => {
    const raw = readClaimsRegister(kareoLikeExport, { normalizePayers: false });
    expect(raw.payerNameMerges).toEqual([]);
    expect(raw.lines.find((l) => l.row === 7)!.payer).toBe("AETNA");
  });
});

describe("(b) CSV-like export: all text, US dates, inconsistent payer names", () => {
  const read = readClaimsRegister(csvLikeExport, { sheet: "claims.csv" });

  it("maps every long header name", () => {
    expect(read.headerRow).toBe(1);
    expect(read.mapping).toEqual({
      claimId: "A", dateOfService: "B", payer: "C", provider: "D", cpt: "E", modifiers: "F", units: "G", charge: "H",
      insurancePaid: "I", patientPaid: "J", contractualAdjustment: "K", otherAdjustment: "L", allowed: "M",
      payerClass: "N", status: "O", denialReason: "P", submittedDate: "Q", lastPaymentDate: "R",
    });
    expect(read.unmapped).toEqual([]);
  });

  it("lists the day-first date, the bad amount, the repeated line and the TOTAL row", () => {
    expect(read.leftOut.map((l) => [l.row, l.column])).toEqual([[8, "B"], [9, "H"], [10, "A"], [11, undefined]]);
    expect(read.leftOut[0].reason).toMatch(/day-first/);
    expect(read.leftOut[1].reason).toBe("charge: not an amount");
    expect(read.leftOut[2].reason).toMatch(/^repeats row 5 exactly/);
    expect(read.leftOut[3].reason).toBe('totals row ("TOTAL")');
  });

  it("reconciles: rows 2-11 = 5 lines + 4 left out + 1 blank (a row of empty strings)", () => {
    expect(read.rowsBelowHeader).toBe(10);
    expect(read.blankRows).toBe(1);
    expect(read.lines.length).toBe(5);
    expect(read.rowsRead).toBe(9); // 5 + 4
    // Σ charge = 125.00 + 1,050.00 + 60.00 + 125.00 + 125.00 = 1,485.00
    expect(sumCharge(read.lines)).toBe(148500);
    expect(read.lines[0].allowed).toBe(10000); // "100.00"
    expect(read.lines[1].denialReason).toBe("CO-97");
    expect(read.lines[0].lastPaymentDate).toBe(dayFromYMD(2026, 10, 20));
  });

  it("merges Blue Cross spellings and Self Pay spellings, never Aetna PPO with Aetna HMO", () => {
    // each Blue Cross spelling appears once: the tie goes to the first seen, "Blue Cross"
    expect(read.payerNameMerges).toEqual([
      { canonical: "Blue Cross", variants: ["BLUE CROSS", "Blue Cross Inc."] },
      { canonical: "Self Pay", variants: ["Self-Pay"] },
    ]);
    expect(read.lines.map((l) => l.payer)).toEqual(["Blue Cross", "Blue Cross", "Blue Cross", "Aetna PPO", "Aetna HMO"]);
  });
});

describe("(c) Excel serial dates, numbers, a page break and an End of report footer", () => {
  const read = readClaimsRegister(serialDatesExport, { sheet: "Open Claims" });

  it("finds the header on row 3", () => {
    expect(read.headerRow).toBe(3);
    expect(read.mapping).toEqual({
      claimId: "A", dateOfService: "B", payer: "C", cpt: "D", charge: "E", insurancePaid: "F", patientPaid: "G",
      contractualAdjustment: "H", otherAdjustment: "I", placeOfService: "J", provider: "K",
    });
  });

  it("leaves out the page line, the repeated header, serial 60, the unlabelled totals and the footer", () => {
    expect(read.leftOut.map((l) => [l.row, l.reason])).toEqual([
      [7, 'page number line ("Page 1 of 2")'],
      [8, "repeated header row (page break)"],
      [10, "date of service: serial 60 is Excel's 29 February 1900, a day that never existed"],
      [12, "totals row: amounts with no claim number and no date of service"],
      [13, 'end-of-report footer ("*** End of Report ***")'],
    ]);
    expect(read.leftOut[2].column).toBe("B");
  });

  it("reconciles: rows 4-13 = 4 lines + 5 left out + 1 blank", () => {
    expect(read.rowsBelowHeader).toBe(10);
    expect(read.lines.map((l) => l.row)).toEqual([4, 5, 6, 9]);
    expect(read.blankRows).toBe(1);
    expect(read.rowsRead).toBe(9); // 4 + 5
    // Σ charge = 110.50 + 160.25 + 225.00 + 110.50 = 606.25 (the unlabelled totals row says the same)
    expect(sumCharge(read.lines)).toBe(60625);
    // Σ insurance paid = 70 + 0 + 150 + 0 = 220.00
    expect(read.lines.reduce((s, l) => s + l.insurancePaid, 0)).toBe(22000);
  });

  it("reads serials as dates and numbers as codes", () => {
    expect(read.lines[0].dateOfService).toBe(dayFromYMD(2026, 10, 5)); // serial 46300
    expect(read.lines[2].cpt).toBe("99203");
    expect(read.lines[0].placeOfService).toBe("11");
    expect(read.lines[2].placeOfService).toBe("22");
    expect(read.payerNameMerges).toEqual([{ canonical: "UnitedHealthcare", variants: ["United Healthcare"] }]);
  });
});

describe("(d) unmappable columns and caller overrides", () => {
  it("without overrides: reports the missing claim number column and reads nothing", () => {
    const read = readClaimsRegister(overrideExport, { sheet: "Export" });
    expect(read.headerRow).toBe(2);
    expect(read.lines).toEqual([]);
    expect(read.issues).toEqual([
      expect.objectContaining({ sheet: "Export", row: 2, severity: "error", message: expect.stringMatching(/^header row 2 has no column for claimId;/) }),
    ]);
    expect(read.rowsBelowHeader).toBe(0);
  });

  const read = readClaimsRegister(overrideExport, {
    sheet: "Export",
    overrides: { claimId: "Acct Ref", cpt: "D", insurancePaid: 6, otherAdjustment: "Write-offs" },
  });

  it("uses overrides by header text, column letter and number; lists unmapped columns and the bad override", () => {
    expect(read.mapping).toEqual({ claimId: "A", dateOfService: "B", payer: "C", cpt: "D", charge: "E", insurancePaid: "F" });
    expect(read.unmapped).toEqual([{ column: "G", header: "Notes" }, { column: "H", header: "Location" }]);
    expect(read.issues.filter((i) => i.row === 2)).toEqual([
      expect.objectContaining({ severity: "warning", message: expect.stringMatching(/^override for otherAdjustment: no column "Write-offs"/) }),
    ]);
  });

  it("leaves out the note line and the row with values only in an unmapped column", () => {
    expect(read.leftOut).toEqual([
      { sheet: "Export", row: 6, reason: 'a line of text alone ("called patient 10/30 re balance"), not a data row' },
      { sheet: "Export", row: 7, reason: "values only in columns that no field uses" },
    ]);
    expect(read.lines.map((l) => l.row)).toEqual([3, 4, 5]);
    expect(read.rowsBelowHeader).toBe(5); // rows 3..7 = 3 lines + 2 left out + 0 blank
    // Σ charge = 95.00 + 140.00 + 40.00 = 275.00; Σ insurance paid = 60.00 + 0 + 40.00 = 100.00
    expect(sumCharge(read.lines)).toBe(27500);
    expect(read.lines.reduce((s, l) => s + l.insurancePaid, 0)).toBe(10000);
  });
});

describe("readClaimsExport", () => {
  it("hands over raw rows with Mod 1 and Mod 2 joined by a space", () => {
    const read = readClaimsExport(kareoLikeExport);
    expect(read.dataRows).toBe(6); // rows 5, 6, 7, 10, 11, 12
    expect(read.dataRows + read.leftOut.length + read.blankRows).toBe(read.rowsBelowHeader); // 6 + 3 + 1 = 10
    expect(read.rows[2]).toEqual({
      row: 7,
      cells: {
        claimId: "10022", dateOfService: "10/07/2026", payer: "AETNA ", cpt: "99214", modifiers: "25 59", units: 1,
        charge: "$1,234.50", insurancePaid: "$600.00", patientPaid: "(25.00)", contractualAdjustment: "$400.00",
        otherAdjustment: "", status: "Partially paid",
      },
    });
  });

  it("reports a sheet with no header row by name", () => {
    const read = readClaimsExport([["Monthly summary"], ["Total", 1200]], { sheet: "Summary" });
    expect(read.headerRow).toBeNull();
    expect(read.issues[0].message).toBe(
      "no header row with claim number, date of service, payer and charge found in the first 30 rows of sheet Summary; name the columns with the overrides option or add a header row",
    );
  });
});
