/**
 * Reading an .xlsx package (a zip file) with every check a damaged or hostile file calls for:
 * the central directory is read by hand (APPNOTE.TXT 4.3.12, 4.3.16, zip64 4.3.14/4.5.3), each part
 * is inflated with Node's zlib through its public streaming API, and its CRC-32 and declared sizes
 * are checked (a flipped byte is an error naming the file and the part, never silently lost rows).
 * Part names are looked up as OPC names are compared: case-insensitively (ECMA-376 Part 2, 9.1.1.1)
 * and with backslashes read as slashes (some tools write `xl\workbook.xml`).
 *
 * Why not fflate or JSZip: fflate inflates in JavaScript (slower than zlib) and JSZip's public API
 * inflates whole parts into memory; this file needs streaming, a bound on inflated size, and the
 * checks, which zlib gives at native speed with `zlib.crc32` (Node 20.15+).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

/** A file that cannot be read as a workbook; the message names the file (and the part). */
export class UnreadableFileError extends Error {}

/** Bounds that keep a hostile file from taking all memory or time. */
export const PACKAGE_LIMITS = {
  /** A part read whole (workbook.xml, relationships, styles): 256 MB inflated. */
  wholePartBytes: 256 * 1024 * 1024,
  /** A streamed part (a worksheet, the shared strings): 4 GB inflated (a full 1,048,576-row sheet fits). */
  streamedPartBytes: 4 * 1024 * 1024 * 1024,
};

export interface ZipEntry {
  /** The entry's name as stored. */
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where its central-directory record starts (zipRewrite.ts copies its date, time and name bytes from there). */
  centralHeaderOffset: number;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OPC part name in the form used for look-ups: slashes, no leading slash, lower case. */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

export class ZipPackage {
  private readonly byKey = new Map<string, ZipEntry>();

  constructor(
    /** The file's name, for messages. */
    readonly label: string,
    /** The whole file (zipRewrite.ts copies untouched entries' compressed bytes out of it). */
    readonly bytes: Buffer,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const e of entries) if (!e.name.endsWith("/") && !this.byKey.has(partKey(e.name))) this.byKey.set(partKey(e.name), e);
  }

  /** The entry stored for an OPC part name (any case, either slash), or null. */
  entry(part: string): ZipEntry | null {
    return this.byKey.get(partKey(part)) ?? null;
  }

  /** The name as stored in the zip of the part named `part` (so edits replace it, not add a twin), or `part`. */
  storedName(part: string): string {
    return this.entry(part)?.name ?? part;
  }

  private fail(entry: ZipEntry, what: string): never {
    throw new UnreadableFileError(`${this.label}: the part ${entry.name} is damaged (${what}); the file cannot be read safely. Open it in Excel and save it again, or use an undamaged copy`);
  }

  /** The entry's compressed bytes as stored (after its local header); checks that they lie within the file. */
  compressedBytes(entry: ZipEntry): Buffer {
    const b = this.bytes;
    const at = entry.localHeaderOffset;
    if (at + 30 > b.length || b.readUInt32LE(at) !== 0x04034b50) this.fail(entry, "its local header is missing");
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    if (start + entry.compressedSize > b.length) this.fail(entry, "it runs past the end of the file");
    return b.subarray(start, start + entry.compressedSize);
  }

  /**
   * Feeds the inflated bytes of a part to `onBytes`, chunk by chunk, checking the CRC-32 and the
   * declared size, and refusing past `limit` inflated bytes. Returns false when there is no such part.
   */
  async forEachChunk(part: string, onBytes: (chunk: Buffer) => void, limit = PACKAGE_LIMITS.streamedPartBytes): Promise<boolean> {
    const entry = this.entry(part);
    if (entry === null) return false;
    if ((entry.flags & 1) !== 0) {
      throw new UnreadableFileError(`${this.label}: the part ${entry.name} is encrypted; remove the password in Excel and save the file again`);
    }
    if (entry.uncompressedSize > limit) this.tooLarge(entry, limit);
    const raw = this.compressedBytes(entry);
    let crc = 0;
    let size = 0;
    const take = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > entry.uncompressedSize) this.fail(entry, `it inflates to more than its declared ${entry.uncompressedSize.toLocaleString("en-US")} bytes`);
      crc = zlib.crc32(chunk, crc);
      onBytes(chunk);
    };
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) this.fail(entry, "its stored size does not match");
      for (let at = 0; at < raw.length; at += 1 << 20) take(raw.subarray(at, Math.min(raw.length, at + (1 << 20))));
    } else if (entry.method === 8) {
      // zlib inflates on libuv's thread pool; holding up to 4 MB of inflated chunks ahead (instead
      // of the stream's default 16 KB, i.e. none) lets it inflate the next chunks while this thread
      // scans the last one. Zlib streams take the stream options (Node's zlib.js passes them on).
      const options: zlib.ZlibOptions & { readableHighWaterMark: number } = { chunkSize: 1 << 20, readableHighWaterMark: 1 << 22 };
      const inflater = zlib.createInflateRaw(options);
      inflater.end(raw);
      try {
        for await (const chunk of inflater as AsyncIterable<Buffer>) take(chunk);
      } catch (e) {
        if (e instanceof UnreadableFileError) {
          inflater.destroy();
          throw e;
        }
        this.fail(entry, `its compressed data is invalid: ${(e as Error).message}`);
      }
    } else {
      throw new UnreadableFileError(`${this.label}: the part ${entry.name} uses compression method ${entry.method}, which Excel does not write; save the file again in Excel`);
    }
    if (size !== entry.uncompressedSize) this.fail(entry, `${size.toLocaleString("en-US")} bytes instead of the declared ${entry.uncompressedSize.toLocaleString("en-US")}`);
    if (crc >>> 0 !== entry.crc32 >>> 0) this.fail(entry, "CRC-32 check failed");
    return true;
  }

  private tooLarge(entry: ZipEntry, limit: number): never {
    throw new UnreadableFileError(
      `${this.label}: the part ${entry.name} inflates to ${entry.uncompressedSize.toLocaleString("en-US")} bytes, more than the ${limit.toLocaleString("en-US")} this reader accepts (a damaged or hostile file?)`,
    );
  }

  /** The whole inflated bytes of a (small) part, or null when there is none. */
  async readBytes(part: string, limit = PACKAGE_LIMITS.wholePartBytes): Promise<Buffer | null> {
    const chunks: Buffer[] = [];
    return (await this.forEachChunk(part, (c) => chunks.push(c), limit)) ? Buffer.concat(chunks) : null;
  }
}

function notAWorkbook(label: string, bytes: Buffer): never {
  if (bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new UnreadableFileError(
      `${label}: this workbook is password-protected (encrypted; Excel keeps such files in an OLE container), or it is an old-format .xls renamed. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) or save it as .xlsx, and run again`,
    );
  }
  throw new UnreadableFileError(`${label}: not an .xlsx workbook (it is not a zip package); save it from Excel as "Excel Workbook (*.xlsx)"`);
}

/** Reads the central directory of the zip in `bytes`. `label` names the file in messages. */
export function openZipPackage(bytes: Buffer, label: string): ZipPackage {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) notAWorkbook(label, bytes);
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 65535); p--) {
    if (bytes.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  const damaged = (what: string): never => {
    throw new UnreadableFileError(`${label}: the zip package is damaged (${what}); the file may be cut short. Use an undamaged copy or save it again in Excel`);
  };
  if (eocd < 0) damaged("no end of central directory");
  let count = bytes.readUInt16LE(eocd + 10);
  let cdSize = bytes.readUInt32LE(eocd + 12);
  let cdOffset = bytes.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) && eocd >= 20 && bytes.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z = Number(bytes.readBigUInt64LE(eocd - 20 + 8));
    if (z + 56 > bytes.length || bytes.readUInt32LE(z) !== 0x06064b50) damaged("bad zip64 end of central directory");
    count = Number(bytes.readBigUInt64LE(z + 32));
    cdSize = Number(bytes.readBigUInt64LE(z + 40));
    cdOffset = Number(bytes.readBigUInt64LE(z + 48));
  }
  if (cdOffset + cdSize > bytes.length) damaged("the central directory runs past the end of the file");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) damaged(`central directory entry ${k + 1} is missing`);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const flags = bytes.readUInt16LE(p + 8);
    // Names are UTF-8 when flag bit 11 is set, else code page 437; OPC part names are ASCII either way.
    const name = bytes.toString(flags & 0x800 ? "utf8" : "latin1", p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      flags,
      method: bytes.readUInt16LE(p + 10),
      crc32: bytes.readUInt32LE(p + 16),
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localHeaderOffset: bytes.readUInt32LE(p + 42),
      centralHeaderOffset: p,
    };
    readZip64Extra(bytes, p + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return new ZipPackage(label, bytes, entries);
}

/** Zip64 extended information (header 0x0001): the 64-bit values of the fields stored as 0xFFFFFFFF. */
function readZip64Extra(bytes: Buffer, from: number, length: number, entry: ZipEntry): void {
  let q = from;
  while (q + 4 <= from + length) {
    const id = bytes.readUInt16LE(q);
    const size = bytes.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = (): number => {
        const v = Number(bytes.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff && r + 8 <= q + 4 + size) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff && r + 8 <= q + 4 + size) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff && r + 8 <= q + 4 + size) entry.localHeaderOffset = next();
      return;
    }
    q += 4 + size;
  }
}

/** Opens an .xlsx from a path or its bytes; every error names the file. */
export async function readZipPackage(source: string | Uint8Array | ArrayBuffer, label?: string): Promise<ZipPackage> {
  const name = label ?? (typeof source === "string" ? path.basename(source) : "the workbook");
  let bytes: Buffer;
  if (typeof source === "string") {
    try {
      bytes = await fs.promises.readFile(source);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UnreadableFileError(`${name}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : `cannot be read (${code ?? (e as Error).message})`}`);
    }
  } else bytes = source instanceof ArrayBuffer ? Buffer.from(source) : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  return openZipPackage(bytes, name);
}
