/**
 * The fixed parts of the sample practice: who works there, which payers it bills, the codes it
 * uses, what it charges and the RVUs behind the Medicare amounts. Figures are illustrative and
 * close to CY2026 national values; they are sample data, not a pricing reference.
 */
import type { ChargeMasterRow, MedicareLocality, Payer, Practice, RvuRow } from "./types";

export const SAMPLE_PRACTICE: Practice = {
  name: "Riverside Family Medicine",
  claimPrefix: "RFM",
  physicians: [
    { name: "Dr. Maya Chen", specialty: "Family medicine", fte: "1.00", npi: "1234567893" },
    { name: "Dr. Samuel Ortiz", specialty: "Internal medicine", fte: "0.80", npi: "1245319599" },
    { name: "Dr. Priya Nair", specialty: "Pediatrics", fte: "0.80", npi: "1003000126" },
  ],
};

export const SAMPLE_PAYERS: Payer[] = [
  { name: "Medicare", payerClass: "Medicare" },
  { name: "Humana Medicare Advantage", payerClass: "Medicare Advantage" },
  { name: "State Medicaid", payerClass: "Medicaid" },
  { name: "Aetna PPO", payerClass: "Commercial" },
  { name: "Blue Cross Blue Shield", payerClass: "Commercial" },
  { name: "UnitedHealthcare", payerClass: "Commercial" },
  { name: "Self-pay", payerClass: "Self-pay" },
];

/** National GPCIs (1.000) and the CY2026 conversion factor for non-qualifying APM participants. */
export const SAMPLE_LOCALITY: MedicareLocality = {
  name: "National (GPCI 1.000)",
  workGpci: "1.000",
  peGpci: "1.000",
  mpGpci: "1.000",
  conversionFactor: "33.4009",
};

/** RVUs of the physician-fee-schedule codes the practice bills (close to CY2026 national values). */
export const SAMPLE_RVUS: RvuRow[] = [
  { cpt: "99203", description: "Office visit, new patient, low MDM", work: "1.60", nonFacilityPE: "1.51", facilityPE: "0.68", malpractice: "0.16" },
  { cpt: "99204", description: "Office visit, new patient, moderate MDM", work: "2.60", nonFacilityPE: "2.05", facilityPE: "1.10", malpractice: "0.25" },
  { cpt: "99205", description: "Office visit, new patient, high MDM", work: "3.50", nonFacilityPE: "2.56", facilityPE: "1.46", malpractice: "0.33" },
  { cpt: "99212", description: "Office visit, established, straightforward MDM", work: "0.70", nonFacilityPE: "0.98", facilityPE: "0.29", malpractice: "0.05" },
  { cpt: "99213", description: "Office visit, established, low MDM", work: "1.30", nonFacilityPE: "1.26", facilityPE: "0.53", malpractice: "0.09" },
  { cpt: "99214", description: "Office visit, established, moderate MDM", work: "1.92", nonFacilityPE: "1.63", facilityPE: "0.78", malpractice: "0.14" },
  { cpt: "99215", description: "Office visit, established, high MDM", work: "2.80", nonFacilityPE: "2.11", facilityPE: "1.17", malpractice: "0.20" },
  { cpt: "99393", description: "Preventive visit, established, age 5-11", work: "1.50", nonFacilityPE: "1.72", facilityPE: "0.61", malpractice: "0.12" },
  { cpt: "99396", description: "Preventive visit, established, age 40-64", work: "1.90", nonFacilityPE: "1.88", facilityPE: "0.78", malpractice: "0.15" },
  { cpt: "90471", description: "Immunization administration, first vaccine", work: "0.17", nonFacilityPE: "0.40", facilityPE: "0.40", malpractice: "0.01" },
  { cpt: "93000", description: "Electrocardiogram, complete", work: "0.17", nonFacilityPE: "0.31", facilityPE: "0.31", malpractice: "0.02" },
  { cpt: "11102", description: "Tangential biopsy of skin, single lesion", work: "0.66", nonFacilityPE: "2.42", facilityPE: "0.39", malpractice: "0.07" },
  { cpt: "20610", description: "Arthrocentesis/injection, major joint", work: "0.79", nonFacilityPE: "0.85", facilityPE: "0.40", malpractice: "0.10" },
  { cpt: "69210", description: "Removal of impacted cerumen, instrumentation, unilateral", work: "0.61", nonFacilityPE: "0.75", facilityPE: "0.28", malpractice: "0.05" },
];

/**
 * Codes Medicare pays outside the physician fee schedule: venipuncture and urinalysis on the
 * clinical laboratory fee schedule, vaccines at the Part B payment allowance. Every payer has a
 * fixed row for these (a percentage of a Medicare amount needs RVUs).
 */
export const SAMPLE_NON_PFS = [
  { cpt: "36415", description: "Routine venipuncture", amount: 300 },
  { cpt: "81002", description: "Urinalysis, non-automated, without microscopy", amount: 348 },
  { cpt: "90656", description: "Influenza vaccine, split virus, preservative free, 0.5 mL", amount: 2215 },
  { cpt: "90715", description: "Tdap vaccine, 7 years or older", amount: 3987 },
  { cpt: "90707", description: "MMR vaccine, live", amount: 8862 },
];

/**
 * What the practice bills per unit: about 1.9 × the Medicare amount for visits (labs and vaccines
 * more), so the gross collection rate lands in the 40-60 % that MGMA practices report.
 */
export const SAMPLE_CHARGE_MASTER: ChargeMasterRow[] = [
  { cpt: "99203", description: "Office visit, new patient, low MDM", charge: 19_500 },
  { cpt: "99204", description: "Office visit, new patient, moderate MDM", charge: 29_500 },
  { cpt: "99205", description: "Office visit, new patient, high MDM", charge: 39_000 },
  { cpt: "99212", description: "Office visit, established, straightforward MDM", charge: 11_000 },
  { cpt: "99213", description: "Office visit, established, low MDM", charge: 17_000 },
  { cpt: "99214", description: "Office visit, established, moderate MDM", charge: 23_000 },
  { cpt: "99215", description: "Office visit, established, high MDM", charge: 32_000 },
  { cpt: "99393", description: "Preventive visit, established, age 5-11", charge: 20_500 },
  { cpt: "99396", description: "Preventive visit, established, age 40-64", charge: 25_000 },
  { cpt: "36415", description: "Routine venipuncture", charge: 1_100 },
  { cpt: "81002", description: "Urinalysis, non-automated, without microscopy", charge: 900 },
  { cpt: "90471", description: "Immunization administration, first vaccine", charge: 3_400 },
  { cpt: "90656", description: "Influenza vaccine, split virus, preservative free, 0.5 mL", charge: 4_000 },
  { cpt: "90715", description: "Tdap vaccine, 7 years or older", charge: 7_000 },
  { cpt: "90707", description: "MMR vaccine, live", charge: 14_000 },
  { cpt: "93000", description: "Electrocardiogram, complete", charge: 5_500 },
  { cpt: "11102", description: "Tangential biopsy of skin, single lesion", charge: 20_000 },
  { cpt: "20610", description: "Arthrocentesis/injection, major joint", charge: 11_000 },
  { cpt: "69210", description: "Removal of impacted cerumen, instrumentation, unilateral", charge: 9_000 },
];

/** Denial reasons (CARC with group code) and how often each occurs among denials. */
export const SAMPLE_DENIAL_REASONS: readonly string[] = ["CO-97", "CO-16", "CO-50", "CO-4", "CO-18", "PR-204", "CO-29", "CO-27", "CO-22"];
export const SAMPLE_DENIAL_WEIGHTS: readonly number[] = [22, 20, 12, 10, 9, 9, 5, 7, 6];
