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
export { runFeeCheck, underpaidRuleFormula, registerKeys } from "./feeCheck";
export { selectCell } from "./selectCell";
export { previewRemittance, postRemittance } from "./postRemittance";
export type { RemittancePreview, RemittanceClaimRow } from "./postRemittance";
export { preferredRegister, registerChoices } from "./registerChoice";
export { practiceNameIn } from "./practiceName";
export { registerFor } from "./registerFor";
