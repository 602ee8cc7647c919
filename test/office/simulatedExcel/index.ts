export * from "./simulatedExcel";
export * from "./conditionalFormats";
