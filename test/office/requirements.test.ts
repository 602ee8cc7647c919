import { checkRequirements, HIGHEST_REQUIREMENT, REQUIREMENTS } from "../../src/office/requirements";

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
