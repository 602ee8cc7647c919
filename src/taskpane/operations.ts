/* The one place the task pane imports the workbook operations from (src/office/operations, the
 * Office.js side of Set up, Convert, Physician report and Fee check). Keeping it to one line here
 * means a move or rename of that module is a one-line change. */
export * from "../office/operations";
