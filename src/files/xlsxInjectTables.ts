/**
 * The report's Excel tables carried into the user's package (issue 14: a `tablePart` without its
 * relationship and table part made a corrupt file). Each table part ExcelJS wrote for the report
 * is added under a free name, with an id and a name unique in the workbook (ECMA-376 Part 1,
 * 18.5.1.2: a table's id and name are unique across the workbook), its content type, and the
 * report sheet's relationships part pointing at it under the r:id the sheet XML already uses.
 */
import { escapeXml, findTags, readPartText, relsPathOf, resolvePartPath, rootPrefix } from "./xlsxReader";
import { partKey, type ZipPackage } from "./zipPackage";

export const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const REL_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";

/** A table part of the rendered report: the r:id the report's sheet XML uses, and its XML. */
export interface ReportTable {
  rId: string;
  xml: string;
}

/** The report's tables, read from the package ExcelJS rendered it into. */
export async function reportTables(report: ZipPackage, sheetPart: string): Promise<ReportTable[]> {
  const rels = await readPartText(report, relsPathOf(sheetPart));
  if (rels === null) return [];
  const out: ReportTable[] = [];
  for (const rel of findTags(rels, `${rootPrefix(rels)}Relationship`)) {
    if (!(rel.attrs.get("Type") ?? "").endsWith("/table")) continue;
    const xml = await readPartText(report, resolvePartPath(sheetPart, rel.attrs.get("Target") ?? ""));
    if (xml !== null) out.push({ rId: rel.attrs.get("Id") ?? "", xml });
  }
  return out;
}

/** The ids and names (lower case) of the tables already in the user's package. */
export async function tablesInPackage(pkg: ZipPackage): Promise<{ ids: Set<number>; names: Set<string> }> {
  const ids = new Set<number>();
  const names = new Set<string>();
  for (const e of pkg.entries) {
    if (!/(^|\/)tables\/[^/]+\.xml$/.test(partKey(e.name))) continue;
    const xml = (await readPartText(pkg, e.name)) ?? "";
    const table = findTags(xml, `${rootPrefix(xml)}table`)[0];
    if (table === undefined) continue;
    ids.add(Number(table.attrs.get("id") ?? 0));
    for (const key of ["name", "displayName"]) names.add((table.attrs.get(key) ?? "").toLowerCase());
  }
  return { ids, names };
}

export interface PlacedTables {
  /** New parts: name → XML. */
  parts: Map<string, string>;
  /** The report sheet's relationships part and its XML. */
  sheetRels: { part: string; xml: string };
}

/**
 * Places the report's tables next to `sheetPart` in the user's package: `freeName(stem, ext)` gives
 * an unused part name (and reserves it). Returns the parts to add.
 */
export function placeTables(
  tables: readonly ReportTable[],
  sheetPart: string,
  existing: { ids: Set<number>; names: Set<string> },
  freeName: (stem: string, ext: string) => string,
): PlacedTables {
  const folder = sheetPart.slice(0, sheetPart.lastIndexOf("/") + 1).replace(/worksheets\/$/, "");
  const parts = new Map<string, string>();
  const rels: string[] = [];
  let nextId = Math.max(0, ...existing.ids) + 1;
  for (const t of tables) {
    const part = freeName(`${folder}tables/table`, ".xml");
    const id = nextId++;
    const prefix = rootPrefix(t.xml);
    const tag = findTags(t.xml, `${prefix}table`)[0];
    const wanted = tag?.attrs.get("name") ?? tag?.attrs.get("displayName") ?? "Table";
    let name = wanted;
    for (let n = 2; existing.names.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
    existing.names.add(name.toLowerCase());
    let xml = t.xml;
    if (tag !== undefined) {
      let head = t.xml.slice(tag.start, tag.end + 1);
      head = head.replace(/(\s)id="\d*"/, `$1id="${id}"`).replace(/(\s)name="[^"]*"/, `$1name="${escapeXml(name)}"`).replace(/(\s)displayName="[^"]*"/, `$1displayName="${escapeXml(name)}"`);
      xml = t.xml.slice(0, tag.start) + head + t.xml.slice(tag.end + 1);
    }
    parts.set(part, xml);
    rels.push(`<Relationship Id="${escapeXml(t.rId)}" Type="${REL_TABLE}" Target="../${part.slice(folder.length)}"/>`);
  }
  const relsXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
  return { parts, sheetRels: { part: relsPathOf(sheetPart), xml: relsXml } };
}
