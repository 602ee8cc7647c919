import { reasonWithoutCellText } from "../../src/core/report/summaryPrivacy";

describe("left-out reasons without cell text (issue 14)", () => {
  it("drops the cell text a reason quotes, keeps the reason", () => {
    expect(reasonWithoutCellText('charge is not an amount (found "Patient: DOE, JANE DOB 01/02/1960 MRN 448812")')).toBe("charge is not an amount");
    expect(reasonWithoutCellText('not a claim row: "DOE, JANE" is not a date')).toBe('not a claim row: "…" is not a date');
    expect(reasonWithoutCellText("date of service is blank")).toBe("date of service is blank");
  });
});
