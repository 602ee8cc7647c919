/**
 * Medicare Physician Fee Schedule conversion factors, dollars per RVU, as exact decimal strings
 * (definitions.md, "Fee schedule and underpayments"; CY2026 PFS final rule; CY2025 PFS final rule).
 */
export const CONVERSION_FACTORS = {
  /** CY2026, clinicians who are not qualifying APM participants: the default. */
  CY2026_NON_QUALIFYING_APM: "33.4009",
  /** CY2026, qualifying APM participants. */
  CY2026_QUALIFYING_APM: "33.5675",
  /** CY2025, a single conversion factor. */
  CY2025: "32.3465",
} as const;

/** The conversion factor used when none is given: CY2026, non-qualifying APM participants. */
export const DEFAULT_CONVERSION_FACTOR: string = CONVERSION_FACTORS.CY2026_NON_QUALIFYING_APM;
