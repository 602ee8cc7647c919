export * from "./simulatedExcel";
