import {
  CLAIM_HEADER_SYNONYMS, FEE_SCHEDULE_HEADER_SYNONYMS, findHeaderRow, mapColumns, normalizeHeader, REQUIRED_CLAIM_FIELDS_FOR_TEST,
} from "./testApi";

describe("normalizeHeader", () => {
  it("writes out #, %, abbreviations and splits Mod1", () => {
    expect(normalizeHeader("Claim #")).toBe("claim number");
    expect(normalizeHeader("Claim No.")).toBe("claim number");
    expect(normalizeHeader("  Ins. Pmt ")).toBe("insurance payment");
    expect(normalizeHeader("Mod1")).toBe("modifier 1");
    expect(normalizeHeader("% of Medicare")).toBe("percent of medicare");
    expect(normalizeHeader("Write-Off")).toBe("write off");
  });
});

describe("mapColumns", () => {
  it("prefers an exact synonym over a header that only contains one", () => {
    // "Primary Insurance Name" contains "primary insurance"; "Payer" is an exact synonym
    const m = mapColumns(["Primary Insurance Name", "Payer"], CLAIM_HEADER_SYNONYMS);
    expect(m.mapping.payer).toBe(1);
    expect(m.unmapped).toEqual([{ column: "A", header: "Primary Insurance Name" }]);
    // alone, the contained match is used
    expect(mapColumns(["Primary Insurance Name"], CLAIM_HEADER_SYNONYMS).mapping.payer).toBe(0);
  });

  it("does not let generic words catch longer headers (Zip Code, Claim Date, Status Date)", () => {
    const m = mapColumns(["Zip Code", "Claim Date", "Status Date"], CLAIM_HEADER_SYNONYMS);
    expect(m.mapping).toEqual({ submittedDate: 1 });
  });

  it("joins Mod 1..Mod 4 into modifiers when asked", () => {
    const m = mapColumns(["CPT", "Mod 1", "Mod 2", "Mod 3", "Mod 4"], CLAIM_HEADER_SYNONYMS, {}, { multiColumn: ["modifiers"] });
    expect(m.mapping.modifiers).toBe(1);
    expect(m.extraColumns.modifiers).toEqual([2, 3, 4]);
    expect(m.columnsByField.modifiers).toBe("B, C, D, E");
    expect(m.ambiguous).toEqual([]);
  });

  it("takes the leftmost of two equal headers and says so", () => {
    const m = mapColumns(["Charges", "Patient", "Charges"], CLAIM_HEADER_SYNONYMS);
    expect(m.mapping.charge).toBe(0);
    expect(m.ambiguous).toEqual([{ field: "charge", columns: ["A", "C"], chosen: "A" }]);
  });

  it("lets an override win, by header text, letter or number, and lists the missing required fields", () => {
    const m = mapColumns(["Ref", "DOS", "Payer", "Billed", "Other"], CLAIM_HEADER_SYNONYMS, { claimId: "ref", charge: 5 }, { required: REQUIRED_CLAIM_FIELDS_FOR_TEST });
    expect(m.mapping).toEqual({ claimId: 0, dateOfService: 1, payer: 2, charge: 4 });
    expect(m.unmapped).toEqual([{ column: "D", header: "Billed" }]);
    expect(m.missingRequired).toEqual([]);
    const byLetter = mapColumns(["Ref", "DOS"], CLAIM_HEADER_SYNONYMS, { claimId: "a", payer: "Nope Column" }, { required: REQUIRED_CLAIM_FIELDS_FOR_TEST });
    expect(byLetter.mapping.claimId).toBe(0);
    expect(byLetter.badOverrides.map((b) => b.field)).toEqual(["payer"]);
    expect(byLetter.missingRequired).toEqual(["payer", "charge"]);
  });

  it("never throws on odd header cells", () => {
    expect(() => mapColumns([null, 3, { error: "#N/A" }, true, undefined, "#"], CLAIM_HEADER_SYNONYMS)).not.toThrow();
  });

  it("maps fee schedule headers", () => {
    const m = mapColumns(["Payor", "CPT/HCPCS", "Modifier", "Contracted Rate", "Pct of Medicare"], FEE_SCHEDULE_HEADER_SYNONYMS);
    expect(m.mapping).toEqual({ payer: 0, cpt: 1, modifier: 2, amount: 3, percentOfMedicare: 4 });
  });
});

describe("findHeaderRow", () => {
  it("skips titles, run dates and blanks and takes the row naming the most fields", () => {
    const grid = [
      ["Aging Report"],
      ["Run date:", "11/02/2026"],
      [],
      ["Claim", "DOS", "Payer", "Charge", "Balance"],
      ["1", "10/01/2026", "Aetna", 100, 100],
    ];
    expect(findHeaderRow(grid, CLAIM_HEADER_SYNONYMS, REQUIRED_CLAIM_FIELDS_FOR_TEST)).toEqual({
      found: true, row: 4, fields: ["claimId", "dateOfService", "payer", "charge"],
    });
  });

  it("prefers a row with every required field over one naming more optional fields", () => {
    const grid = [
      ["Status", "CPT", "Units", "Provider", "POS"],
      ["Claim #", "DOS", "Payer", "Billed"],
    ];
    expect(findHeaderRow(grid, CLAIM_HEADER_SYNONYMS, REQUIRED_CLAIM_FIELDS_FOR_TEST)).toMatchObject({ found: true, row: 2 });
  });

  it("looks at the first 30 rows only and names the sheet when nothing is found", () => {
    const grid: unknown[][] = Array.from({ length: 30 }, () => ["note"]);
    grid.push(["Claim #", "DOS", "Payer", "Billed"]);
    const result = findHeaderRow(grid, CLAIM_HEADER_SYNONYMS, REQUIRED_CLAIM_FIELDS_FOR_TEST, {
      sheet: "Export", requiredWords: "claim number, date of service, payer and charge",
    });
    expect(result).toEqual({
      found: false,
      issue: {
        sheet: "Export", row: 1, severity: "error",
        message: "no header row with claim number, date of service, payer and charge found in the first 30 rows of sheet Export; name the columns with the overrides option or add a header row",
      },
    });
  });
});
