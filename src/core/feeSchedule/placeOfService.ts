/** Which practice expense RVU a place of service takes. */
export type PracticeExpenseSetting = "facility" | "nonFacility";

/**
 * Place-of-service codes paid at the facility PE RVU. Definitions.md names the hospital settings
 * 19, 21 and 22; the other facility settings follow the Medicare Claims Processing Manual ch. 12
 * §20.4.2: 23 ER, 24 ASC, 26 military facility, 31 SNF, 34 hospice, 41/42 ambulance, 51 inpatient
 * psychiatric, 52 psychiatric partial hospitalization, 53 community mental health center,
 * 56 psychiatric residential treatment, 61 comprehensive inpatient rehabilitation.
 */
export const FACILITY_PLACES_OF_SERVICE: ReadonlySet<string> = new Set([
  "19", "21", "22", "23", "24", "26", "31", "34", "41", "42", "51", "52", "53", "56", "61",
]);

/** "11", " 011 ", "11.0" → "11"; any other text trimmed and upper-cased. */
export function normalizePlaceOfService(placeOfService: string | null): string {
  if (placeOfService === null) return "";
  const text = placeOfService.trim().toUpperCase();
  if (/^\d{1,3}(?:\.0+)?$/.test(text)) return String(Math.trunc(Number(text))).padStart(2, "0");
  return text;
}

/**
 * Facility or non-facility practice expense for a place of service (definitions.md: POS 11 office
 * takes the non-facility PE RVU, hospital settings take the facility PE RVU). A blank or any code
 * not listed as a facility setting takes the non-facility PE RVU.
 */
export function practiceExpenseSetting(placeOfService: string | null): PracticeExpenseSetting {
  return FACILITY_PLACES_OF_SERVICE.has(normalizePlaceOfService(placeOfService)) ? "facility" : "nonFacility";
}
