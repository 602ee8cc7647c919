#!/usr/bin/env node
// Generates the add-in icons assets/icon-{16,32,64,80,128}.png: a teal square with a lighter
// ledger page on it, ruled with teal lines and a red margin line. Pure Node (zlib), no image
// library; the output is deterministic, so regenerating gives byte-identical files.
// Usage: node scripts/make-icons.mjs [outputDir]   (default: assets/ beside this script's parent)

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128];

const TEAL = [0x0f, 0x6e, 0x6e, 0xff];
const PAGE = [0xe8, 0xf4, 0xf2, 0xff];
const RULE = [0x5a, 0x9e, 0x9a, 0xff];
const MARGIN = [0xc8, 0x3c, 0x3c, 0xff];
const CLEAR = [0, 0, 0, 0];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Colour of pixel (x, y) of an icon of `size` px. */
function pixel(size, x, y) {
  // Rounded corners of the teal square: radius 1/8 of the size.
  const r = Math.max(2, Math.round(size / 8));
  const cx = x < r ? r - 0.5 : x >= size - r ? size - r - 0.5 : x;
  const cy = y < r ? r - 0.5 : y >= size - r ? size - r - 0.5 : y;
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;

  // Ledger page: inset 3/16 left/right, 1/8 top/bottom.
  const left = Math.round((size * 3) / 16);
  const right = size - left;
  const top = Math.round(size / 8);
  const bottom = size - top;
  if (x < left || x >= right || y < top || y >= bottom) return TEAL;

  const line = Math.max(1, Math.round(size / 32));
  // Red margin line a quarter of the way into the page.
  const marginX = left + Math.round((right - left) / 4);
  if (x >= marginX && x < marginX + line) return MARGIN;
  // Four ruled lines, evenly spaced.
  const pitch = (bottom - top) / 5;
  for (let i = 1; i <= 4; i++) {
    const ruleY = Math.round(top + i * pitch);
    if (y >= ruleY && y < ruleY + line) return RULE;
  }
  return PAGE;
}

/** PNG file (8-bit RGBA, no interlace) of the icon at `size` px. */
export function iconPng(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4);
    raw[row] = 0; // filter type None
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(size, x, y);
      const at = row + 1 + x * 4;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
      raw[at + 3] = a;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const outDir = resolve(process.argv[2] ?? join(root, "assets"));
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, iconPng(size));
    console.log(`wrote ${file}`);
  }
}
