import type { CellValue } from "../../core/cells/cellValue";
import { columnLetter } from "../../core/cells/issue";
import { SETTINGS_SHEET_NAME, TEMPLATE_SHEET_NAMES, templateSheet, type TemplateOptions } from "../../core/templates";
import { OperationCancelled, OperationError, toOperationError } from "./errors";
import { progress, type OperationOptions, type TemplateKind } from "./options";
import { findName, readSheets, removeSheets, renderNewSheet, sheetNames } from "./workbook";

/** Settings first, so the other templates' formulas can refer to it. */
const ORDER: readonly TemplateKind[] = ["settings", "claimsRegister", "feeSchedule", "budget", "payroll"];

/**
 * Creates the template sheets asked for (src/core/templates) as Excel tables with their headers,
 * formats, drop-downs, frozen header and calculated columns. A sheet whose name is taken is never
 * overwritten: it is skipped, with the reason. The claims register, budget and payroll formulas
 * refer to the Settings sheet (as-of date, week hours, overtime multiplier) when this creates it
 * or the workbook's own Settings sheet has those labels; else TODAY(), 40 and 1.5.
 * All or nothing: on a failure or a cancel, the sheets this call created are removed.
 * Syncs: 1 for the names (+ about 3 to read an existing Settings sheet), then 1 + ceil(bytes /
 * budget) per sheet created: a constant.
 */
export async function setUpSheets(
  context: Excel.RequestContext,
  kinds: TemplateKind[],
  o: OperationOptions = {},
  settings: { practiceName?: string } = {},
): Promise<{ created: string[]; skipped: { kind: TemplateKind; reason: string }[] }> {
  progress(o, 0, "Looking at the workbook's sheets…");
  const names = await sheetNames(context);
  const wanted = ORDER.filter((k) => kinds.includes(k));
  const skipped: { kind: TemplateKind; reason: string }[] = [];
  const toCreate: TemplateKind[] = [];
  for (const kind of wanted) {
    const existing = findName(names, TEMPLATE_SHEET_NAMES[kind]);
    if (existing !== null) skipped.push({ kind, reason: `The sheet "${existing}" already exists; it was left as it is.` });
    else toCreate.push(kind);
  }

  const options: TemplateOptions = {};
  // The Settings sheet's Practice name cell, filled with the name the pane shows (or left blank).
  if (settings.practiceName !== undefined && settings.practiceName.trim() !== "") options.practiceName = settings.practiceName.trim();
  if (toCreate.includes("settings")) options.withSettings = true;
  else if (toCreate.some((k) => k !== "feeSchedule")) {
    const settings = findName(names, SETTINGS_SHEET_NAME);
    if (settings !== null) {
      const [sheet] = await readSheets(context, [settings], o);
      Object.assign(options, settingsCells(settings, sheet?.grid ?? []));
    }
  }

  const created: string[] = [];
  try {
    for (let i = 0; i < toCreate.length; i++) {
      const kind = toCreate[i];
      progress(o, 0.1 + (0.9 * i) / toCreate.length, `Creating the ${TEMPLATE_SHEET_NAMES[kind]} sheet…`);
      const { name } = await renderNewSheet(context, templateSheet(kind, options), o, i === 0);
      created.push(name);
    }
  } catch (error) {
    const left = await removeSheets(context, created);
    const tail = left.length > 0 ? ` Remove ${left.map((n) => `"${n}"`).join(", ")} by hand.` : "";
    if (error instanceof OperationCancelled) throw new OperationCancelled(`Cancelled. The sheets this had created were removed; no other sheet was changed.${tail}`);
    const plain = toOperationError(error);
    throw new OperationError(`${plain.message}${created.length > 0 ? ` The sheets this had created (${created.join(", ")}) were removed.` : ""}${tail}`, undefined, error);
  }
  progress(o, 1, "Done");
  return { created, skipped };
}

/** References to an existing Settings sheet's as-of date, week hours and overtime multiplier cells, found by their labels. */
export function settingsCells(sheet: string, grid: readonly (readonly CellValue[])[]): Pick<TemplateOptions, "asOfCell" | "standardWeekHoursCell" | "overtimeMultiplierCell"> {
  const out: Pick<TemplateOptions, "asOfCell" | "standardWeekHoursCell" | "overtimeMultiplierCell"> = {};
  const ref = (r: number, c: number): string => `${quoteSheet(sheet)}!$${columnLetter(c + 2)}$${r + 1}`;
  grid.forEach((row, r) => {
    if (!Array.isArray(row)) return;
    row.forEach((cell, c) => {
      if (typeof cell !== "string") return;
      const t = cell.trim().toLowerCase();
      if (out.asOfCell === undefined && /^as[- ]of( date)?$/.test(t)) out.asOfCell = ref(r, c);
      if (out.standardWeekHoursCell === undefined && /^standard work ?week hours$/.test(t)) out.standardWeekHoursCell = ref(r, c);
      if (out.overtimeMultiplierCell === undefined && /^overtime multiplier$/.test(t)) out.overtimeMultiplierCell = ref(r, c);
    });
  });
  return out;
}

/** A sheet name as a formula writes it: quoted unless letters, digits and "_" only. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
