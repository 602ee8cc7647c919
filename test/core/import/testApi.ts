// Shared imports of the import tests (not a test file itself).
export * from "../../../src/core/import";
export { REQUIRED_CLAIM_FIELDS as REQUIRED_CLAIM_FIELDS_FOR_TEST } from "../../../src/core/claims/claimLine";
