/**
 * Writes a new zip package from a checked ZipPackage (zipPackage.ts) plus a set of changed or added
 * parts, in one pass, with Node's zlib (no JSZip: it inflated and re-deflated the whole input).
 *
 * - An untouched entry keeps its compressed bytes as they are (deflated stay byte for byte, stored
 *   stay stored), its CRC-32, sizes, date, time and name bytes, behind a local header written anew
 *   from the central directory's facts (APPNOTE.TXT 4.3.7): general-purpose bit 3 (sizes in a data
 *   descriptor, 4.4.4) is cleared because the header now carries the sizes. An encrypted entry (bit 0)
 *   is refused, as zipPackage.ts refuses to read one.
 * - A changed part replaces the entry of the same OPC name (compared as zipPackage.ts compares
 *   them: any case, either slash) in its place; it is deflated (zlib level 6), or stored when the entry
 *   it replaces was stored. Added parts come after the input's entries, in the order they were set.
 * - The central directory (4.3.12) and end record (4.3.16) are written anew, with zip64 records
 *   (4.3.14 end record, 4.3.15 locator, 4.5.3 extended information) where a size, offset or count
 *   does not fit in its 16- or 32-bit field.
 *
 * Node only (zlib, fs).
 */
import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { partKey, UnreadableFileError, type ZipEntry, type ZipPackage } from "./zipPackage";

/** A part's new content: text (written as UTF-8) or bytes. */
export type PartContent = string | Uint8Array;

/** Changed or added parts of a package, keyed as OPC part names are compared (partKey). */
export class PartChanges {
  private readonly byKey = new Map<string, { name: string; content: PartContent }>();

  /** Sets a part's content; a part set before under another spelling keeps its first spelling. */
  set(name: string, content: PartContent): void {
    const key = partKey(name);
    this.byKey.set(key, { name: this.byKey.get(key)?.name ?? name, content });
  }

  has(name: string): boolean {
    return this.byKey.has(partKey(name));
  }

  /** The part's content as text (UTF-8), or undefined when it was not set. */
  text(name: string): string | undefined {
    const c = this.byKey.get(partKey(name))?.content;
    return c === undefined || typeof c === "string" ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString("utf8");
  }

  /** [name, content] in the order the parts were first set. */
  entries(): [string, PartContent][] {
    return [...this.byKey.values()].map((v) => [v.name, v.content]);
  }

  /** The change for `key` (a partKey), removed from the set, or undefined. */
  take(key: string): { name: string; content: PartContent } | undefined {
    const c = this.byKey.get(key);
    this.byKey.delete(key);
    return c;
  }
}

export interface ZipRewriteOptions {
  /** The date and time written for changed and added parts (default: now). */
  now?: Date;
  /** Writes every zip64 record even when nothing needs one (for tests of the record writer). */
  forceZip64?: boolean;
}

const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
/** "Version made by" of the parts written here: MS-DOS attributes (upper byte 0), spec 4.5 (zip64). */
const MADE_BY = 45;

/** One entry of the new package, as its central-directory record needs it. */
export interface WrittenEntry {
  nameBytes: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  versionNeeded: number;
  /** "Version made by" (its upper byte says how externalAttributes are to be read). */
  versionMadeBy: number;
  internalAttributes: number;
  externalAttributes: number;
}

/** The DOS time and date fields of a moment (local time, as zip tools show them; 2 s steps). */
export function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, at.getFullYear()));
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

const needsZip64 = (e: WrittenEntry, force: boolean): boolean => force || e.compressedSize >= MAX32 || e.uncompressedSize >= MAX32;

/** Local file header (4.3.7); with zip64 both sizes go to the extra field (4.5.3: the local one MUST carry both). */
export function localHeader(e: WrittenEntry, force = false): Buffer {
  const zip64 = needsZip64(e, force);
  const h = Buffer.alloc(30 + e.nameBytes.length + (zip64 ? 20 : 0));
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(zip64 ? Math.max(45, e.versionNeeded) : e.versionNeeded, 4);
  h.writeUInt16LE(e.flags, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(e.time, 10);
  h.writeUInt16LE(e.date, 12);
  h.writeUInt32LE(e.crc32 >>> 0, 14);
  h.writeUInt32LE(zip64 ? MAX32 : e.compressedSize, 18);
  h.writeUInt32LE(zip64 ? MAX32 : e.uncompressedSize, 22);
  h.writeUInt16LE(e.nameBytes.length, 26);
  h.writeUInt16LE(zip64 ? 20 : 0, 28);
  e.nameBytes.copy(h, 30);
  if (zip64) {
    const x = 30 + e.nameBytes.length;
    h.writeUInt16LE(0x0001, x);
    h.writeUInt16LE(16, x + 2);
    h.writeBigUInt64LE(BigInt(e.uncompressedSize), x + 4);
    h.writeBigUInt64LE(BigInt(e.compressedSize), x + 12);
  }
  return h;
}

/** Central directory header (4.3.12); fields that do not fit go to a zip64 extra field, in 4.5.3's order. */
export function centralHeader(e: WrittenEntry, force = false): Buffer {
  const big = [e.uncompressedSize, e.compressedSize, e.localHeaderOffset].map((v) => force || v >= MAX32);
  const extraValues = [e.uncompressedSize, e.compressedSize, e.localHeaderOffset].filter((_v, i) => big[i]);
  const extraLength = extraValues.length === 0 ? 0 : 4 + 8 * extraValues.length;
  const h = Buffer.alloc(46 + e.nameBytes.length + extraLength);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(e.versionMadeBy, 4);
  h.writeUInt16LE(extraLength > 0 ? Math.max(45, e.versionNeeded) : e.versionNeeded, 6);
  h.writeUInt16LE(e.flags, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(e.time, 12);
  h.writeUInt16LE(e.date, 14);
  h.writeUInt32LE(e.crc32 >>> 0, 16);
  h.writeUInt32LE(big[1] ? MAX32 : e.compressedSize, 20);
  h.writeUInt32LE(big[0] ? MAX32 : e.uncompressedSize, 24);
  h.writeUInt16LE(e.nameBytes.length, 28);
  h.writeUInt16LE(extraLength, 30);
  h.writeUInt16LE(0, 32); // no comment
  h.writeUInt16LE(0, 34); // disk 0
  h.writeUInt16LE(e.internalAttributes, 36);
  h.writeUInt32LE(e.externalAttributes >>> 0, 38);
  h.writeUInt32LE(big[2] ? MAX32 : e.localHeaderOffset, 42);
  e.nameBytes.copy(h, 46);
  if (extraLength > 0) {
    let x = 46 + e.nameBytes.length;
    h.writeUInt16LE(0x0001, x);
    h.writeUInt16LE(extraLength - 4, x + 2);
    x += 4;
    for (const v of extraValues) {
      h.writeBigUInt64LE(BigInt(v), x);
      x += 8;
    }
  }
  return h;
}

/**
 * The records after the central directory: zip64 end record and locator when the count, the
 * directory's size or its offset does not fit (or `force`), then the end of central directory
 * record with 0xFFFF / 0xFFFFFFFF in the fields the zip64 record carries.
 */
export function endRecords(count: number, directorySize: number, directoryOffset: number, force = false): Buffer {
  const zip64 = force || count >= MAX16 || directorySize >= MAX32 || directoryOffset >= MAX32;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? MAX16 : count, 8);
  end.writeUInt16LE(zip64 ? MAX16 : count, 10);
  end.writeUInt32LE(zip64 ? MAX32 : directorySize, 12);
  end.writeUInt32LE(zip64 ? MAX32 : directoryOffset, 16);
  if (!zip64) return end;
  const record = Buffer.alloc(56 + 20);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4); // size of the rest of this record
  record.writeUInt16LE(MADE_BY, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  // Locator (4.3.15): the zip64 end record starts right where the central directory ends.
  record.writeUInt32LE(0x07064b50, 56);
  record.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 64);
  record.writeUInt32LE(1, 72); // one disk
  return Buffer.concat([record, end]);
}

/** An untouched entry: its central record's date, time, name bytes and attributes; bit 3 cleared. */
function untouched(pkg: ZipPackage, entry: ZipEntry): WrittenEntry {
  if ((entry.flags & FLAG_ENCRYPTED) !== 0) {
    throw new UnreadableFileError(`${pkg.label}: the part ${entry.name} is encrypted; remove the password in Excel and save the file again`);
  }
  const b = entry.central;
  const p = 0;
  return {
    nameBytes: b.subarray(p + 46, p + 46 + b.readUInt16LE(p + 28)),
    flags: entry.flags & ~FLAG_DATA_DESCRIPTOR,
    method: entry.method,
    time: b.readUInt16LE(p + 12),
    date: b.readUInt16LE(p + 14),
    crc32: entry.crc32,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
    localHeaderOffset: 0,
    versionNeeded: b.readUInt16LE(p + 6) & 0xff || 20,
    versionMadeBy: b.readUInt16LE(p + 4),
    internalAttributes: b.readUInt16LE(p + 36),
    externalAttributes: b.readUInt32LE(p + 38),
  };
}

/** A changed or added part: deflated (level 6) unless `stored`; name bytes in UTF-8 (bit 11 when not ASCII). */
function fresh(name: string, content: PartContent, stored: boolean, when: { time: number; date: number }, nameBytes?: Buffer, flags?: number): { entry: WrittenEntry; data: Buffer } {
  const raw = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const data = stored ? raw : zlib.deflateRawSync(raw, { level: 6 });
  const bytes = nameBytes ?? Buffer.from(name, "utf8");
  const utf8 = nameBytes === undefined ? (/^[\x00-\x7f]*$/.test(name) ? 0 : FLAG_UTF8) : (flags ?? 0) & FLAG_UTF8;
  return {
    entry: {
      nameBytes: bytes,
      flags: utf8,
      method: stored ? 0 : 8,
      time: when.time,
      date: when.date,
      crc32: zlib.crc32(raw),
      compressedSize: data.length,
      uncompressedSize: raw.length,
      localHeaderOffset: 0,
      versionNeeded: 20,
      versionMadeBy: MADE_BY,
      internalAttributes: 0,
      externalAttributes: 0,
    },
    data,
  };
}

/**
 * The new package as a list of buffers to write in order (untouched entries' compressed bytes are
 * read from the package: views of its bytes when it is in memory). `changes` is not modified.
 */
export function rewriteZip(pkg: ZipPackage, changes: PartChanges, options: ZipRewriteOptions = {}): Buffer[] {
  return rewritePieces(pkg, changes, options).map((piece) => (Buffer.isBuffer(piece) ? piece : pkg.compressedBytes(piece)));
}

/** What rewriteZip writes: new bytes, or an untouched entry whose compressed bytes are copied from the package. */
type ZipPiece = Buffer | ZipEntry;

function rewritePieces(pkg: ZipPackage, changes: PartChanges, options: ZipRewriteOptions): ZipPiece[] {
  const force = options.forceZip64 === true;
  const when = dosDateTime(options.now ?? new Date());
  const pending = new PartChanges();
  for (const [name, content] of changes.entries()) pending.set(name, content);
  const out: ZipPiece[] = [];
  const written: WrittenEntry[] = [];
  let offset = 0;
  const add = (entry: WrittenEntry, data: ZipPiece): void => {
    entry.localHeaderOffset = offset;
    const header = localHeader(entry, force);
    out.push(header, data);
    offset += header.length + (Buffer.isBuffer(data) ? data.length : data.compressedSize);
    written.push(entry);
  };
  for (const entry of pkg.entries) {
    const change = entry.name.endsWith("/") ? undefined : pending.take(partKey(entry.name));
    if (change === undefined) {
      pkg.compressedRange(entry); // its bytes lie within the file (checked before anything is written)
      add(untouched(pkg, entry), entry);
      continue;
    }
    const kept = untouched(pkg, entry);
    const f = fresh(change.name, change.content, entry.method === 0, when, kept.nameBytes, kept.flags);
    f.entry.externalAttributes = kept.externalAttributes;
    f.entry.versionMadeBy = kept.versionMadeBy;
    add(f.entry, f.data);
  }
  for (const [name, content] of pending.entries()) {
    const f = fresh(name, content, false, when);
    add(f.entry, f.data);
  }
  const directoryOffset = offset;
  let directorySize = 0;
  for (const e of written) {
    const h = centralHeader(e, force);
    out.push(h);
    directorySize += h.length;
  }
  out.push(endRecords(written.length, directorySize, directoryOffset, force));
  return out;
}

/**
 * rewriteZip written to `outputPath` (the temporary file safeWrite.ts hands out). Untouched entries
 * are copied a megabyte at a time from the package, so a package read from its file is never held whole.
 */
export async function writeRewrittenZip(pkg: ZipPackage, changes: PartChanges, outputPath: string, options: ZipRewriteOptions = {}): Promise<void> {
  const pieces = rewritePieces(pkg, changes, options);
  const file = await fs.promises.open(outputPath, "w");
  try {
    let batch: Buffer[] = [];
    for (const piece of pieces) {
      if (Buffer.isBuffer(piece)) {
        batch.push(piece);
        if (batch.length < 512) continue;
      } else {
        // A megabyte at a time: at most one piece of a large entry is held.
        for (const part of pkg.compressedPieces(piece)) {
          batch.push(part);
          await writeAll(file, batch);
          batch = [];
        }
      }
      await writeAll(file, batch);
      batch = [];
    }
    await writeAll(file, batch);
  } finally {
    await file.close();
  }
}

/**
 * Writes buffers in order: writev takes at most IOV_MAX (1,024 on Linux) buffers at a time, and may
 * write less than asked (Linux writes at most 0x7ffff000 bytes a call): what is left is written again.
 */
async function writeAll(file: fs.promises.FileHandle, buffers: readonly Buffer[]): Promise<void> {
  let pending = buffers.filter((b) => b.length > 0);
  while (pending.length > 0) {
    const batch = pending.slice(0, 512);
    let { bytesWritten } = await file.writev(batch);
    let done = 0;
    while (done < batch.length && bytesWritten >= batch[done].length) bytesWritten -= batch[done++].length;
    const rest = pending.slice(done);
    if (bytesWritten > 0) rest[0] = rest[0].subarray(bytesWritten);
    pending = rest;
  }
}
