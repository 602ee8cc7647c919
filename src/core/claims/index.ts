export * from "./claimLine";
export * from "./balance";
export * from "./parseStatus";
export * from "./readClaimLines";
export * from "./splitCptModifiers";
