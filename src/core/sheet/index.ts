export * from "./sheetDescription";
export * from "./sheetBuilder";
