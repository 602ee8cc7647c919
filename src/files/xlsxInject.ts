/**
 * Adds a report sheet to a COPY of an .xlsx/.xlsm without re-writing the user's sheets: the sheet
 * is rendered alone into a fresh ExcelJS workbook, and only its worksheet part is added to the
 * input's package, with the few shared parts that must know about it edited as text (workbook.xml:
 * the sheet entry, and the sheet's print area and title rows as defined names; its relationships,
 * [Content_Types].xml and styles.xml). Every other part of the input (the user's sheets, shared
 * strings, theme, macros, pivot caches…) is carried over byte for byte: zipRewrite.ts writes an
 * untouched entry's compressed bytes as they were (deflated or stored, same bytes, same method).
 * injectReportSheet only collects the parts to write, so a caller can add its own (the charts,
 * writeReportWorkbook.ts) and write the copy once.
 *
 * docProps/app.xml (TitlesOfParts, the sheet list some tools show) is left as it was: Excel does
 * not rely on it and refreshes it on the next save.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { uniqueSheetName, type SheetDescription } from "../core/sheet/sheetDescription";
import { renderSheet } from "./renderSheet";
import { openZipPackage, type ZipPackage } from "./zipPackage";
import { PartChanges, writeRewrittenZip } from "./zipRewrite";
import { addPrintNames, printNames } from "./xlsxPrintNames";
import { CT_TABLE, placeTables, reportTables, tablesInPackage, type ReportTable } from "./xlsxInjectTables";
import { escapeXml, findTags, readPartText, readWorkbookParts, rootPrefix, tagEnd } from "./xlsxReader";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"];
const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/**
 * Copies the .xlsx/.xlsm at `inputPath` to `outputPath` with the report sheet added as the last
 * tab, opened on it. Returns the sheet's final name (made unique, case-insensitively, among the
 * workbook's sheets). The input file is only read.
 */
export async function addSheetToXlsxCopy(inputPath: string, outputPath: string, sheet: SheetDescription): Promise<string> {
  const bytes = await fs.promises.readFile(inputPath);
  // Read through the checked package (CRC-32, sizes, OPC names in any case); written by zipRewrite.ts,
  // which copies every untouched entry's compressed bytes as they were.
  const pkg = openZipPackage(bytes, path.basename(inputPath));
  const injected = await injectReportSheet(pkg, sheet);
  await writeRewrittenZip(pkg, injected.changes, outputPath);
  return injected.name;
}

/** The report sheet's injection into a package: its name, its worksheet part and every part to write. */
export interface ReportSheetInjection {
  name: string;
  sheetPart: string;
  changes: PartChanges;
}

/**
 * The parts to change or add in `pkg` for the report sheet (styles.xml merged, the worksheet and
 * its tables, workbook.xml, its relationships, [Content_Types].xml); nothing is written.
 */
export async function injectReportSheet(pkg: ZipPackage, sheet: SheetDescription): Promise<ReportSheetInjection> {
  const changes = new PartChanges();
  const taken = (part: string): boolean => pkg.entry(part) !== null || changes.has(part);
  const wb = await readWorkbookParts(pkg);
  const workbookPart = wb.workbookPart.replace(/\\/g, "/"); // for paths; wb.workbookPart is the stored name
  const name = uniqueSheetName(sheet.name, wb.sheets.map((s) => s.name));

  // The report alone, rendered by ExcelJS.
  const report = await renderReportAlone(wb.date1904 ? inDateSystem1904({ ...sheet, name }) : { ...sheet, name });

  // Styles: the report's appended to the input's (or the report's whole when the input has none).
  let xfMap: (n: number) => number = (n) => n;
  let dxfMap: (n: number) => number = (n) => n;
  let relsXml = wb.relsXml;
  const contentTypesPart = pkg.storedName("[Content_Types].xml");
  let contentTypes = (await readPartText(pkg, contentTypesPart)) ?? "";
  const stylesPart = wb.partsByType.get("styles") ?? null;
  const inputStyles = stylesPart === null ? null : await readPartText(pkg, stylesPart);
  if (stylesPart !== null && inputStyles !== null) {
    const merged = mergeStyles(inputStyles, report.stylesXml);
    changes.set(stylesPart, merged.xml);
    xfMap = (n) => merged.xfMap[n] ?? 0;
    dxfMap = (n) => merged.dxfMap[n] ?? n;
  } else if (report.stylesXml !== "") {
    const part = freePartName(taken, `${folderOf(workbookPart)}styles`, ".xml");
    changes.set(part, report.stylesXml);
    relsXml = addRelationship(relsXml, relTypeLike(relsXml, "styles", REL_STYLES), relativeTarget(workbookPart, part)).xml;
    contentTypes = addOverride(contentTypes, part, CT_STYLES);
  }

  // The sheet part, its relationship, content type and <sheet> entry.
  const sheetPart = freePartName(taken, `${folderOf(workbookPart)}worksheets/sheet`, ".xml", true);
  changes.set(sheetPart, rewriteReportSheet(report.sheetXml, report.sharedStrings, xfMap, dxfMap));
  if (report.tables.length > 0) {
    const placed = placeTables(report.tables, sheetPart, await tablesInPackage(pkg), (stem, ext) => freePartName(taken, stem, ext, true));
    for (const [part, xml] of placed.parts) {
      changes.set(part, xml);
      contentTypes = addOverride(contentTypes, part, CT_TABLE);
    }
    changes.set(placed.sheetRels.part, placed.sheetRels.xml);
  }
  const rel = addRelationship(relsXml, relTypeLike(relsXml, "worksheet", REL_WORKSHEET), relativeTarget(workbookPart, sheetPart));
  changes.set(wb.relsPart, rel.xml);
  changes.set(contentTypesPart, addOverride(contentTypes, sheetPart, CT_WORKSHEET));
  // The print area and title rows are defined names of workbook.xml scoped to the new sheet (its index: after the user's sheets).
  const sheetIndex = findTags(wb.workbookXml, `${rootPrefix(wb.workbookXml)}sheet`).length;
  const workbookXml = addPrintNames(addSheetEntry(wb.workbookXml, name, rel.id), sheetIndex, printNames(name, sheet.pageSetup));
  changes.set(wb.workbookPart, workbookXml);
  return { name, sheetPart, changes };
}

interface RenderedReport {
  sheetXml: string;
  stylesXml: string;
  /** The inner XML of each <si> of the report's shared strings (a valid <is> content). */
  sharedStrings: string[];
  /** The report's Excel tables (ExcelJS writes them as parts the sheet XML's tableParts point at). */
  tables: ReportTable[];
}

async function renderReportAlone(sheet: SheetDescription): Promise<RenderedReport> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Practice Ledger";
  renderSheet(workbook, sheet);
  const buffer = await workbook.xlsx.writeBuffer();
  const zip = openZipPackage(Buffer.from(buffer as ArrayBuffer), "the rendered report");
  const parts = await readWorkbookParts(zip);
  const first = parts.sheets[0];
  const sheetXml = first?.part == null ? null : await readPartText(zip, first.part);
  if (sheetXml === null) throw new Error("the report sheet could not be rendered");
  const stylesPart = parts.partsByType.get("styles");
  const stylesXml = stylesPart === undefined ? "" : ((await readPartText(zip, stylesPart)) ?? "");
  const sstPart = parts.partsByType.get("sharedStrings");
  const sst = sstPart === undefined ? "" : ((await readPartText(zip, sstPart)) ?? "");
  const sharedStrings: string[] = [];
  for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) sharedStrings.push(m[1] ?? "");
  const tables = first?.part == null ? [] : await reportTables(zip, first.part);
  return { sheetXml, stylesXml, sharedStrings, tables };
}

/**
 * The report's worksheet XML (as ExcelJS writes it) made to fit the input's package: style indexes
 * (cells' and rows' s, columns' style, conditional formats' dxfId) mapped to the merged styles,
 * shared strings turned into inline strings (the input's sharedStrings.xml stays untouched), and
 * the tab marked selected (it opens as the active tab).
 */
export function rewriteReportSheet(xml: string, sharedStrings: readonly string[], xfMap: (n: number) => number, dxfMap: (n: number) => number): string {
  const mapS = (attrs: string): string => attrs.replace(/(\s)s="(\d+)"/, (_m, sp: string, n: string) => `${sp}s="${xfMap(Number(n))}"`);
  let out = xml.replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (_m, attrs: string, tail: string, content: string | undefined) => {
    const a = mapS(attrs);
    if (content !== undefined && /\st="s"/.test(a)) {
      const index = /<v>\s*(\d+)\s*<\/v>/.exec(content);
      const inner = index === null ? "" : (sharedStrings[Number(index[1])] ?? "");
      return `<c${a.replace(/\st="s"/, ' t="inlineStr"')}><is>${inner === "" ? "<t></t>" : inner}</is></c>`;
    }
    return `<c${a}${tail}`;
  });
  out = out.replace(/<row\b[^>]*>/g, (tag) => mapS(tag));
  out = out.replace(/<col\b[^>]*>/g, (tag) => tag.replace(/(\s)style="(\d+)"/, (_m, sp: string, n: string) => `${sp}style="${xfMap(Number(n))}"`));
  out = out.replace(/(\s)dxfId="(\d+)"/g, (_m, sp: string, n: string) => `${sp}dxfId="${dxfMap(Number(n))}"`);
  // The report is not selected: the workbook keeps opening on the user's own active tab. Making
  // it active would need clearing "selected" on the user's sheet too (rewriting their sheet), and
  // without that Excel opens both tabs grouped, where typing on one writes into the other.
  out = out.replace(/<sheetView\b[^>]*?(\/?)>/, (tag) => tag.replace(/\stabSelected="[^"]*"/, ""));
  return out;
}

// ---------------------------------------------------------------------------------------------
// styles.xml

/** Position of a collection element (<fonts>…</fonts>) of the style sheet. */
interface Collection {
  start: number;
  /** Index of the `>` of its start tag. */
  openEnd: number;
  selfClosing: boolean;
  /** Index of its closing tag (= openEnd + 1 - … for a self-closing one: openEnd). */
  closeStart: number;
  end: number;
}

function findCollection(xml: string, prefix: string, name: string): Collection | null {
  const tag = findTags(xml, `${prefix}${name}`)[0];
  if (tag === undefined) return null;
  const selfClosing = xml.charCodeAt(tag.end - 1) === 47;
  if (selfClosing) return { start: tag.start, openEnd: tag.end, selfClosing, closeStart: tag.end, end: tag.end + 1 };
  const close = `</${prefix}${name}>`;
  const closeStart = xml.indexOf(close, tag.end);
  if (closeStart < 0) return null;
  return { start: tag.start, openEnd: tag.end, selfClosing, closeStart, end: closeStart + close.length };
}

/**
 * The child elements (outer XML) of a collection: its direct children named `child`, each
 * counted once. A child wrapped in `mc:AlternateContent` (Hancom writes a Choice and a Fallback of
 * the same font; ECMA-376 Part 3, 10.2.1: a consumer uses exactly one of them) counts as ONE child,
 * so the counts the report's style indexes are based on stay those Excel sees.
 */
function children(xml: string, prefix: string, name: string, child: string): string[] {
  const c = findCollection(xml, prefix, name);
  if (c === null || c.selfClosing) return [];
  const inner = xml.slice(c.openEnd + 1, c.closeStart);
  const out: string[] = [];
  const wanted = `${prefix}${child}`;
  let i = 0;
  for (;;) {
    i = inner.indexOf("<", i);
    if (i < 0) break;
    const next = inner.charCodeAt(i + 1);
    if (next === 33 /* ! */) {
      const close = inner.startsWith("<!--", i) ? inner.indexOf("-->", i) + 3 : inner.indexOf(">", i) + 1;
      i = close <= 0 ? inner.length : close;
      continue;
    }
    if (next === 47 /* / */ || next === 63 /* ? */) {
      i = inner.indexOf(">", i) + 1 || inner.length;
      continue;
    }
    let p = i + 1;
    while (p < inner.length && !/[\s/>]/.test(inner[p])) p++;
    const tagName = inner.slice(i + 1, p);
    const te = tagEnd(inner, i);
    if (te < 0) break;
    let end = te + 1;
    if (inner.charCodeAt(te - 1) !== 47) {
      const close = inner.indexOf(`</${tagName}>`, te);
      end = close < 0 ? inner.length : close + tagName.length + 3;
    }
    const outer = inner.slice(i, end);
    if (tagName === wanted || (tagName.endsWith(":AlternateContent") && outer.includes(`<${wanted}`))) out.push(outer);
    i = end;
  }
  return out;
}

/** The style sheet's collections in schema order (CT_Stylesheet). */
const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** Appends children to a collection (creating it in schema order if missing) and sets its count. */
function appendChildren(xml: string, prefix: string, name: string, added: readonly string[], total: number): string {
  if (added.length === 0) return xml;
  const c = findCollection(xml, prefix, name);
  const body = added.join("");
  if (c === null) {
    const element = `<${prefix}${name} count="${total}">${body}</${prefix}${name}>`;
    // Before the first collection that follows it in the schema, else before </styleSheet>.
    for (const later of STYLE_ORDER.slice(STYLE_ORDER.indexOf(name) + 1)) {
      const l = findCollection(xml, prefix, later);
      if (l !== null) return xml.slice(0, l.start) + element + xml.slice(l.start);
    }
    const close = xml.lastIndexOf(`</${prefix}styleSheet>`);
    return xml.slice(0, close) + element + xml.slice(close);
  }
  let open = xml.slice(c.start, c.openEnd + 1);
  if (c.selfClosing) open = open.replace(/\s*\/>$/, ">");
  open = /\scount="\d*"/.test(open) ? open.replace(/(\s)count="\d*"/, `$1count="${total}"`) : open.replace(/>$/, ` count="${total}">`);
  const inner = c.selfClosing ? "" : xml.slice(c.openEnd + 1, c.closeStart);
  return `${xml.slice(0, c.start)}${open}${inner}${body}</${prefix}${name}>${xml.slice(c.end)}`;
}

const attrNumber = (tag: string, attr: string): number | null => {
  const m = new RegExp(`\\s${attr}="(\\d+)"`).exec(tag);
  return m === null ? null : Number(m[1]);
};
const setAttr = (element: string, attr: string, value: number): string => {
  const re = new RegExp(`(\\s)${attr}="\\d*"`);
  if (re.test(element)) return element.replace(re, `$1${attr}="${value}"`);
  return element.replace(/^(<[^\s/>]+)/, `$1 ${attr}="${value}"`);
};

/**
 * The input's styles.xml with the report's number formats, fonts, fills, borders, cell formats and
 * differential formats appended; custom number formats (ids 164 and up) get free ids (or the id
 * of an identical format already there). Returns the new XML and the report's xf → new xf and
 * dxf → new dxf index maps.
 */
export function mergeStyles(inputXml: string, reportXml: string): { xml: string; xfMap: number[]; dxfMap: number[] } {
  const p = rootPrefix(inputXml);
  const rp = rootPrefix(reportXml);
  // Elements moved into a document whose main namespace has a prefix carry a default xmlns.
  const adopt = (element: string): string => {
    let e = rp === "" ? element : element.replace(new RegExp(`(</?)${rp.replace(":", "\\:")}`, "g"), "$1");
    if (p !== "") e = e.replace(/^(<[^\s/>]+)/, `$1 xmlns="${NS_MAIN}"`);
    return e;
  };
  const count = (name: string, child: string): number => children(inputXml, p, name, child).length;

  // Number formats.
  const inputFmts = children(inputXml, p, "numFmts", "numFmt").map((e) => ({ id: attrNumber(e, "numFmtId") ?? 0, code: /\sformatCode="([^"]*)"/.exec(e)?.[1] ?? "" }));
  const byCode = new Map(inputFmts.map((f) => [f.code, f.id]));
  let nextId = Math.max(163, ...inputFmts.map((f) => f.id)) + 1;
  const fmtMap = new Map<number, number>();
  const addedFmts: string[] = [];
  for (const e of children(reportXml, rp, "numFmts", "numFmt")) {
    const id = attrNumber(e, "numFmtId") ?? 0;
    const code = /\sformatCode="([^"]*)"/.exec(e)?.[1] ?? "";
    if (id < 164) continue;
    const existing = byCode.get(code);
    if (existing !== undefined) fmtMap.set(id, existing);
    else {
      fmtMap.set(id, nextId);
      byCode.set(code, nextId);
      addedFmts.push(adopt(setAttr(e, "numFmtId", nextId)));
      nextId++;
    }
  }
  const mapFmt = (id: number): number => (id >= 164 ? (fmtMap.get(id) ?? 0) : id);

  const fontBase = count("fonts", "font");
  const fillBase = count("fills", "fill");
  const borderBase = count("borders", "border");
  const xfBase = count("cellXfs", "xf");
  const dxfBase = count("dxfs", "dxf");
  const fonts = children(reportXml, rp, "fonts", "font");
  const fills = children(reportXml, rp, "fills", "fill");
  const borders = children(reportXml, rp, "borders", "border");
  const xfs = children(reportXml, rp, "cellXfs", "xf");
  const dxfs = children(reportXml, rp, "dxfs", "dxf");

  // The report's cell formats, pointing at the appended fonts, fills, borders and formats. Its
  // format 0 (no style) maps to the input's format 0, so unstyled cells look like the workbook's.
  const xfMap: number[] = [0];
  const addedXfs: string[] = [];
  xfs.slice(1).forEach((xf, i) => {
    const start = xf.slice(0, tagEnd(xf, 0) + 1);
    let tag = start;
    tag = setAttr(tag, "numFmtId", mapFmt(attrNumber(tag, "numFmtId") ?? 0));
    tag = setAttr(tag, "fontId", fontBase + (attrNumber(tag, "fontId") ?? 0));
    tag = setAttr(tag, "fillId", fillBase + (attrNumber(tag, "fillId") ?? 0));
    tag = setAttr(tag, "borderId", borderBase + (attrNumber(tag, "borderId") ?? 0));
    tag = setAttr(tag, "xfId", 0);
    addedXfs.push(adopt(tag + xf.slice(start.length)));
    xfMap.push(xfBase + i);
  });
  const dxfMap = dxfs.map((_d, i) => dxfBase + i);
  const adoptedDxfs = dxfs.map((d) => adopt(d.replace(/(<(?:\w+:)?numFmt\b[^>]*\snumFmtId=")(\d+)"/g, (_m, head: string, id: string) => `${head}${mapFmt(Number(id))}"`)));

  let xml = inputXml;
  xml = appendChildren(xml, p, "numFmts", addedFmts, inputFmts.length + addedFmts.length);
  xml = appendChildren(xml, p, "fonts", fonts.map(adopt), fontBase + fonts.length);
  xml = appendChildren(xml, p, "fills", fills.map(adopt), fillBase + fills.length);
  xml = appendChildren(xml, p, "borders", borders.map(adopt), borderBase + borders.length);
  xml = appendChildren(xml, p, "cellXfs", addedXfs, xfBase + addedXfs.length);
  xml = appendChildren(xml, p, "dxfs", adoptedDxfs, dxfBase + dxfs.length);
  return { xml, xfMap, dxfMap };
}

// ---------------------------------------------------------------------------------------------
// Package parts: names, relationships, content types, workbook.xml

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** `${stem}${ext}` if no entry has that name, else `${stem}${n}${ext}` with the first free n ≥ 1 (case-insensitive). */
function freePartName(taken: (part: string) => boolean, stem: string, ext: string, numbered = false): string {
  if (!numbered && !taken(`${stem}${ext}`)) return `${stem}${ext}`;
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n}${ext}`;
    if (!taken(candidate)) return candidate;
  }
}

/** A target relative to the folder of the part owning the relationship. */
function relativeTarget(ownerPart: string, part: string): string {
  const folder = folderOf(ownerPart);
  return part.startsWith(folder) ? part.slice(folder.length) : `/${part}`;
}

/** The Type URI an existing relationship of that kind uses (strict or transitional), else `fallback`. */
function relTypeLike(relsXml: string, kind: string, fallback: string): string {
  for (const rel of findTags(relsXml, `${rootPrefix(relsXml)}Relationship`)) {
    const type = rel.attrs.get("Type") ?? "";
    if (type.endsWith(`/${kind}`)) return type;
  }
  return fallback;
}

function addRelationship(relsXml: string, type: string, target: string): { xml: string; id: string } {
  const source =
    relsXml.trim() === ""
      ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
      : relsXml;
  const p = rootPrefix(source);
  const ids = new Set(findTags(source, `${p}Relationship`).map((r) => r.attrs.get("Id") ?? ""));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const element = `<${p}Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  return { xml: insertBeforeClose(source, `${p}Relationships`, element), id };
}

function addOverride(contentTypes: string, part: string, contentType: string): string {
  const p = rootPrefix(contentTypes);
  const element = `<${p}Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
  return insertBeforeClose(contentTypes, `${p}Types`, element);
}

/** Inserts `element` as the last child of the element named `name` (expanding `<name/>`). */
function insertBeforeClose(xml: string, name: string, element: string): string {
  const close = `</${name}>`;
  const at = xml.lastIndexOf(close);
  if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
  const tag = findTags(xml, name)[0];
  if (tag === undefined) throw new Error(`the workbook package has no <${name}> element`);
  const open = xml.slice(tag.start, tag.end + 1).replace(/\s*\/>$/, ">");
  return `${xml.slice(0, tag.start)}${open}${element}${close}${xml.slice(tag.end + 1)}`;
}

/**
 * workbook.xml with a <sheet> for the report after the last one (sheetId one above the largest;
 * definedNames' localSheetId indexes stay valid) and the first workbook view opening on it.
 */
function addSheetEntry(workbookXml: string, name: string, rId: string): string {
  const p = rootPrefix(workbookXml);
  const sheets = findTags(workbookXml, `${p}sheet`);
  const sheetId = Math.max(0, ...sheets.map((s) => Number(s.attrs.get("sheetId") ?? 0) || 0)) + 1;
  // The prefix bound to the relationships namespace on the root element, else a local declaration.
  let relAttr = `r:id="${rId}" xmlns:r="${REL_NS[0]}"`;
  const rootStart = workbookXml.indexOf(`<${p}workbook`);
  const root = workbookXml.slice(rootStart, tagEnd(workbookXml, rootStart) + 1);
  for (const ns of REL_NS) {
    const m = new RegExp(`\\sxmlns:([\\w.-]+)="${ns.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"`).exec(root);
    if (m !== null) {
      relAttr = `${m[1]}:id="${rId}"`;
      break;
    }
  }
  return insertBeforeClose(workbookXml, `${p}sheets`, `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${relAttr}/>`);
}

/**
 * The report's dates written in a 1904-system workbook's own system (ECMA-376 Part 1, 18.17.4.1:
 * serial 0 is 1904-01-01, 1,462 days after the 1900 system's): date-formatted numbers move back
 * 1,462 days, so Excel shows the same dates. A date before 1904, which that system cannot show,
 * becomes its ISO text.
 */
export function inDateSystem1904(sheet: SheetDescription): SheetDescription {
  return {
    ...sheet,
    cells: sheet.cells.map((cell) => {
      if (cell.format !== "date" || typeof cell.value !== "number" || cell.formula !== undefined) return cell;
      const shifted = cell.value - 1462;
      if (shifted >= 0) return { ...cell, value: shifted };
      const iso = new Date(Date.UTC(1899, 11, 30) + Math.round(cell.value * 86400000)).toISOString().slice(0, 10);
      return { ...cell, value: iso, format: undefined };
    }),
  };
}
