/* The practice name as the workbook says it (pure, in src/core/practice). */
export { practiceNameIn } from "../../core/practice/practiceName";
