/** The templates' public API as the tests use it. */
export * from "../../src/core/templates";
import { uniqueTableName } from "../../src/core/sheet/sheetDescription";
export const uniqueTableNameFor = uniqueTableName;
