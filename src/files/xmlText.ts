/**
 * XML text helpers shared by the .xlsx reader and writers: a part's bytes decoded (UTF-8 or UTF-16),
 * tags and attributes found by hand (indexOf / charCodeAt), entities and Excel's escapes decoded.
 */
import { StringDecoder } from "node:string_decoder";

/** A decoder for a part's bytes: UTF-16 when the part starts with a UTF-16 byte-order mark, else UTF-8. */
export class PartDecoder {
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
export function isNameEnd(c: number): boolean {
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

/**
 * Text of the `<t>` runs of an `<si>` or `<is>` in s[from..to) (phonetic `<rPh>` runs left out),
 * or null when there is none. Searches go tag by tag ("<" to "<"), so they never run past `to`.
 */
export function runsText(s: string, from: number, to: number, prefix: string): string | null {
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
