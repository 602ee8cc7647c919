export * from "./day";
export * from "./excelSerial";
