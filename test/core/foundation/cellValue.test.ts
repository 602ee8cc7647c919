import { cellErrorText, columnLetter, describeIssue, describePlace, isBlankCell, showCell } from "../../../src/core/cells";

describe("cellErrorText", () => {
  it("reads error texts, any case, spaces trimmed", () => {
    expect(cellErrorText("#N/A")).toBe("#N/A");
    expect(cellErrorText(" #n/a ")).toBe("#N/A");
    expect(cellErrorText("#DIV/0!")).toBe("#DIV/0!");
    expect(cellErrorText("#SPILL!")).toBe("#SPILL!");
    expect(cellErrorText("N/A")).toBeNull();
    expect(cellErrorText("#hashtag")).toBeNull();
  });

  it("reads error objects in every shape", () => {
    expect(cellErrorText({ error: "#DIV/0!" })).toBe("#DIV/0!"); // ExcelJS
    expect(cellErrorText({ type: "NA" })).toBe("#N/A"); // HyperFormula CellError
    expect(cellErrorText({ type: "DIV_BY_ZERO", message: "" })).toBe("#DIV/0!");
    expect(cellErrorText({ type: "CYCLE" })).toBe("#CYCLE!");
    expect(cellErrorText({ code: "#VALUE!" })).toBe("#VALUE!"); // CustomFunctions.Error
    expect(cellErrorText({ code: "notAvailable" })).toBe("#N/A"); // CustomFunctions.ErrorCode name
    expect(cellErrorText({ value: "#REF!" })).toBe("#REF!");
    expect(cellErrorText({ type: "Error", basicValue: "#NUM!", errorType: "Num" })).toBe("#NUM!"); // Office.js valuesAsJson
    // an error object without a code Excel knows: the generic #VALUE!
    expect(cellErrorText({ error: 7 })).toBe("#VALUE!");
    expect(cellErrorText({ errorCode: 7 })).toBe("#VALUE!");
  });

  it("is null for everything else", () => {
    for (const v of [null, undefined, 0, 1.5, true, "", "abc", new Date(0), { value: 5 }, { type: "Double" }, [], ["#N/A"]]) {
      expect(cellErrorText(v)).toBeNull();
    }
  });
});

describe("isBlankCell", () => {
  it("is true for null, undefined and empty or space-only text", () => {
    for (const v of [null, undefined, "", "  ", "\t", "\u00a0"]) expect(isBlankCell(v)).toBe(true);
  });
  it("is false for zero, FALSE and any other value", () => {
    for (const v of [0, false, "0", " x ", new Date(0), {}, Number.NaN]) expect(isBlankCell(v)).toBe(false);
  });
});

describe("showCell", () => {
  it("shows any value briefly, never throwing", () => {
    expect(showCell(null)).toBe("");
    expect(showCell(undefined)).toBe("");
    expect(showCell("abc")).toBe("abc");
    // 100 characters → the first 57 and "..." = 60
    expect(showCell("x".repeat(100))).toBe(`${"x".repeat(57)}...`);
    expect(showCell(12.5)).toBe("12.5");
    expect(showCell(true)).toBe("true");
    expect(showCell(new Date(Date.UTC(2026, 9, 31)))).toBe("2026-10-31");
    expect(showCell(new Date(Number.NaN))).toBe("invalid date");
    expect(showCell({ error: "#N/A" })).toBe("#N/A");
    expect(showCell({ a: 1 })).toBe('{"a":1}');
    expect(showCell(BigInt(5))).toBe("[object BigInt]");
    expect(showCell(Symbol("s"))).toBe("Symbol(s)");
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(showCell(circular)).toBe("[object Object]");
    expect(showCell(Object.create(null))).toBe("{}");
  });
});

describe("describePlace and describeIssue", () => {
  it("writes an Excel reference when sheet and column letter are known", () => {
    expect(describePlace({ sheet: "Claims", row: 12, column: "F" })).toBe("Claims!F12");
    expect(describePlace({ sheet: "Claims Register", row: 12, column: "F" })).toBe("'Claims Register'!F12");
    expect(describePlace({ sheet: "O'Brien", row: 3, column: "AB" })).toBe("'O''Brien'!AB3");
    expect(describePlace({ sheet: "Claims-2026", row: 12, column: "F" })).toBe("'Claims-2026'!F12");
    // names Excel would read as a number or a cell address are quoted too
    expect(describePlace({ sheet: "2026", row: 12, column: "F" })).toBe("'2026'!F12");
    expect(describePlace({ sheet: "AB12", row: 12, column: "F" })).toBe("'AB12'!F12");
    expect(describePlace({ sheet: "R1C1", row: 12, column: "F" })).toBe("'R1C1'!F12");
    expect(describePlace({ sheet: "Q4_2026", row: 12, column: "F" })).toBe("Q4_2026!F12");
  });

  it("falls back to words otherwise", () => {
    expect(describePlace({ row: 12, column: "F" })).toBe("row 12, column F");
    expect(describePlace({ row: 12 })).toBe("row 12");
    expect(describePlace({ sheet: "Claims", row: 12 })).toBe('sheet "Claims", row 12');
    expect(describePlace({ sheet: "Claims", row: 12, column: "Charge" })).toBe('sheet "Claims", row 12, column Charge');
    expect(describePlace({ sheet: "", row: 12, column: "F" })).toBe("row 12, column F");
  });

  it("describes an issue on one line", () => {
    expect(describeIssue({ sheet: "Claims", row: 12, column: "F", severity: "error", field: "charge", found: "abc", message: "charge: not an amount" }))
      .toBe('Claims!F12: charge: not an amount (found "abc")');
    expect(describeIssue({ row: 4, severity: "warning", message: "status is unknown" })).toBe("row 4: status is unknown");
  });
});

describe("columnLetter", () => {
  it.each([
    [1, "A"], [2, "B"], [26, "Z"], [27, "AA"], [28, "AB"], [52, "AZ"], [53, "BA"],
    // 702 = 26 × 26 + 26 → "ZZ"; 703 = 26² + 26 + 1 → "AAA"
    [702, "ZZ"], [703, "AAA"],
    // 16384 = the last Excel column: X=24, F=6, D=4: 24 × 676 + 6 × 26 + 4 = 16224 + 156 + 4 = 16384
    [16384, "XFD"],
  ])("%d → %s", (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
  });
  it("is empty for 0", () => {
    expect(columnLetter(0)).toBe("");
  });
});
