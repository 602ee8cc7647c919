import { BUDGET_TEMPLATE_CATEGORIES, DEFAULT_CAPITAL_CATEGORIES, DEFAULT_REVENUE_CATEGORIES, MGMA_EXPENSE_CATEGORIES, isTotalLabel, lineTypeFromCategory, sectionLineType } from "../../../src/core/budget";

test("the fifteen MGMA expense lines of definitions.md, in order, title-cased", () => {
  expect(MGMA_EXPENSE_CATEGORIES.map((c) => c.name.toLowerCase())).toEqual([
    "support staff salaries and benefits", "medical and surgical supply", "drug supply", "building and occupancy",
    "furniture and equipment", "information technology", "clinical laboratory", "radiology and imaging",
    "administrative supplies", "professional liability insurance", "other insurance", "billing and collection services",
    "outside professional fees", "promotion and marketing", "miscellaneous",
  ]);
  expect(MGMA_EXPENSE_CATEGORIES[0].name).toBe("Support Staff Salaries and Benefits");
  expect(MGMA_EXPENSE_CATEGORIES.every((c) => c.lineType === "expense")).toBe(true);
  expect(new Set(BUDGET_TEMPLATE_CATEGORIES.map((c) => c.key)).size).toBe(BUDGET_TEMPLATE_CATEGORIES.length); // 2 + 15 + 2 = 19 distinct keys
  expect(BUDGET_TEMPLATE_CATEGORIES).toHaveLength(19);
  expect(DEFAULT_REVENUE_CATEGORIES.map((c) => c.name)).toEqual(["Fee-for-Service Collections", "Other Medical Revenue"]);
  expect(DEFAULT_CAPITAL_CATEGORIES.map((c) => c.name)).toEqual(["Medical Equipment", "IT Equipment"]);
});

test("line type from a name", () => {
  expect(lineTypeFromCategory("Furniture & equipment")).toEqual({ lineType: "expense", known: true }); // MGMA expense line, not capital
  expect(lineTypeFromCategory("medical equipment")).toEqual({ lineType: "capital", known: true });
  expect(lineTypeFromCategory("Fee-for-service collections")).toEqual({ lineType: "revenue", known: true });
  expect(lineTypeFromCategory("Collection agency fees")).toEqual({ lineType: "expense", known: true });
  expect(lineTypeFromCategory("Interest income")).toEqual({ lineType: "revenue", known: true });
  expect(lineTypeFromCategory("Widgets")).toEqual({ lineType: "expense", known: false });
});

test("section headings and total labels", () => {
  expect(sectionLineType("Revenue")).toBe("revenue");
  expect(sectionLineType("Operating Expenses:")).toBe("expense");
  expect(sectionLineType("Capital budget")).toBe("capital");
  expect(sectionLineType("Rent")).toBeNull();
  for (const t of ["Total expenses", "Subtotal", "Net income", "Grand Total", "Revenue total", "Sub-total"]) expect(isTotalLabel(t)).toBe(true);
  for (const t of ["Rent", "Network services", "Totally new line item x"]) expect(isTotalLabel(t)).toBe(false);
});
