export * from "./payerKey";
export * from "./payerMix";
export * from "./roundShares";
export * from "./payerGroups";
export * from "./payerMixTotals";
