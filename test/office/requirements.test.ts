import { checkRequirements, HIGHEST_REQUIREMENT, REQUIREMENTS, SUPPORTED_EXCEL } from "../../src/office/requirements";

describe("checkRequirements", () => {
  it("passes when every set is there", () => {
    expect(checkRequirements(() => true)).toEqual({ ok: true, missing: [], message: null });
  });

  it("names each missing set and what it is for", () => {
    // A host with ExcelApi up to 1.6: 1.7 and 1.8 are missing.
    const check = checkRequirements((name, version) => name === "ExcelApi" && Number(version) <= 1.6);
    expect(check.ok).toBe(false);
    expect(check.missing.map((m) => m.version)).toEqual(["1.7", "1.8"]);
    expect(check.message).toContain("ExcelApi 1.7 (frozen header rows");
    expect(check.message).toContain("ExcelApi 1.8 (hiding gridlines and drop-down lists");
    expect(check.message).toContain("Excel on the web");
  });

  it("treats a throwing test as missing, and uses nothing above ExcelApi 1.8", () => {
    expect(checkRequirements(() => { throw new Error("no Office"); }).missing).toHaveLength(REQUIREMENTS.length);
    expect(HIGHEST_REQUIREMENT).toBe("ExcelApi 1.8");
    expect(Math.max(...REQUIREMENTS.map((r) => Number(r.version)))).toBe(1.8);
  });
});

describe("SUPPORTED_EXCEL (the requirement-set tables in the user's words)", () => {
  // SharedRuntime 1.1: Windows M365 Version 2002, volume-licensed Excel 2021, Mac 16.35;
  // CustomFunctionsRuntime 1.2: retail perpetual Version 2311. Neither in volume-licensed 2019.
  // https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets
  // https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets
  it("names the true minimum builds and excludes volume-licensed Excel 2019", () => {
    expect(SUPPORTED_EXCEL).toContain("Version 2002");
    expect(SUPPORTED_EXCEL).toContain("16.35");
    expect(SUPPORTED_EXCEL).toContain("Version 2311");
    expect(SUPPORTED_EXCEL).toContain("volume-licensed Excel LTSC 2021");
    expect(SUPPORTED_EXCEL).toContain("Not volume-licensed Excel 2019");
    expect(SUPPORTED_EXCEL).not.toMatch(/2019 or later/);
    expect(checkRequirements(() => false).message).toContain(SUPPORTED_EXCEL);
  });
});
