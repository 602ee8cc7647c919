/**
 * Fast .xlsx reading: the package is opened by zipPackage.ts (CRC-32 and sizes checked), each part
 * is inflated with Node's zlib in chunks of about 1 MB, and the XML is scanned
 * by hand (no DOM, no XML library): worksheets as UTF-8 bytes (only text values are decoded),
 * the shared strings and small parts as text (indexOf / charCodeAt). A sheet's XML is never held
 * whole: only the rows of the current chunk, so sheets up to Excel's 1,048,576 rows stay within
 * memory and V8's string limit. Values come out as the core reads them: numbers (dates stay Excel serials), text,
 * booleans, errors as `{ error: "#N/A" }`, a formula's cached value (none → null).
 */
import { StringDecoder } from "node:string_decoder";
import { readZipPackage, UnreadableFileError, type ZipPackage } from "./zipPackage";
import { dateStyleIndexes } from "./dateStyles";
import type { CellValue } from "../core/cells/cellValue";

/** One sheet as a grid of cell values: grid[0] is the sheet's row 1, grid[r][0] its column A. */
export interface SheetGrid {
  name: string;
  grid: CellValue[][];
  /** What the reader changed or could not read and the manager should be told (text cut at 32,767). */
  notes?: string[];
  /**
   * The workbook counts dates from 1904-01-01 (workbookPr date1904). The reader has already moved
   * its date-formatted cells to the 1900 system (+1,462 days), as the core expects.
   */
  date1904?: boolean;
}

export interface ReadXlsxOptions {
  /** Called with the number of rows read so far, every `progressEvery` rows (default 20,000). */
  onProgress?: (rows: number) => void;
  progressEvery?: number;
  /** The file's name for messages (default: the path's base name, or "the workbook" for bytes). */
  label?: string;
}

/** An .xlsx file's path, or its bytes. */
export type XlsxSource = string | Uint8Array | ArrayBuffer;

// ---------------------------------------------------------------------------------------------
// Package helpers (shared with xlsxInject.ts)

/** Opens an .xlsx package (a path or its bytes): see zipPackage.ts for the checks. */
export async function openXlsxPackage(source: XlsxSource, label?: string): Promise<ZipPackage> {
  return readZipPackage(source, label);
}

/** A decoder for a part's bytes: UTF-16 when the part starts with a UTF-16 byte-order mark, else UTF-8. */
class PartDecoder {
  private decoder: StringDecoder | null = null;
  private swap = false;
  private first = true;

  write(chunk: Buffer): string {
    let bytes = chunk;
    if (this.decoder === null) {
      if (bytes[0] === 0xff && bytes[1] === 0xfe) this.decoder = new StringDecoder("utf16le");
      else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
        this.decoder = new StringDecoder("utf16le");
        this.swap = true;
      } else this.decoder = new StringDecoder("utf8");
    }
    if (this.swap) {
      bytes = Buffer.from(bytes); // big-endian UTF-16: swap each pair (chunks are even-sized)
      bytes.swap16();
    }
    let text = this.decoder.write(bytes);
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  }

  end(): string {
    return this.decoder?.end() ?? "";
  }
}

/**
 * Feeds the text of a package part to `onText` chunk by chunk (decoded, never splitting a
 * character). Returns false when the part does not exist. CRC-32 and sizes are checked.
 */
export async function forEachTextChunk(zip: ZipPackage, partPath: string, onText: (text: string) => void): Promise<boolean> {
  const decoder = new PartDecoder();
  const found = await zip.forEachChunk(partPath, (chunk) => {
    const text = decoder.write(chunk);
    if (text.length > 0) onText(text);
  });
  if (!found) return false;
  const rest = decoder.end();
  if (rest.length > 0) onText(rest);
  return true;
}

/** The whole text of a (small) package part, or null when it does not exist. */
export async function readPartText(zip: ZipPackage, partPath: string): Promise<string | null> {
  const bytes = await zip.readBytes(partPath);
  if (bytes === null) return null;
  const decoder = new PartDecoder();
  return decoder.write(bytes) + decoder.end();
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
  if (raw.indexOf("<![CDATA[") >= 0) {
    // CDATA sections are literal text; the text around them is decoded as usual.
    return raw.split(/<!\[CDATA\[([\s\S]*?)\]\]>/).map((piece, k) => (k % 2 === 1 ? piece : decodeXmlText(piece))).join("");
  }
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

/** Excel's limits (Microsoft's "Excel specifications and limits"): beyond them a file is not Excel's. */
export const EXCEL_LIMITS = { rows: 1048576, columns: 16384, cellTextCharacters: 32767 };

/**
 * XML held at once while waiting for the next row or string: past this the part is refused.
 * Counted in characters for the shared strings, in bytes for a worksheet (the same for ASCII XML).
 */
const MAX_PENDING_CHARACTERS = 64 * 1024 * 1024;

/**
 * Feeds a part's text chunk by chunk: the complete elements are scanned, the incomplete tail is
 * kept. Each chunk is searched once (a tail of a few characters catches a tag split between
 * chunks), so time is linear in the part's size; the tail held is bounded; after the container's
 * closing tag (</sheetData>, </sst>) the rest of the part is not kept.
 */
abstract class ChunkedScanner {
  private parts: string[] = [];
  private pendingLength = 0;
  private tail = "";
  private started = false;
  private done = false;
  protected prefix = "";
  /** The element whose start marks a safe cut ("row", "si"). */
  protected abstract readonly element: string;
  /** The element that holds them all ("sheetData", "sst"). */
  protected abstract readonly container: string;
  private marker = "";
  private endMarker = "";

  /** The message when the text held would pass the bound. */
  protected abstract tooLong(): string;

  feed(text: string): void {
    if (this.done) return;
    if (!this.started) {
      const s = this.parts.join("") + text;
      const root = s.indexOf("<", s.indexOf("?>") + 1);
      if (root < 0 || tagEnd(s, root) < 0) {
        this.hold([s], s.length, s);
        return;
      }
      this.started = true;
      this.prefix = rootPrefix(s);
      this.marker = `<${this.prefix}${this.element}`;
      this.endMarker = `</${this.prefix}${this.container}>`;
      this.begin();
      this.parts = [];
      this.pendingLength = 0;
      this.tail = "";
    }
    const probe = this.tail + text;
    const hasEnd = probe.indexOf(this.endMarker) >= 0;
    if (!hasEnd && probe.indexOf(this.marker) < 0) {
      this.parts.push(text);
      this.hold(this.parts, this.pendingLength + text.length, probe);
      return;
    }
    const s = flatText(this.parts, text);
    if (hasEnd) {
      this.scan(s, s.indexOf(this.endMarker));
      this.done = true;
      this.parts = [];
      return;
    }
    const cut = s.lastIndexOf(this.marker);
    if (cut <= 0) {
      this.hold([s], s.length, s);
      return;
    }
    this.scan(s, cut);
    const rest = s.slice(cut);
    this.hold([rest], rest.length, rest);
  }

  private hold(parts: string[], length: number, last: string): void {
    if (length > MAX_PENDING_CHARACTERS) throw new UnreadableFileError(this.tooLong());
    this.parts = parts;
    this.pendingLength = length;
    this.tail = last.slice(-32);
  }

  finish(): void {
    if (this.done) return;
    const s = this.parts.join("");
    this.parts = [];
    if (!this.started) {
      this.started = true;
      this.prefix = rootPrefix(s);
      this.begin();
    }
    this.scan(s, s.length);
    this.done = true;
  }

  protected abstract begin(): void;
  /** Scans the complete elements of s[0..end). */
  protected abstract scan(s: string, end: number): void;
}

/**
 * The held text and the new chunk as one flat string. `held + text` is a rope (V8's ConsString):
 * flattened on the first search, it is still read through the rope on every charCodeAt of the
 * scan; an array join writes one flat string. The 100,000-row register reads 10-15% faster.
 */
function flatText(parts: readonly string[], text: string): string {
  return parts.length === 0 ? text : [...parts, text].join("");
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
  protected readonly container = "sst";
  constructor(private readonly label: string) {
    super();
  }
  protected tooLong(): string {
    return `${this.label}: the shared strings hold more than ${MAX_PENDING_CHARACTERS.toLocaleString("en-US")} characters without a new string (a damaged or hostile file?)`;
  }
  readonly strings: string[] = [];
  private siOpen = "";
  private siClose = "";
  private tPlain = "";
  private tClose = "";

  protected begin(): void {
    this.siOpen = `<${this.prefix}si`;
    this.siClose = `</${this.prefix}si>`;
    this.tPlain = `<${this.prefix}t>`;
    this.tClose = `</${this.prefix}t>`;
  }

  /**
   * The usual string, `<si><t>text</t></si>` with no "&", carriage return or "_" in its text
   * (nothing to decode): pushed as it stands, returning the index after `</si>` (where the full
   * reading below would go on), or -1 for any other shape (read in full).
   */
  private plainString(s: string, i: number, end: number): number {
    const { siOpen, tPlain, tClose, siClose } = this;
    const open = i + siOpen.length;
    if (s.charCodeAt(open) !== 62 /* > */ || !s.startsWith(tPlain, open + 1)) return -1;
    const from = open + 1 + tPlain.length;
    let to = from;
    for (; to < end; to++) {
      const c = s.charCodeAt(to);
      if (c === 60 /* < */) break;
      if (c === 38 /* & */ || c === 13 /* \r */ || c === 95 /* _ */) return -1;
    }
    const closeAt = to + tClose.length;
    if (to >= end || closeAt > end || !s.startsWith(tClose, to) || !s.startsWith(siClose, closeAt)) return -1;
    this.strings.push(s.slice(from, to));
    return closeAt + siClose.length;
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
      const plainEnd = this.plainString(s, i, end);
      if (plainEnd >= 0) {
        i = plainEnd;
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

/**
 * ISO 8601 value of a t="d" cell → a Date in UTC (midnight for a date alone); a time alone
 * ("10:59:59.99") or a duration ("PT24H0M0.000S", written by Excel in Strict files) → the
 * fraction or number of days Excel would store as the cell's value; unreadable text stays text.
 */
function isoDate(text: string): CellValue {
  const time = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*$/.exec(text);
  if (time !== null) return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400;
  const duration = /^\s*(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?\s*$/.exec(text);
  if (duration !== null && /\d/.test(text)) {
    const days = Number(duration[2] ?? 0) + (Number(duration[3] ?? 0) * 3600 + Number(duration[4] ?? 0) * 60 + Number(duration[5] ?? 0)) / 86400;
    return duration[1] === "-" ? -days : days;
  }
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/.exec(text);
  if (m === null) return text;
  const ms = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms));
  if (m[1] < "0100") d.setUTCFullYear(Number(m[1]));
  return d;
}

/**
 * A cell the reader could not read as a value: an error value for the core (`error`), with the
 * reason a manager can act on (`reason`), so the rows it sits in are listed, not silently dropped.
 */
export interface UnreadCell {
  error: "#VALUE!" | "#REF!";
  reason: string;
}

/** Reason given for a formula cell saved without its value (openpyxl and other tools write these). */
export const FORMULA_WITHOUT_VALUE = "formula without a saved value: open and save the file in Excel";

/**
 * Rows and filled cells a workbook may make in memory, over all its sheets: 4 sheets of Excel's
 * 1,048,576 rows, 40 million values (a full-width export of a million claim lines is 30 million).
 * Past them the file is refused with a message instead of running out of memory.
 */
export class ReadBudget {
  static readonly ROWS = 4 * 1048576;
  static readonly CELLS = 40_000_000;
  private rows = 0;
  private cells = 0;

  spendRows(n: number, label: string): void {
    this.rows += n;
    if (this.rows > ReadBudget.ROWS) {
      throw new UnreadableFileError(`${label}: more than ${ReadBudget.ROWS.toLocaleString("en-US")} rows in all its sheets, more than this program reads (a damaged or hostile file, or split the export)`);
    }
  }

  spendCell(label: string): void {
    if (++this.cells > ReadBudget.CELLS) {
      throw new UnreadableFileError(`${label}: more than ${ReadBudget.CELLS.toLocaleString("en-US")} filled cells, more than this program reads (split the export)`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets are scanned as UTF-8 bytes, not decoded text: a sheet of a million lines is 600 MB of
// XML, and decoding it to strings (then joining chunks) cost more than reading it. Every element
// and attribute the scanner looks for is ASCII, and in UTF-8 a byte below 0x80 is always that
// character (never part of a longer one), so the bytes are searched exactly as the text was; only
// the values that are text (inline strings, t="str", errors, ISO dates) are decoded, one by one.

/** Byte at p of b, or -1 outside it (as charCodeAt gives NaN past the end). */
function byteAt(b: Buffer, p: number): number {
  return p >= 0 && p < b.length ? b[p] : -1;
}

/** True when the bytes of `m` stand at b[at]. */
function bytesAt(b: Buffer, at: number, m: Buffer): boolean {
  const n = m.length;
  if (at < 0 || at + n > b.length) return false;
  for (let k = 0; k < n; k++) if (b[at + k] !== m[k]) return false;
  return true;
}

/** Index of the byte c at or after `from`, or -1 (for short hops; a native call costs more). */
function byteIndex(b: Buffer, c: number, from: number): number {
  const n = b.length;
  for (let p = from < 0 ? 0 : from; p < n; p++) if (b[p] === c) return p;
  return -1;
}

/** Index of the bytes of `m` (which start with "<") at or after `from`, or -1. */
function markIndex(b: Buffer, m: Buffer, from: number): number {
  const n = b.length;
  for (let p = from < 0 ? 0 : from; p < n; p++) if (b[p] === 60 && bytesAt(b, p, m)) return p;
  return -1;
}

/** The text of b[a..e) (UTF-8). */
function textOf(b: Buffer, a: number, e: number): string {
  return e > a ? b.toString("utf8", a, e) : "";
}

/** True for the bytes that may follow an element name: whitespace, `>` or `/`, or the end. */
function isNameEndByte(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13 || c === -1;
}

/**
 * Feeds a part's bytes to `onBytes` as UTF-8 (a UTF-16 part, marked by its byte-order mark, is
 * decoded and written again as UTF-8). Returns false when the part does not exist.
 */
async function forEachUtf8Chunk(zip: ZipPackage, partPath: string, onBytes: (chunk: Buffer) => void): Promise<boolean> {
  let decoder: PartDecoder | null | undefined;
  const found = await zip.forEachChunk(partPath, (chunk) => {
    if (decoder === undefined) decoder = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff) ? new PartDecoder() : null;
    if (decoder === null) onBytes(chunk);
    else {
      const text = decoder.write(chunk);
      if (text.length > 0) onBytes(Buffer.from(text, "utf8"));
    }
  });
  if (!found) return false;
  const rest = decoder?.end() ?? "";
  if (rest.length > 0) onBytes(Buffer.from(rest, "utf8"));
  return true;
}

/**
 * Feeds a worksheet's bytes chunk by chunk, as ChunkedScanner does its text: each chunk is
 * searched once (a tail of a few bytes catches a tag split between chunks), the complete rows are
 * scanned, the incomplete tail is kept (bounded); after </sheetData> the rest is not kept.
 */
abstract class ChunkedByteScanner {
  private parts: Buffer[] = [];
  private pendingLength = 0;
  private tail: Buffer = Buffer.alloc(0);
  private started = false;
  private done = false;
  protected prefix = "";
  private marker: Buffer = Buffer.alloc(0);
  private endMarker: Buffer = Buffer.alloc(0);
  /** The end marker's last 9 bytes ("heetData>"), searched first (see endIndex). */
  private endTail: Buffer = Buffer.alloc(0);
  private work: Buffer = Buffer.alloc(0);

  /** The message when the bytes held would pass the bound. */
  protected abstract tooLong(): string;

  feed(chunk: Buffer): void {
    if (this.done) return;
    if (!this.started) {
      const all = this.parts.length === 0 ? chunk : Buffer.concat([...this.parts, chunk]);
      const s = all.toString("utf8");
      const root = s.indexOf("<", s.indexOf("?>") + 1);
      if (root < 0 || tagEnd(s, root) < 0) {
        this.hold([all], all.length, all);
        return;
      }
      this.started = true;
      this.prefix = rootPrefix(s);
      this.marker = Buffer.from(`<${this.prefix}row`, "utf8");
      this.endMarker = Buffer.from(`</${this.prefix}sheetData>`, "utf8");
      this.endTail = this.endMarker.subarray(this.endMarker.length - 9);
      this.begin();
      this.parts = [];
      this.pendingLength = 0;
      this.tail = Buffer.alloc(0);
    }
    const edge = this.tail.length === 0 ? null : Buffer.concat([this.tail, chunk.subarray(0, 32)]);
    const hasEnd = this.endIndex(chunk) >= 0 || (edge !== null && this.endIndex(edge) >= 0);
    if (!hasEnd && chunk.indexOf(this.marker) < 0 && !(edge !== null && edge.indexOf(this.marker) >= 0)) {
      this.parts.push(chunk);
      this.hold(this.parts, this.pendingLength + chunk.length, chunk.length >= 32 || edge === null ? chunk : Buffer.concat([this.tail, chunk]));
      return;
    }
    const s = this.parts.length === 0 ? chunk : this.joined(chunk);
    if (hasEnd) {
      this.scan(s, this.endIndex(s));
      this.done = true;
      this.parts = [];
      return;
    }
    const cut = s.lastIndexOf(this.marker);
    if (cut <= 0) {
      const all = Buffer.from(s); // a copy: s may be the work buffer, written again next time
      this.hold([all], all.length, all);
      return;
    }
    this.scan(s, cut);
    const rest = Buffer.from(s.subarray(cut)); // a copy: the chunk it came from can go
    this.hold([rest], rest.length, rest);
  }

  /**
   * Index of the first </sheetData> in b, or -1. Its tail "heetData>" is searched first: its
   * first letter is rare in a sheet's XML, where "<" starts every few bytes and slows a search
   * for the whole marker about ninefold (memchr hops to each candidate).
   */
  private endIndex(b: Buffer): number {
    const { endMarker, endTail } = this;
    const lead = endMarker.length - endTail.length;
    for (let p = lead; ; ) {
      const k = b.indexOf(endTail, p);
      if (k < 0) return -1;
      if (bytesAt(b, k - lead, endMarker)) return k - lead;
      p = k + 1;
    }
  }

  /** The held bytes and the chunk, one after the other in the work buffer (reused, grown as needed). */
  private joined(chunk: Buffer): Buffer {
    const length = this.pendingLength + chunk.length;
    if (this.work.length < length) this.work = Buffer.allocUnsafeSlow(Math.max(length, 2 * this.work.length));
    let at = 0;
    for (const part of this.parts) at += part.copy(this.work, at);
    chunk.copy(this.work, at);
    return this.work.subarray(0, length);
  }

  private hold(parts: Buffer[], length: number, last: Buffer): void {
    if (length > MAX_PENDING_CHARACTERS) throw new UnreadableFileError(this.tooLong());
    this.parts = parts;
    this.pendingLength = length;
    this.tail = Buffer.from(last.subarray(Math.max(0, last.length - 32)));
  }

  finish(): void {
    if (this.done) return;
    const s = Buffer.concat(this.parts);
    this.parts = [];
    if (!this.started) {
      this.started = true;
      this.prefix = rootPrefix(s.toString("utf8"));
      this.begin();
    }
    this.scan(s, s.length);
    this.done = true;
  }

  protected abstract begin(): void;
  /** Scans the complete elements of s[0..end). */
  protected abstract scan(s: Buffer, end: number): void;
}

class WorksheetScanner extends ChunkedByteScanner {
  readonly grid: CellValue[][] = [];
  /** Things the manager should know about the sheet (text cut at Excel's limit). */
  readonly notes: string[] = [];
  rows = 0;
  private lastRow = 0;
  private rowOpen: Buffer = Buffer.from("<row");
  private rowClose: Buffer = Buffer.from("</row>");
  private cOpen: Buffer = Buffer.from("<c");
  private cClose: Buffer = Buffer.from("</c>");
  private vOpen: Buffer = Buffer.from("<v");
  private fOpen: Buffer = Buffer.from("<f");
  private vClose: Buffer = Buffer.from("</v>");
  private isOpen: Buffer = Buffer.from("<is");
  private isClose: Buffer = Buffer.from("</is>");
  /** The value read by readCell. */
  private value: CellValue = null;
  /** The number of cells of the row scanCells read. */
  private cells = 0;
  /** The cells of the row being read (see scan). */
  private scratch: CellValue[] = [];

  constructor(
    private readonly strings: readonly string[],
    private readonly onRow: () => void,
    private readonly label: string,
    private readonly sheetName: string,
    /** In a 1904-system workbook, the styles that show dates (their serials get 1,462 days added). */
    private readonly dateStyles: ReadonlySet<number> | null = null,
    private readonly budget: ReadBudget = new ReadBudget(),
  ) {
    super();
  }

  protected tooLong(): string {
    return `${this.label}: sheet "${this.sheetName}" holds more than ${MAX_PENDING_CHARACTERS.toLocaleString("en-US")} characters of XML without a complete row (a damaged or hostile file?)`;
  }

  private beyondLimits(what: string): never {
    throw new UnreadableFileError(`${this.label}: sheet "${this.sheetName}" has ${what}; the file is damaged or was not written by a spreadsheet program`);
  }

  protected begin(): void {
    const mark = (text: string): Buffer => Buffer.from(text, "utf8");
    const p = this.prefix;
    this.rowOpen = mark(`<${p}row`);
    this.rowClose = mark(`</${p}row>`);
    this.cOpen = mark(`<${p}c`);
    this.cClose = mark(`</${p}c>`);
    this.vOpen = mark(`<${p}v`);
    this.fOpen = mark(`<${p}f`);
    this.vClose = mark(`</${p}v>`);
    this.isOpen = mark(`<${p}is`);
    this.isClose = mark(`</${p}is>`);
  }

  protected scan(s: Buffer, end: number): void {
    const { rowOpen } = this;
    const openLen = rowOpen.length;
    let i = 0;
    for (;;) {
      i = markIndex(s, rowOpen, i);
      if (i < 0 || i >= end) return;
      if (!isNameEndByte(byteAt(s, i + openLen))) {
        i += openLen; // <rowBreaks> and the like
        continue;
      }
      const te = byteIndex(s, 62 /* > */, i);
      let rowNumber = attrNumber(s, i + openLen, te, 114 /* r */);
      if (rowNumber <= 0) rowNumber = this.lastRow + 1;
      if (rowNumber > EXCEL_LIMITS.rows) this.beyondLimits(`a row numbered ${rowNumber}, past Excel's limit of ${EXCEL_LIMITS.rows.toLocaleString("en-US")} rows`);
      this.lastRow = rowNumber;
      this.rows++;
      this.onRow();
      const row = this.rowAt(rowNumber - 1);
      if (byteAt(s, te - 1) === 47) i = te + 1;
      else if (row.length > 0) i = this.scanRow(s, te + 1, end, row, row.length); // the same row number again: its cells join the row
      else {
        // A new row is read into a scratch array and kept as an exact-size copy: an array grown
        // cell by cell holds about twice the slots (41 for 19 cells), a million times over. The
        // scratch array is not emptied (that would give back its room, to grow again each row):
        // scanRow writes over its first cells and counts them (this.cells).
        if (this.scratch.length > 1024) this.scratch = []; // after a wide or sparse row: start afresh
        const scratch = this.scratch;
        i = this.scanRow(s, te + 1, end, scratch, 0);
        if (this.cells > 0) this.grid[rowNumber - 1] = scratch.slice(0, this.cells);
      }
    }
  }

  private rowAt(index: number): CellValue[] {
    const grid = this.grid;
    let row = grid[index];
    // index is at most Excel's 1,048,576 rows, and rows made in all sheets are counted
    if (row === undefined) {
      this.budget.spendRows(index + 1 - grid.length, this.label);
      while (grid.length < index) grid.push([]);
      row = [];
      grid[index] = row;
    }
    return row;
  }

  /**
   * Reads the cells of a row from just after its start tag; returns the index after `</row>`.
   * They go into row[0..), whose first `filled` cells are already the row's (any
   * beyond are left from an earlier row, to be written over); leaves the row's length in this.cells.
   */
  private scanRow(s: Buffer, from: number, end: number, row: CellValue[], filled: number): number {
    const { cOpen, rowClose } = this;
    const openLen = cOpen.length;
    let col = 0;
    let length = filled;
    let i = from;
    for (;;) {
      i = byteIndex(s, 60 /* < */, i);
      if (i < 0 || i >= end) {
        this.cells = length;
        return end;
      }
      if (!bytesAt(s, i, cOpen) || !isNameEndByte(byteAt(s, i + openLen))) {
        if (bytesAt(s, i, rowClose)) {
          this.cells = length;
          return i + rowClose.length;
        }
        i++; // <extLst> or another element that is not a cell
        continue;
      }
      // Attributes, read in the same pass that looks for the tag's ">" (te, the first one):
      // r (reference: its letters give the column), t (type) and s (style, for 1904 dates).
      let te = -1;
      let type: CellType = CellType.Number;
      let refCol = 0;
      let style = 0;
      let pastXfd = false;
      const n = s.length;
      for (let p = i + openLen; p < n; p++) {
        const c = s[p];
        if (c === 62 /* > */) {
          te = p;
          break;
        }
        if (c === 61 /* = */ && isSpace(byteAt(s, p - 2))) {
          const name = s[p - 1];
          if (name === 114 /* r */) {
            let q = p + 2;
            for (;; q++) {
              let k = byteAt(s, q);
              if (k >= 97 && k <= 122) k -= 32;
              if (k < 65 || k > 90) break;
              refCol = refCol * 26 + (k - 64);
              if (refCol > EXCEL_LIMITS.columns) {
                pastXfd = true;
                break;
              }
            }
            if (byteAt(s, q) === 62) {
              te = q;
              break;
            }
            p = q; // the byte at q is not read as an attribute's "="
          } else if (name === 115 /* s */ && this.dateStyles !== null) {
            for (let q = p + 2; ; q++) {
              const k = byteAt(s, q);
              if (k < 48 || k > 57) break;
              style = style * 10 + (k - 48);
            }
          } else if (name === 116 /* t */) {
            type = cellType(s, p + 2);
            if (byteAt(s, p + 1) === 62 || byteAt(s, p + 2) === 62) {
              te = byteAt(s, p + 1) === 62 ? p + 1 : p + 2;
              break;
            }
            p += 2; // the quote and the type's first letter
          }
        }
      }
      if (te < 0) {
        // no ">" left: the tag's attributes are not read (as the text scanner did)
        type = CellType.Number;
        refCol = 0;
        style = 0;
      } else if (pastXfd) this.beyondLimits(`a cell reference past column XFD (Excel's limit of ${EXCEL_LIMITS.columns.toLocaleString("en-US")} columns) in row ${this.lastRow}`);
      col = refCol > 0 ? refCol : col + 1;
      if (col > EXCEL_LIMITS.columns) this.beyondLimits(`more than ${EXCEL_LIMITS.columns.toLocaleString("en-US")} cells in row ${this.lastRow}`);
      if (byteAt(s, te - 1) === 47) {
        i = te + 1; // <c r="B2" s="3"/>: no value
        continue;
      }
      i = this.plainValue(s, te + 1, end, type);
      if (i < 0) i = this.readCell(s, te + 1, end, type);
      let value = this.value;
      // 1904 system (ECMA-376 Part 1, 18.17.4.1): serial 0 is 1904-01-01, i.e. 1900-system serial 1,462.
      if (typeof value === "number" && this.dateStyles !== null && this.dateStyles.has(style)) value += 1462;
      if (typeof value === "string" && value.length > EXCEL_LIMITS.cellTextCharacters) {
        this.notes.push(`${this.sheetName} row ${this.lastRow} column ${columnName(col)}: text of ${value.length.toLocaleString("en-US")} characters cut to Excel's limit of 32,767`);
        value = value.slice(0, EXCEL_LIMITS.cellTextCharacters);
      }
      if (value !== null) {
        this.budget.spendCell(this.label);
        const index = col - 1;
        if (index === length) row[length++] = value;
        else if (index > length + 256) {
          // far to the right: a sparse row, not thousands of blanks (and none of an earlier row's cells)
          if (row.length > length) row.length = length;
          row[index] = value;
          length = index + 1;
        } else if (index > length) {
          while (length < index) row[length++] = null;
          row[length++] = value;
        } else row[index] = value;
      }
    }
  }

  /**
   * The usual cell, `<v>…</v></c>` with no other element: its value into this.value, returning
   * the index after `</c>` (what readCell would give), or -1 for any other shape (readCell reads it).
   */
  private plainValue(s: Buffer, from: number, end: number, type: CellType): number {
    const { vOpen, vClose, cClose } = this;
    const vStart = from + vOpen.length + 1;
    if (vStart >= end || s[vStart - 1] !== 62 /* > */ || !bytesAt(s, from, vOpen)) return -1;
    // One walk to the "<" that ends the value, reading a plain decimal on the way (as parseNumber does).
    const n = s.length;
    let p = vStart;
    const negative = s[p] === 45; /* - */
    if (negative) p++;
    let mantissa = 0;
    let digits = 0;
    let decimals = -1;
    let plain = true;
    for (; p < n; p++) {
      const c = s[p];
      if (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        if (decimals >= 0) decimals++;
      } else if (c === 60 /* < */) break;
      else if (c === 46 /* . */ && decimals < 0) decimals = 0;
      else plain = false;
    }
    const vEnd = p;
    const cAt = vEnd + vClose.length;
    if (vEnd >= n || cAt >= end || !bytesAt(s, vEnd, vClose) || !bytesAt(s, cAt, cClose)) return -1;
    plain = plain && digits > 0 && digits <= 15;
    if (plain && type === CellType.Number) {
      const v = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
      this.value = negative ? -v : v;
    } else if (plain && type === CellType.Shared && !negative && decimals < 0 && this.strings[mantissa] !== undefined) {
      this.value = this.strings[mantissa];
    } else this.value = this.typedValue(s, vStart, vEnd, type);
    return cAt + cClose.length;
  }

  /**
   * Reads a cell's content from just after its start tag: the <v> element (the value, or a
   * formula's cached value) or an inline string's <is>, into this.value; returns the index after `</c>`.
   */
  private readCell(s: Buffer, from: number, end: number, type: CellType): number {
    const { vOpen, isOpen, cClose } = this;
    this.value = null;
    let formula = false;
    let valueSeen = false;
    let i = from;
    for (;;) {
      i = byteIndex(s, 60 /* < */, i);
      if (i < 0 || i >= end || bytesAt(s, i, cClose)) {
        if (formula && !valueSeen) this.value = { error: "#VALUE!", reason: FORMULA_WITHOUT_VALUE } satisfies UnreadCell;
        return i < 0 || i >= end ? end : i + cClose.length;
      }
      if (bytesAt(s, i, this.fOpen) && isNameEndByte(byteAt(s, i + this.fOpen.length))) formula = true;
      if (bytesAt(s, i, vOpen)) {
        const next = byteAt(s, i + vOpen.length);
        if (next === 47 || next === 62 || isSpace(next)) {
          const tagClose = byteIndex(s, 62 /* > */, i);
          if (tagClose < 0 || tagClose >= end) return end;
          valueSeen = true;
          if (byteAt(s, tagClose - 1) === 47) {
            i = tagClose + 1; // <v/> or <v />: an empty value
            continue;
          }
          const vStart = tagClose + 1;
          let vEnd = markIndex(s, this.vClose, vStart);
          if (vEnd < 0 || vEnd > end) vEnd = end;
          if (!(type === CellType.Inline && this.value !== null)) this.value = this.typedValue(s, vStart, vEnd, type);
          i = vEnd + this.vClose.length;
          continue;
        }
      } else if (type === CellType.Inline && bytesAt(s, i, isOpen) && isNameEndByte(byteAt(s, i + isOpen.length))) {
        let isEnd = markIndex(s, this.isClose, i);
        if (isEnd < 0 || isEnd > end) isEnd = end;
        this.value = this.inlineText(s, i, isEnd);
        i = isEnd;
        continue;
      }
      i++;
    }
  }

  /**
   * The text of an inline string <is> at s[from..to). Its text is decoded up to and including
   * its </is>; runsText's searches then stop where they stopped in the whole sheet's text. When
   * the </is> is missing, the rest of the bytes are decoded (a damaged file: rare and small).
   */
  private inlineText(s: Buffer, from: number, to: number): string | null {
    if (bytesAt(s, to, this.isClose)) {
      const text = textOf(s, from, to + this.isClose.length);
      return runsText(text, 0, text.length - this.isClose.length, this.prefix);
    }
    const text = textOf(s, from, s.length);
    return runsText(text, 0, textOf(s, from, to).length, this.prefix);
  }

  private typedValue(s: Buffer, vStart: number, vEnd: number, type: CellType): CellValue {
    switch (type) {
      case CellType.Shared: {
        let n = 0;
        let digits = 0;
        for (let p = vStart; p < vEnd; p++) {
          const c = s[p];
          if (c >= 48 && c <= 57) {
            n = n * 10 + (c - 48);
            digits++;
          } else if (!isSpace(c)) return null;
        }
        const text = digits > 0 ? this.strings[n] : undefined;
        if (text !== undefined) return text;
        if (digits === 0) return null;
        return {
          error: "#REF!",
          reason: `shared string ${n} does not exist (the file's table holds ${this.strings.length}): the file is damaged`,
        } satisfies UnreadCell;
      }
      case CellType.Number: {
        if (vEnd === vStart) return null;
        if (s[vStart] === 60 /* <![CDATA[ */) {
          const text = decodeXmlText(textOf(s, vStart, vEnd));
          const n = Number(text);
          return text.trim() === "" ? null : Number.isFinite(n) ? n : text;
        }
        const n = parseNumber(s, vStart, vEnd);
        return Number.isNaN(n) ? decodeXmlText(textOf(s, vStart, vEnd)) : n;
      }
      case CellType.Str:
      case CellType.Inline:
        return decodeCellText(textOf(s, vStart, vEnd));
      case CellType.Bool: {
        const t = textOf(s, vStart, vEnd).trim();
        return t === "1" || t.toLowerCase() === "true";
      }
      case CellType.Error:
        return { error: decodeXmlText(textOf(s, vStart, vEnd)).trim() };
      case CellType.Date:
        return isoDate(decodeXmlText(textOf(s, vStart, vEnd)));
    }
    return null;
  }
}

/** A numeric attribute (1-letter name) of a tag in s[from..to), or -1. */
function attrNumber(s: Buffer, from: number, to: number, nameCode: number): number {
  for (let p = from; p < to; p++) {
    if (s[p] === nameCode && byteAt(s, p + 1) === 61 /* = */ && isSpace(byteAt(s, p - 1))) {
      let n = 0;
      for (let q = p + 3; q < to; q++) {
        const c = s[q];
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
function parseNumber(s: Buffer, a: number, b: number): number {
  let p = a;
  let negative = false;
  if (s[p] === 45 /* - */) {
    negative = true;
    p++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; p < b; p++) {
    const c = s[p];
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 /* . */ && decimals < 0) decimals = 0;
    else return Number(textOf(s, a, b));
  }
  if (digits === 0 || digits > 15) return Number(textOf(s, a, b));
  const n = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return negative ? -n : n;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The cell type named by the attribute value starting at p (just after its quote). */
function cellType(s: Buffer, p: number): CellType {
  const c = byteAt(s, p);
  const next = byteAt(s, p + 1);
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
  /** The workbook counts dates from 1904-01-01 (Excel for Mac before 2011 and some others). */
  date1904: boolean;
}

/** The workbook part (from _rels/.rels), its sheets in tab order and their parts (names as stored). */
export async function readWorkbookParts(zip: ZipPackage): Promise<WorkbookParts> {
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
  workbookPart = zip.storedName(workbookPart);
  const workbookXml = await readPartText(zip, workbookPart);
  if (workbookXml === null) throw new UnreadableFileError(`${zip.label}: not an Excel workbook (no workbook part in the package)`);
  const relsPart = zip.storedName(relsPathOf(workbookPart.replace(/\\/g, "/")));
  const relsXml = (await readPartText(zip, relsPart)) ?? "";
  const targets = new Map<string, { part: string; kind: string }>();
  const partsByType = new Map<string, string>();
  for (const rel of findTags(relsXml, `${rootPrefix(relsXml)}Relationship`)) {
    if (rel.attrs.get("TargetMode") === "External") continue;
    const type = rel.attrs.get("Type") ?? "";
    const kind = type.slice(type.lastIndexOf("/") + 1);
    const part = zip.storedName(resolvePartPath(workbookPart.replace(/\\/g, "/"), rel.attrs.get("Target") ?? ""));
    targets.set(rel.attrs.get("Id") ?? "", { part, kind });
    if (!partsByType.has(kind)) partsByType.set(kind, part);
  }
  const sheets: WorkbookSheetEntry[] = [];
  const prefix = rootPrefix(workbookXml);
  for (const tag of findTags(workbookXml, `${prefix}sheet`)) {
    let rId = "";
    for (const [key, value] of tag.attrs) if (key.endsWith(":id")) rId = value;
    const target = targets.get(rId);
    sheets.push({ name: tag.attrs.get("name") ?? `Sheet${sheets.length + 1}`, rId, part: target?.part ?? null, kind: target?.kind ?? "" });
  }
  // ECMA-376 Part 1, 18.2.28 workbookPr: date1904 ("1" or "true") puts serial 0 at 1904-01-01.
  const pr = findTags(workbookXml, `${prefix}workbookPr`)[0]?.attrs.get("date1904")?.trim().toLowerCase();
  return { workbookPart, workbookXml, relsPart, relsXml, sheets, partsByType, date1904: pr === "1" || pr === "true" };
}

/**
 * Every worksheet of an .xlsx/.xlsm (a path or its bytes), in tab order, as grids of plain values.
 * Chart sheets, dialog sheets and macro sheets are skipped. `label` names the file in messages.
 */
export async function readXlsxGrids(source: XlsxSource, options: ReadXlsxOptions = {}): Promise<SheetGrid[]> {
  const zip = await openXlsxPackage(source, options.label);
  const wb = await readWorkbookParts(zip);
  const sst = new SharedStringsScanner(zip.label);
  const sstPart = wb.partsByType.get("sharedStrings") ?? zip.storedName("xl/sharedStrings.xml");
  if (await forEachTextChunk(zip, sstPart, (t) => sst.feed(t))) sst.finish();

  let dateStyles: Set<number> | null = null;
  const stylesPart = wb.partsByType.get("styles");
  if (wb.date1904 && stylesPart !== undefined) dateStyles = dateStyleIndexes((await readPartText(zip, stylesPart)) ?? "");

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
  const budget = new ReadBudget();
  for (const sheet of wb.sheets) {
    if (sheet.kind !== "worksheet" || sheet.part === null) continue;
    const scanner = new WorksheetScanner(sst.strings, onRow, zip.label, sheet.name, dateStyles, budget);
    if (!(await forEachUtf8Chunk(zip, sheet.part, (bytes) => scanner.feed(bytes)))) continue;
    scanner.finish();
    const grid: SheetGrid = { name: sheet.name, grid: scanner.grid };
    if (scanner.notes.length > 0) grid.notes = scanner.notes;
    if (wb.date1904) grid.date1904 = true;
    out.push(grid);
  }
  return out;
}

/**
 * One worksheet's XML, handed over in the given pieces as the inflater would, read as
 * readXlsxGrids reads a sheet (for tests: a row, tag or character cut between pieces at any byte).
 */
export function readWorksheetPieces(pieces: readonly Buffer[], strings: readonly string[], sheetName = "Sheet1"): { grid: CellValue[][]; notes: string[] } {
  const scanner = new WorksheetScanner(strings, () => undefined, "the workbook", sheetName);
  for (const piece of pieces) if (piece.length > 0) scanner.feed(piece);
  scanner.finish();
  return { grid: scanner.grid, notes: scanner.notes };
}

/** Column number (1-based) → letters ("A", "XFD"). */
function columnName(col: number): string {
  let n = col;
  let name = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}
