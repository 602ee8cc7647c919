export * from "./types";
export * from "./random";
export * from "./catalog";
export * from "./feeSchedule";
export * from "./samplePractice";
export * from "./synthetic";
