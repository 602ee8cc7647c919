/**
 * The operations the task pane runs on the open workbook (Set up, Convert, Physician report, Fee
 * check), each as sheet descriptions rendered through Office.js with a constant number of syncs,
 * progress and cancellation, and errors in plain words.
 */
export { OperationCancelled, OperationError, runExcel, plainErrorMessage, toOperationError } from "./errors";
export type { OperationOptions, SheetKind, SheetOverview, TemplateKind, ConversionSource, ConversionPreview, LeftOutCell } from "./options";
export { describeWorkbook } from "./describeWorkbook";
export { setUpSheets } from "./setUpSheets";
export { previewConversion, convertToRegister } from "./conversion";
export { generatePhysicianReport } from "./physicianReport";
export { openPhysicianHandout } from "./handout";
export { runFeeCheck, underpaidRuleFormulas, ROWS_PER_RULE } from "./feeCheck";
export { selectCell } from "./selectCell";
