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
import { Readable, pipeline } from "node:stream";

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
  /** Where its central-directory record starts in the file. */
  centralHeaderOffset: number;
  /** Its central-directory record as stored (zipRewrite.ts copies its date, time, name bytes and attributes from it). */
  central: Buffer;
}

/**
 * Where a package's bytes are: in memory, or in a file read piece by piece when needed, so that
 * reading a 94 MB workbook does not hold 94 MB (issue 13: memory flat as the file grows).
 */
export interface PackageBytes {
  readonly size: number;
  /** `length` bytes from `at` (a view of bytes in memory; a copy read from a file). */
  read(at: number, length: number): Buffer;
  /** The bytes from `at` up to `end`, in pieces of at most `piece` bytes. */
  pieces(at: number, end: number, piece: number): Iterable<Buffer>;
  /** Lets go of the file (nothing for bytes in memory). */
  close(): void;
}

/** A package's bytes held in memory. */
class BytesInMemory implements PackageBytes {
  constructor(readonly whole: Buffer) {}
  get size(): number {
    return this.whole.length;
  }
  read(at: number, length: number): Buffer {
    return this.whole.subarray(at, Math.min(this.whole.length, at + length));
  }
  *pieces(at: number, end: number, piece: number): Iterable<Buffer> {
    for (let p = at; p < end; p += piece) yield this.whole.subarray(p, Math.min(end, p + piece));
  }
  close(): void {}
}

/** A package's bytes read from an open file as they are needed (positional reads). */
class BytesInFile implements PackageBytes {
  private fd: number | null;
  constructor(fd: number, readonly size: number, private readonly label: string) {
    this.fd = fd;
  }
  read(at: number, length: number): Buffer {
    const want = Math.max(0, Math.min(length, this.size - at));
    const out = Buffer.allocUnsafe(want);
    let done = 0;
    while (done < want) {
      const n = fs.readSync(this.open(), out, done, want - done, at + done);
      if (n === 0) break;
      done += n;
    }
    return done === want ? out : out.subarray(0, done);
  }
  *pieces(at: number, end: number, piece: number): Iterable<Buffer> {
    for (let p = at; p < end; p += piece) yield this.read(p, Math.min(piece, end - p));
  }
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
  private open(): number {
    if (this.fd === null) throw new UnreadableFileError(`${this.label}: the file was closed while it was being read`);
    return this.fd;
  }
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
    /** The package's bytes, in memory or in its file (zipRewrite.ts copies untouched entries' compressed bytes out of them). */
    readonly source: PackageBytes,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const e of entries) if (!e.name.endsWith("/") && !this.byKey.has(partKey(e.name))) this.byKey.set(partKey(e.name), e);
  }

  /** The whole package, when it is held in memory (a package read from a file holds only its directory). */
  get bytes(): Buffer {
    if (this.source instanceof BytesInMemory) return this.source.whole;
    throw new Error(`${this.label}: the package is read from its file, not held in memory`);
  }

  /** Closes the file a package is read from (nothing for one in memory); no part can be read after. */
  close(): void {
    this.source.close();
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

  /** Where the entry's compressed bytes lie (after its local header); checks that they lie within the file. */
  compressedRange(entry: ZipEntry): { start: number; end: number } {
    const at = entry.localHeaderOffset;
    const header = this.source.read(at, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) this.fail(entry, "its local header is missing");
    const start = at + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressedSize > this.source.size) this.fail(entry, "it runs past the end of the file");
    return { start, end: start + entry.compressedSize };
  }

  /** The entry's compressed bytes as stored (read whole: for small parts; see compressedPieces). */
  compressedBytes(entry: ZipEntry): Buffer {
    const { start, end } = this.compressedRange(entry);
    return this.source.read(start, end - start);
  }

  /** The entry's compressed bytes in pieces of at most 1 MB (a package in a file is read piece by piece). */
  compressedPieces(entry: ZipEntry): Iterable<Buffer> {
    const { start, end } = this.compressedRange(entry);
    return this.source.pieces(start, end, 1 << 20);
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
    let crc = 0;
    let size = 0;
    // An error thrown by `onBytes` (the reader's own, or its caller's) comes out as it is, never as damaged data.
    let fromReader: unknown = undefined;
    const take = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > entry.uncompressedSize) this.fail(entry, `it inflates to more than its declared ${entry.uncompressedSize.toLocaleString("en-US")} bytes`);
      crc = zlib.crc32(chunk, crc);
      try {
        onBytes(chunk);
      } catch (e) {
        fromReader = e;
        throw e;
      }
    };
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) this.fail(entry, "its stored size does not match");
      for (const piece of this.compressedPieces(entry)) take(piece);
    } else if (entry.method === 8) {
      // zlib inflates on libuv's thread pool; holding up to 4 MB of inflated chunks ahead (instead
      // of the stream's default 16 KB, i.e. none) lets it inflate the next chunks while this thread
      // scans the last one. Zlib streams take the stream options (Node's zlib.js passes them on).
      const options: zlib.ZlibOptions & { readableHighWaterMark: number } = { chunkSize: 1 << 20, readableHighWaterMark: 1 << 22 };
      const inflater = zlib.createInflateRaw(options);
      if (this.source instanceof BytesInMemory) inflater.end(this.compressedBytes(entry));
      // From a file, the compressed bytes are read a megabyte at a time as the inflater takes them
      // (a read error ends the inflater with it, and the loop below reports it).
      else pipeline(Readable.from(this.compressedPieces(entry)), inflater, () => undefined);
      try {
        for await (const chunk of inflater as AsyncIterable<Buffer>) take(chunk);
      } catch (e) {
        if (e instanceof UnreadableFileError || (e === fromReader && e !== undefined)) {
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
  return packageOf(new BytesInMemory(bytes), label);
}

/** Reads the central directory of a package, wherever its bytes are. */
function packageOf(source: PackageBytes, label: string): ZipPackage {
  const size = source.size;
  const first = source.read(0, 8);
  if (size < 22 || first.readUInt32LE(0) !== 0x04034b50) notAWorkbook(label, first);
  const tailStart = Math.max(0, size - 22 - 65535);
  const tail = source.read(tailStart, size - tailStart);
  let eocd = -1;
  for (let p = tail.length - 22; p >= 0; p--) {
    if (tail.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  const damaged = (what: string): never => {
    throw new UnreadableFileError(`${label}: the zip package is damaged (${what}); the file may be cut short. Use an undamaged copy or save it again in Excel`);
  };
  if (eocd < 0) damaged("no end of central directory");
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z = Number(tail.readBigUInt64LE(eocd - 20 + 8));
    const record = z + 56 > size ? Buffer.alloc(0) : source.read(z, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50) damaged("bad zip64 end of central directory");
    count = Number(record.readBigUInt64LE(32));
    cdSize = Number(record.readBigUInt64LE(40));
    cdOffset = Number(record.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size) damaged("the central directory runs past the end of the file");
  const cd = source.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) damaged(`central directory entry ${k + 1} is missing`);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const flags = cd.readUInt16LE(p + 8);
    // Names are UTF-8 when flag bit 11 is set, else code page 437; OPC part names are ASCII either way.
    const name = cd.toString(flags & 0x800 ? "utf8" : "latin1", p + 46, p + 46 + nameLength);
    const recordEnd = p + 46 + nameLength + extraLength + commentLength;
    const entry: ZipEntry = {
      name,
      flags,
      method: cd.readUInt16LE(p + 10),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
      centralHeaderOffset: cdOffset + p,
      central: cd.subarray(p, Math.min(cd.length, recordEnd)),
    };
    readZip64Extra(cd, p + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    p = recordEnd;
  }
  return new ZipPackage(label, source, entries);
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

/**
 * Opens an .xlsx from a path or its bytes; every error names the file. A path is read piece by
 * piece from the open file (close the package when done with it: ZipPackage.close).
 */
export async function readZipPackage(source: string | Uint8Array | ArrayBuffer, label?: string): Promise<ZipPackage> {
  const name = label ?? (typeof source === "string" ? path.basename(source) : "the workbook");
  if (typeof source !== "string") {
    const bytes = source instanceof ArrayBuffer ? Buffer.from(source) : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    return openZipPackage(bytes, name);
  }
  const file = openForReading(source, name);
  try {
    return packageOf(file, name);
  } catch (e) {
    file.close();
    throw e;
  }
}

/** Opens a file to read a package from it, with the same messages as reading it whole. */
function openForReading(file: string, name: string): BytesInFile {
  const cannot = (e: unknown): never => {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(`${name}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : `cannot be read (${code ?? (e as Error).message})`}`);
  };
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (e) {
    return cannot(e);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) cannot(Object.assign(new Error("is a folder"), { code: "EISDIR" }));
    return new BytesInFile(fd, stat.size, name);
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}
