/**
 * A sheet's print area and print titles in workbook.xml. Excel keeps them as built-in defined names
 * scoped to the sheet: `_xlnm.Print_Area` and `_xlnm.Print_Titles`, with `localSheetId` the sheet's
 * 0-based position among the workbook's <sheet> elements (ECMA-376 Part 1, 18.2.5 definedName and
 * 18.2.6 definedNames; the built-in names, 18.2.5 "Print_Area", "Print_Titles"). The sheet's page
 * setup itself (orientation, fit, header and footer) is in the worksheet part; these two are not,
 * so the injector adds them here, leaving the user's own names as they are.
 */
import type { PageSetup } from "../core/sheet/sheetDescription";
import { columnLetter } from "../core/cells/issue";
import { escapeXml, findTags, rootPrefix, tagEnd } from "./xlsxReader";

/** A sheet name in a formula: always quoted, an apostrophe doubled ("'Dr. O''Neil'"), which Excel reads for any name. */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The built-in names of a page setup: name and formula text (not yet XML-escaped). */
export function printNames(sheetName: string, pageSetup: PageSetup | undefined): { name: string; formula: string }[] {
  if (pageSetup === undefined) return [];
  const sheet = quotedSheetName(sheetName);
  const out: { name: string; formula: string }[] = [];
  const a = pageSetup.printArea;
  if (a !== undefined) {
    out.push({ name: "_xlnm.Print_Area", formula: `${sheet}!$${columnLetter(a.fromCol)}$${a.fromRow}:$${columnLetter(a.toCol)}$${a.toRow}` });
  }
  const t = pageSetup.titleRows;
  if (t !== undefined) out.push({ name: "_xlnm.Print_Titles", formula: `${sheet}!$${t.from}:$${t.to}` });
  return out;
}

/** The end (index after) of the element named `name`, self-closing or not; -1 when absent. */
function elementEnd(xml: string, name: string): number {
  const tag = findTags(xml, name)[0];
  if (tag === undefined) return -1;
  if (xml.charCodeAt(tag.end - 1) === 47 /* / */) return tag.end + 1;
  const close = xml.indexOf(`</${name}>`, tag.end);
  return close < 0 ? -1 : close + name.length + 3;
}

/**
 * workbook.xml with the names added for the sheet at `localSheetId`: inside <definedNames> when
 * there is one (a name already defined for that sheet is left alone), else in a new <definedNames>
 * placed where CT_Workbook wants it (after sheets, functionGroups and externalReferences).
 */
export function addPrintNames(workbookXml: string, localSheetId: number, names: readonly { name: string; formula: string }[]): string {
  if (names.length === 0) return workbookXml;
  const p = rootPrefix(workbookXml);
  const existing = findTags(workbookXml, `${p}definedName`).map((t) => `${(t.attrs.get("name") ?? "").toLowerCase()}@${t.attrs.get("localSheetId") ?? ""}`);
  const added = names
    .filter((n) => !existing.includes(`${n.name.toLowerCase()}@${localSheetId}`))
    .map((n) => `<${p}definedName name="${n.name}" localSheetId="${localSheetId}">${escapeXml(n.formula)}</${p}definedName>`)
    .join("");
  if (added === "") return workbookXml;
  const container = findTags(workbookXml, `${p}definedNames`)[0];
  if (container !== undefined) {
    const end = tagEnd(workbookXml, container.start);
    if (workbookXml.charCodeAt(end - 1) === 47) {
      const open = workbookXml.slice(container.start, end + 1).replace(/\s*\/>$/, ">");
      return `${workbookXml.slice(0, container.start)}${open}${added}</${p}definedNames>${workbookXml.slice(end + 1)}`;
    }
    const close = workbookXml.indexOf(`</${p}definedNames>`, end);
    return workbookXml.slice(0, close) + added + workbookXml.slice(close);
  }
  const after = Math.max(elementEnd(workbookXml, `${p}sheets`), elementEnd(workbookXml, `${p}functionGroups`), elementEnd(workbookXml, `${p}externalReferences`));
  if (after < 0) throw new Error("the workbook package's workbook.xml has no <sheets> element");
  return `${workbookXml.slice(0, after)}<${p}definedNames>${added}</${p}definedNames>${workbookXml.slice(after)}`;
}
