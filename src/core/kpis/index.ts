export * from "./reportingPeriod";
export * from "./collectionRates";
export * from "./denialRates";
export * from "./denialsByReason";
export * from "./daysToPay";
