export * from "./cellValue";
export * from "./issue";
export * from "./parseResult";
export * from "./parseMoney";
export * from "./parseDate";
export * from "./rowIssueReporter";
