export * from "./claimColumns";
export * from "./claimGroups";
export * from "./agedFromColumns";
export * from "./periodsFromColumns";
export * from "./daysToPayFromColumns";
export * from "./payersAndProvidersFromColumns";
export * from "./feeCheckFromColumns";
export * from "./denialReasonsFromColumns";
