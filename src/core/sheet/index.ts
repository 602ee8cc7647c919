export * from "./sheetDescription";
