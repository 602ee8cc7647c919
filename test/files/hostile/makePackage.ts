/**
 * Small .xlsx packages written at test time (fflate's zipSync), to reach what no spreadsheet
 * program writes: damaged entries, bombs, references past Excel's limits, odd part names.
 */
import { zipSync, strToU8, type Zippable } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface PackageOptions {
  /** Extra attributes or elements inside <workbook> (e.g. `<workbookPr date1904="1"/>`). */
  workbookPr?: string;
  sharedStrings?: string | Uint8Array;
  /** Entry names, when a tool spells them its own way. */
  names?: Partial<{ workbook: string; sheet: string; sharedStrings: string }>;
  /** Store entries instead of deflating them (so a flipped byte is a flipped byte of XML). */
  store?: boolean;
}

export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
}

/** A one-sheet workbook ("Claims") around the given worksheet XML (text or bytes). */
export function makePackage(sheet: string | Uint8Array, options: PackageOptions = {}): Buffer {
  const wbName = options.names?.workbook ?? "xl/workbook.xml";
  const sheetName = options.names?.sheet ?? "xl/worksheets/sheet1.xml";
  const sstName = options.names?.sharedStrings ?? "xl/sharedStrings.xml";
  const level = options.store === true ? 0 : 9;
  const files: Zippable = {
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    "_rels/.rels": strToU8(`<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    [wbName]: strToU8(`<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.workbookPr ?? ""}<sheets><sheet name="Claims" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    [sheetName]: typeof sheet === "string" ? strToU8(sheet) : sheet,
  };
  if (options.sharedStrings !== undefined) {
    files[sstName] = typeof options.sharedStrings === "string" ? strToU8(options.sharedStrings) : options.sharedStrings;
  }
  return Buffer.from(zipSync(files, { level }));
}
