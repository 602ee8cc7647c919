export * from "./requestBudget";
export * from "./requirements";
export * from "./renderSheet";
export * from "./readSheets";
