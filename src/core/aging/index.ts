export * from "./agingBuckets";
export * from "./lineAge";
export * from "./arAging";
export * from "./arAgingByPayer";
export * from "./daysInAR";
export * from "./arAgingOfBalances";
