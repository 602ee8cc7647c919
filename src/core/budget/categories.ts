import type { BudgetLineType } from "./budgetLine";

export interface BudgetCategory {
  /** Stable key for code and settings ("supportStaffSalariesAndBenefits"). */
  key: string;
  /** Title-cased name shown on sheets ("Support Staff Salaries and Benefits"). */
  name: string;
  lineType: BudgetLineType;
}

/**
 * The expense lines of the MGMA Cost and Revenue survey, in the survey's order
 * (definitions.md, "Budget").
 */
export const MGMA_EXPENSE_CATEGORIES: readonly BudgetCategory[] = [
  { key: "supportStaffSalariesAndBenefits", name: "Support Staff Salaries and Benefits", lineType: "expense" },
  { key: "medicalAndSurgicalSupply", name: "Medical and Surgical Supply", lineType: "expense" },
  { key: "drugSupply", name: "Drug Supply", lineType: "expense" },
  { key: "buildingAndOccupancy", name: "Building and Occupancy", lineType: "expense" },
  { key: "furnitureAndEquipment", name: "Furniture and Equipment", lineType: "expense" },
  { key: "informationTechnology", name: "Information Technology", lineType: "expense" },
  { key: "clinicalLaboratory", name: "Clinical Laboratory", lineType: "expense" },
  { key: "radiologyAndImaging", name: "Radiology and Imaging", lineType: "expense" },
  { key: "administrativeSupplies", name: "Administrative Supplies", lineType: "expense" },
  { key: "professionalLiabilityInsurance", name: "Professional Liability Insurance", lineType: "expense" },
  { key: "otherInsurance", name: "Other Insurance", lineType: "expense" },
  { key: "billingAndCollectionServices", name: "Billing and Collection Services", lineType: "expense" },
  { key: "outsideProfessionalFees", name: "Outside Professional Fees", lineType: "expense" },
  { key: "promotionAndMarketing", name: "Promotion and Marketing", lineType: "expense" },
  { key: "miscellaneous", name: "Miscellaneous", lineType: "expense" },
];

/** Default revenue lines of the budget template. */
export const DEFAULT_REVENUE_CATEGORIES: readonly BudgetCategory[] = [
  { key: "feeForServiceCollections", name: "Fee-for-Service Collections", lineType: "revenue" },
  { key: "otherMedicalRevenue", name: "Other Medical Revenue", lineType: "revenue" },
];

/** Default capital (equipment) lines of the budget template. */
export const DEFAULT_CAPITAL_CATEGORIES: readonly BudgetCategory[] = [
  { key: "medicalEquipment", name: "Medical Equipment", lineType: "capital" },
  { key: "itEquipment", name: "IT Equipment", lineType: "capital" },
];

/** Every line of the budget template, revenue first, then MGMA expenses, then capital. */
export const BUDGET_TEMPLATE_CATEGORIES: readonly BudgetCategory[] = [
  ...DEFAULT_REVENUE_CATEGORIES,
  ...MGMA_EXPENSE_CATEGORIES,
  ...DEFAULT_CAPITAL_CATEGORIES,
];
