/**
 * Fast .xlsx reading: the package is opened with JSZip, each part is inflated with Node's zlib
 * (several times faster than JSZip's own inflater) in chunks of about 1 MB, and the XML is scanned
 * by hand (indexOf / charCodeAt, no DOM, no XML library). A sheet's XML is never held whole: only
 * the rows of the current chunk, so sheets up to Excel's 1,048,576 rows stay within V8's string
 * limit. Values come out as the core reads them: numbers (dates stay Excel serials), text,
 * booleans, errors as `{ error: "#N/A" }`, a formula's cached value (none → null).
 */
import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { StringDecoder } from "node:string_decoder";
import JSZip from "jszip";
import type { CellValue } from "../core/cells/cellValue";

/** One sheet as a grid of cell values: grid[0] is the sheet's row 1, grid[r][0] its column A. */
export interface SheetGrid {
  name: string;
  grid: CellValue[][];
}

export interface ReadXlsxOptions {
  /** Called with the number of rows read so far, every `progressEvery` rows (default 20,000). */
  onProgress?: (rows: number) => void;
  progressEvery?: number;
}

/** An .xlsx file's path, or its bytes. */
export type XlsxSource = string | Uint8Array | ArrayBuffer;

// ---------------------------------------------------------------------------------------------
// Package helpers (shared with xlsxInject.ts)

/** Opens an .xlsx package (a path or its bytes) with JSZip. */
export async function openXlsxPackage(source: XlsxSource): Promise<JSZip> {
  const bytes = typeof source === "string" ? await fs.promises.readFile(source) : source;
  return JSZip.loadAsync(bytes);
}

interface CompressedEntry {
  compressedContent: Uint8Array;
  compression: { magic: string };
  uncompressedSize: number;
}

/** JSZip's compressed bytes of an entry loaded from a file and not modified since, else null. */
function compressedEntry(file: JSZip.JSZipObject): CompressedEntry | null {
  const data = (file as unknown as { _data?: Partial<CompressedEntry> })._data;
  if (data === undefined || data === null || !(data.compressedContent instanceof Uint8Array)) return null;
  if (data.compression === undefined || data.compression === null || typeof data.compression.magic !== "string") return null;
  return data as CompressedEntry;
}

const DEFLATE = "\x08\x00";
const STORE = "\x00\x00";
const CHUNK = 1 << 20;

/**
 * Feeds the text of a package part to `onText` chunk by chunk (UTF-8 decoded, never splitting a
 * character). Returns false when the part does not exist.
 */
export async function forEachTextChunk(zip: JSZip, partPath: string, onText: (text: string) => void): Promise<boolean> {
  const file = zip.file(partPath);
  if (file === null) return false;
  const decoder = new StringDecoder("utf8");
  const raw = compressedEntry(file);
  if (raw !== null && raw.compression.magic === STORE) {
    const bytes = Buffer.from(raw.compressedContent.buffer, raw.compressedContent.byteOffset, raw.compressedContent.byteLength);
    for (let at = 0; at < bytes.length; at += CHUNK) onText(decoder.write(bytes.subarray(at, at + CHUNK)));
  } else if (raw !== null && raw.compression.magic === DEFLATE) {
    const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
    inflater.end(raw.compressedContent);
    for await (const chunk of inflater as AsyncIterable<Buffer>) onText(decoder.write(chunk));
  } else {
    // Not a plain stored/deflated entry JSZip loaded: let JSZip inflate it.
    await new Promise<void>((resolve, reject) => {
      file
        .nodeStream("nodebuffer")
        .on("data", (chunk: Buffer) => onText(decoder.write(chunk)))
        .on("error", reject)
        .on("end", () => resolve());
    });
  }
  const rest = decoder.end();
  if (rest.length > 0) onText(rest);
  return true;
}

/** The whole text of a (small) package part, or null when it does not exist. */
export async function readPartText(zip: JSZip, partPath: string): Promise<string | null> {
  const file = zip.file(partPath);
  if (file === null) return null;
  const raw = compressedEntry(file);
  if (raw !== null && raw.compression.magic === DEFLATE) {
    return (await inflateRaw(raw.compressedContent)).toString("utf8");
  }
  if (raw !== null && raw.compression.magic === STORE) return Buffer.from(raw.compressedContent).toString("utf8");
  return file.async("string");
}

function inflateRaw(bytes: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => zlib.inflateRaw(bytes, (err, out) => (err ? reject(err) : resolve(out))));
}

/** Resolves a relationship target against the folder of the part that owns the relationships. */
export function resolvePartPath(ownerPart: string, target: string): string {
  const clean = target.split("#")[0];
  const base = clean.startsWith("/") ? [] : ownerPart.split("/").slice(0, -1);
  for (const seg of clean.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

// ---------------------------------------------------------------------------------------------
// XML helpers

/** Index of the `>` closing the tag that starts at `start` (quotes in attribute values are skipped). */
export function tagEnd(s: string, start: number): number {
  let quote = 0;
  for (let p = start; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return p;
  }
  return -1;
}

/** Attributes of the start tag s[start..end] (end = its `>`), values decoded. */
export function parseAttributes(s: string, start: number, end: number): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s=/<>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  re.lastIndex = start;
  const tag = s.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) attrs.set(m[1], decodeXmlText(m[3] ?? m[4] ?? ""));
  return attrs;
}

/** Every start (or empty) tag named `name` (with the given namespace prefix) in `s`: its attributes. */
export function findTags(s: string, name: string, from = 0, to = s.length): { start: number; end: number; attrs: Map<string, string> }[] {
  const out: { start: number; end: number; attrs: Map<string, string> }[] = [];
  const open = `<${name}`;
  let i = from;
  for (;;) {
    i = s.indexOf(open, i);
    if (i < 0 || i >= to) break;
    if (!isNameEnd(s.charCodeAt(i + open.length))) {
      i += open.length;
      continue;
    }
    const end = tagEnd(s, i);
    if (end < 0) break;
    out.push({ start: i, end, attrs: parseAttributes(s, i + open.length, end) });
    i = end + 1;
  }
  return out;
}

/** The namespace prefix of the document's root element ("" or "x:"). */
export function rootPrefix(s: string): string {
  let i = 0;
  for (;;) {
    i = s.indexOf("<", i);
    if (i < 0) return "";
    const c = s.charCodeAt(i + 1);
    if (c !== 63 /* ? */ && c !== 33 /* ! */) break;
    i++;
  }
  let p = i + 1;
  while (p < s.length && !isNameEnd(s.charCodeAt(p))) p++;
  const name = s.slice(i + 1, p);
  const colon = name.indexOf(":");
  return colon < 0 ? "" : name.slice(0, colon + 1);
}

/** True for the characters that may follow an element name: whitespace, `>` or `/`. */
function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function entity(_m: string, body: string): string {
  if (body.charCodeAt(0) === 35 /* # */) {
    const code = body.charCodeAt(1) === 120 /* x */ ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  }
  return NAMED[body];
}

/** XML text or attribute value → text: entities decoded, line ends normalised as XML does. */
export function decodeXmlText(raw: string): string {
  let t = raw;
  if (t.indexOf("\r") >= 0) t = t.replace(/\r\n?/g, "\n");
  if (t.indexOf("&") >= 0) t = t.replace(ENTITY, entity);
  return t;
}

/** Cell text as Excel stores it → text: XML entities, then Excel's `_xHHHH_` escapes (`_x000D_`). */
export function decodeCellText(raw: string): string {
  let t = decodeXmlText(raw);
  if (t.indexOf("_x") >= 0) t = t.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return t;
}

/** XML-escapes text for an attribute value or element text. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);
}

// ---------------------------------------------------------------------------------------------
// Chunked scanning: each chunk's complete elements are scanned, the incomplete tail is kept.

abstract class ChunkedScanner {
  private pending = "";
  private started = false;
  protected prefix = "";
  /** The element whose start marks a safe cut ("row", "si"). */
  protected abstract readonly element: string;
  private marker = "";

  feed(text: string): void {
    let s = this.pending.length === 0 ? text : this.pending + text;
    if (!this.started) {
      const root = s.indexOf("<", s.indexOf("?>") + 1);
      if (root < 0 || tagEnd(s, root) < 0) {
        this.pending = s;
        return;
      }
      this.started = true;
      this.prefix = rootPrefix(s);
      this.marker = `<${this.prefix}${this.element}`;
      this.begin();
    }
    const cut = s.lastIndexOf(this.marker);
    if (cut <= 0) {
      this.pending = s;
      return;
    }
    this.scan(s, cut);
    s = s.slice(cut);
    this.pending = s;
  }

  finish(): void {
    if (!this.started) {
      this.started = true;
      this.prefix = rootPrefix(this.pending);
      this.begin();
    }
    this.scan(this.pending, this.pending.length);
    this.pending = "";
  }

  protected abstract begin(): void;
  /** Scans the complete elements of s[0..end). */
  protected abstract scan(s: string, end: number): void;
}

/**
 * Text of the `<t>` runs of an `<si>` or `<is>` in s[from..to) (phonetic `<rPh>` runs left out),
 * or null when there is none. Searches go tag by tag ("<" to "<"), so they never run past `to`.
 */
function runsText(s: string, from: number, to: number, prefix: string): string | null {
  const tOpen = `<${prefix}t`;
  const tClose = `</${prefix}t>`;
  const rPh = `<${prefix}rPh`;
  const rPhClose = `</${prefix}rPh>`;
  let text: string | null = null;
  let i = from;
  for (;;) {
    i = s.indexOf("<", i);
    if (i < 0 || i >= to) break;
    if (s.startsWith(rPh, i) && isNameEnd(s.charCodeAt(i + rPh.length))) {
      const phEnd = s.indexOf(rPhClose, i);
      if (phEnd < 0 || phEnd >= to) break;
      i = phEnd + rPhClose.length;
      continue;
    }
    if (!s.startsWith(tOpen, i) || !isNameEnd(s.charCodeAt(i + tOpen.length))) {
      i++;
      continue;
    }
    const end = s.indexOf(">", i);
    if (s.charCodeAt(end - 1) === 47) {
      // <t/>: empty text
      text = text ?? "";
      i = end + 1;
      continue;
    }
    let close = s.indexOf(tClose, end);
    if (close < 0 || close > to) close = to;
    const part = decodeCellText(s.slice(end + 1, close));
    text = text === null ? part : text + part;
    i = close + tClose.length;
  }
  return text;
}

class SharedStringsScanner extends ChunkedScanner {
  protected readonly element = "si";
  readonly strings: string[] = [];
  private siOpen = "";
  private siClose = "";

  protected begin(): void {
    this.siOpen = `<${this.prefix}si`;
    this.siClose = `</${this.prefix}si>`;
  }

  protected scan(s: string, end: number): void {
    const { siOpen, siClose, prefix, strings } = this;
    let i = 0;
    for (;;) {
      i = s.indexOf(siOpen, i);
      if (i < 0 || i >= end) return;
      if (!isNameEnd(s.charCodeAt(i + siOpen.length))) {
        i += siOpen.length;
        continue;
      }
      const open = s.indexOf(">", i);
      if (s.charCodeAt(open - 1) === 47) {
        strings.push("");
        i = open + 1;
        continue;
      }
      let close = s.indexOf(siClose, open);
      if (close < 0 || close > end) close = end;
      strings.push(runsText(s, open + 1, close, prefix) ?? "");
      i = close + siClose.length;
    }
  }
}

/** `t` attribute of a cell. */
const CellType = { Number: 0, Shared: 1, Str: 2, Inline: 3, Bool: 4, Error: 5, Date: 6 } as const;
type CellType = (typeof CellType)[keyof typeof CellType];

/** ISO date (t="d") → a Date in UTC (midnight for a date alone); unreadable text stays text. */
function isoDate(text: string): CellValue {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/.exec(text);
  if (m === null) return text;
  const ms = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms));
  if (m[1] < "0100") d.setUTCFullYear(Number(m[1]));
  return d;
}

class WorksheetScanner extends ChunkedScanner {
  protected readonly element = "row";
  readonly grid: CellValue[][] = [];
  rows = 0;
  private lastRow = 0;
  private rowOpen = "<row";
  private rowClose = "</row>";
  private cOpen = "<c";
  private cClose = "</c>";
  private vOpen = "<v";
  private vClose = "</v>";
  private isOpen = "<is";
  private isClose = "</is>";
  /** The value read by readCell. */
  private value: CellValue = null;

  constructor(
    private readonly strings: readonly string[],
    private readonly onRow: () => void,
  ) {
    super();
  }

  protected begin(): void {
    const p = this.prefix;
    this.rowOpen = `<${p}row`;
    this.rowClose = `</${p}row>`;
    this.cOpen = `<${p}c`;
    this.cClose = `</${p}c>`;
    this.vOpen = `<${p}v`;
    this.vClose = `</${p}v>`;
    this.isOpen = `<${p}is`;
    this.isClose = `</${p}is>`;
  }

  protected scan(s: string, end: number): void {
    const { rowOpen } = this;
    const openLen = rowOpen.length;
    let i = 0;
    for (;;) {
      i = s.indexOf(rowOpen, i);
      if (i < 0 || i >= end) return;
      if (!isNameEnd(s.charCodeAt(i + openLen))) {
        i += openLen; // <rowBreaks> and the like
        continue;
      }
      const te = s.indexOf(">", i);
      let rowNumber = attrNumber(s, i + openLen, te, 114 /* r */);
      if (rowNumber <= 0) rowNumber = this.lastRow + 1;
      this.lastRow = rowNumber;
      this.rows++;
      this.onRow();
      const row = this.rowAt(rowNumber - 1);
      i = s.charCodeAt(te - 1) === 47 ? te + 1 : this.scanRow(s, te + 1, end, row);
    }
  }

  private rowAt(index: number): CellValue[] {
    const grid = this.grid;
    let row = grid[index];
    if (row === undefined) {
      while (grid.length < index) grid.push([]);
      row = [];
      grid[index] = row;
    }
    return row;
  }

  /** Reads the cells of a row from just after its start tag; returns the index after `</row>`. */
  private scanRow(s: string, from: number, end: number, row: CellValue[]): number {
    const { cOpen, rowClose } = this;
    const openLen = cOpen.length;
    let col = 0;
    let i = from;
    for (;;) {
      i = s.indexOf("<", i);
      if (i < 0 || i >= end) return end;
      if (!s.startsWith(cOpen, i) || !isNameEnd(s.charCodeAt(i + openLen))) {
        if (s.startsWith(rowClose, i)) return i + rowClose.length;
        i++; // <extLst> or another element that is not a cell
        continue;
      }
      const te = s.indexOf(">", i);
      // Attributes: r (reference: its letters give the column) and t (type).
      let type: CellType = CellType.Number;
      let refCol = 0;
      for (let p = i + openLen; p < te; p++) {
        if (s.charCodeAt(p) === 61 /* = */ && isSpace(s.charCodeAt(p - 2))) {
          const name = s.charCodeAt(p - 1);
          if (name === 114 /* r */) {
            let q = p + 2;
            for (;; q++) {
              let k = s.charCodeAt(q);
              if (k >= 97 && k <= 122) k -= 32;
              if (k < 65 || k > 90) break;
              refCol = refCol * 26 + (k - 64);
            }
            p = q;
          } else if (name === 116 /* t */) {
            type = cellType(s, p + 2);
            p += 2;
          }
        }
      }
      col = refCol > 0 ? refCol : col + 1;
      if (s.charCodeAt(te - 1) === 47) {
        i = te + 1; // <c r="B2" s="3"/>: no value
        continue;
      }
      i = this.readCell(s, te + 1, end, type);
      const value = this.value;
      if (value !== null) {
        const index = col - 1;
        if (index === row.length) row.push(value);
        else if (index > row.length) {
          while (row.length < index) row.push(null);
          row.push(value);
        } else row[index] = value;
      }
    }
  }

  /**
   * Reads a cell's content from just after its start tag: the <v> element (the value, or a
   * formula's cached value) or an inline string's <is>, into this.value; returns the index after `</c>`.
   */
  private readCell(s: string, from: number, end: number, type: CellType): number {
    const { vOpen, isOpen, cClose } = this;
    this.value = null;
    let i = from;
    for (;;) {
      i = s.indexOf("<", i);
      if (i < 0 || i >= end) return end;
      if (s.startsWith(cClose, i)) return i + cClose.length;
      if (s.startsWith(vOpen, i)) {
        const next = s.charCodeAt(i + vOpen.length);
        if (next === 47) {
          i += vOpen.length; // <v/>
          continue;
        }
        if (next === 62 || isSpace(next)) {
          const vStart = s.indexOf(">", i) + 1;
          let vEnd = s.indexOf(this.vClose, vStart);
          if (vEnd < 0 || vEnd > end) vEnd = end;
          if (!(type === CellType.Inline && this.value !== null)) this.value = this.typedValue(s, vStart, vEnd, type);
          i = vEnd + this.vClose.length;
          continue;
        }
      } else if (type === CellType.Inline && s.startsWith(isOpen, i) && isNameEnd(s.charCodeAt(i + isOpen.length))) {
        let isEnd = s.indexOf(this.isClose, i);
        if (isEnd < 0 || isEnd > end) isEnd = end;
        this.value = runsText(s, i, isEnd, this.prefix);
        i = isEnd;
        continue;
      }
      i++;
    }
  }

  private typedValue(s: string, vStart: number, vEnd: number, type: CellType): CellValue {
    switch (type) {
      case CellType.Shared: {
        let n = 0;
        let digits = 0;
        for (let p = vStart; p < vEnd; p++) {
          const c = s.charCodeAt(p);
          if (c >= 48 && c <= 57) {
            n = n * 10 + (c - 48);
            digits++;
          } else if (!isSpace(c)) return null;
        }
        const text = digits > 0 ? this.strings[n] : undefined;
        return text === undefined ? null : text;
      }
      case CellType.Number: {
        if (vEnd === vStart) return null;
        const n = parseNumber(s, vStart, vEnd);
        return Number.isNaN(n) ? decodeXmlText(s.slice(vStart, vEnd)) : n;
      }
      case CellType.Str:
      case CellType.Inline:
        return decodeCellText(s.slice(vStart, vEnd));
      case CellType.Bool: {
        const t = s.slice(vStart, vEnd).trim();
        return t === "1" || t.toLowerCase() === "true";
      }
      case CellType.Error:
        return { error: decodeXmlText(s.slice(vStart, vEnd)).trim() };
      case CellType.Date:
        return isoDate(decodeXmlText(s.slice(vStart, vEnd)));
    }
    return null;
  }
}

/** A numeric attribute (1-letter name) of a tag in s[from..to), or -1. */
function attrNumber(s: string, from: number, to: number, nameCode: number): number {
  for (let p = from; p < to; p++) {
    if (s.charCodeAt(p) === nameCode && s.charCodeAt(p + 1) === 61 /* = */ && isSpace(s.charCodeAt(p - 1))) {
      let n = 0;
      for (let q = p + 3; q < to; q++) {
        const c = s.charCodeAt(q);
        if (c < 48 || c > 57) break;
        n = n * 10 + (c - 48);
      }
      return n;
    }
  }
  return -1;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The number written in s[a..b). Plain decimals of up to 15 digits are computed as
 * integer ÷ 10^k: both exact in binary, so the division's correctly rounded result is the very
 * double `Number()` would give; anything else (exponents, long mantissas, spaces) goes to Number().
 */
function parseNumber(s: string, a: number, b: number): number {
  let p = a;
  let negative = false;
  if (s.charCodeAt(p) === 45 /* - */) {
    negative = true;
    p++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; p < b; p++) {
    const c = s.charCodeAt(p);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 /* . */ && decimals < 0) decimals = 0;
    else return Number(s.slice(a, b));
  }
  if (digits === 0 || digits > 15) return Number(s.slice(a, b));
  const n = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return negative ? -n : n;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The cell type named by the attribute value starting at p (just after its quote). */
function cellType(s: string, p: number): CellType {
  const c = s.charCodeAt(p);
  const next = s.charCodeAt(p + 1);
  const one = next === 34 || next === 39; // a one-letter value
  switch (c) {
    case 115 /* s */:
      return one ? CellType.Shared : CellType.Str;
    case 105 /* i */:
      return CellType.Inline;
    case 98 /* b */:
      return CellType.Bool;
    case 101 /* e */:
      return CellType.Error;
    case 100 /* d */:
      return CellType.Date;
    default:
      return CellType.Number;
  }
}

// ---------------------------------------------------------------------------------------------
// The workbook

export interface WorkbookSheetEntry {
  name: string;
  /** Relationship id in workbook.xml (r:id). */
  rId: string;
  /** Part path inside the package ("xl/worksheets/sheet1.xml"), or null if the relationship is missing. */
  part: string | null;
  /** Relationship type's last segment: "worksheet", "chartsheet", "dialogsheet", "xlMacrosheet"… */
  kind: string;
}

export interface WorkbookParts {
  workbookPart: string;
  workbookXml: string;
  relsPart: string;
  relsXml: string;
  sheets: WorkbookSheetEntry[];
  /** Relationship targets by type's last segment ("sharedStrings", "styles"), resolved. */
  partsByType: Map<string, string>;
}

/** The workbook part (from _rels/.rels), its sheets in tab order and their parts. */
export async function readWorkbookParts(zip: JSZip): Promise<WorkbookParts> {
  let workbookPart = "xl/workbook.xml";
  const rootRels = await readPartText(zip, "_rels/.rels");
  if (rootRels !== null) {
    for (const rel of findTags(rootRels, `${rootPrefix(rootRels)}Relationship`)) {
      if ((rel.attrs.get("Type") ?? "").endsWith("/officeDocument") && rel.attrs.get("TargetMode") !== "External") {
        workbookPart = resolvePartPath("", rel.attrs.get("Target") ?? workbookPart);
        break;
      }
    }
  }
  const workbookXml = await readPartText(zip, workbookPart);
  if (workbookXml === null) throw new Error("not an Excel workbook (no workbook part in the package)");
  const relsPart = relsPathOf(workbookPart);
  const relsXml = (await readPartText(zip, relsPart)) ?? "";
  const targets = new Map<string, { part: string; kind: string }>();
  const partsByType = new Map<string, string>();
  for (const rel of findTags(relsXml, `${rootPrefix(relsXml)}Relationship`)) {
    if (rel.attrs.get("TargetMode") === "External") continue;
    const type = rel.attrs.get("Type") ?? "";
    const kind = type.slice(type.lastIndexOf("/") + 1);
    const part = resolvePartPath(workbookPart, rel.attrs.get("Target") ?? "");
    targets.set(rel.attrs.get("Id") ?? "", { part, kind });
    if (!partsByType.has(kind)) partsByType.set(kind, part);
  }
  const sheets: WorkbookSheetEntry[] = [];
  for (const tag of findTags(workbookXml, `${rootPrefix(workbookXml)}sheet`)) {
    let rId = "";
    for (const [key, value] of tag.attrs) if (key.endsWith(":id")) rId = value;
    const target = targets.get(rId);
    sheets.push({ name: tag.attrs.get("name") ?? `Sheet${sheets.length + 1}`, rId, part: target?.part ?? null, kind: target?.kind ?? "" });
  }
  return { workbookPart, workbookXml, relsPart, relsXml, sheets, partsByType };
}

/**
 * Every worksheet of an .xlsx/.xlsm (a path or its bytes), in tab order, as grids of plain values.
 * Chart sheets, dialog sheets and macro sheets are skipped.
 */
export async function readXlsxGrids(source: XlsxSource, options: ReadXlsxOptions = {}): Promise<SheetGrid[]> {
  const zip = await openXlsxPackage(source);
  const wb = await readWorkbookParts(zip);
  const sst = new SharedStringsScanner();
  const sstPart = wb.partsByType.get("sharedStrings") ?? (zip.file("xl/sharedStrings.xml") !== null ? "xl/sharedStrings.xml" : null);
  if (sstPart !== null && (await forEachTextChunk(zip, sstPart, (t) => sst.feed(t)))) sst.finish();

  const every = options.progressEvery ?? 20000;
  const onProgress = options.onProgress;
  let rowsSeen = 0;
  const onRow =
    onProgress === undefined
      ? (): void => undefined
      : (): void => {
          rowsSeen++;
          if (rowsSeen % every === 0) onProgress(rowsSeen);
        };
  const out: SheetGrid[] = [];
  for (const sheet of wb.sheets) {
    if (sheet.kind !== "worksheet" || sheet.part === null) continue;
    const scanner = new WorksheetScanner(sst.strings, onRow);
    if (!(await forEachTextChunk(zip, sheet.part, (t) => scanner.feed(t)))) continue;
    scanner.finish();
    out.push({ name: sheet.name, grid: scanner.grid });
  }
  return out;
}
