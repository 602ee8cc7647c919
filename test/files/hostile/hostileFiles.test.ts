/**
 * Hostile and damaged files (issue 14): each case is generated here (small), run through the real
 * command line in a child process with a 512 MB heap, and must end with the expected exit code and
 * message, within 20 s and 512 MB of peak memory (resident set size reported by the child).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unzipSync, zipSync } from "fflate";
import { writeAdvancedMdXlsx } from "../../pipeline/fixtures/advancedMdBook";
import { makePackage, sheetXml } from "./makePackage";

const REPO = path.resolve(__dirname, "..", "..", "..");
const RUNNER = path.join(__dirname, "runCli.js");
const LIMIT_MB = 512;
const LIMIT_MS = 20_000;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pl-hostile-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  message: string;
  peakMb: number;
  ms: number;
}

function runCli(file: string): Outcome {
  const started = Date.now();
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${LIMIT_MB}`, RUNNER, "report", file, "--as-of", "2026-10-31", "--out", path.join(dir, "out.xlsx"), "--quiet"],
    { cwd: REPO, encoding: "utf8", timeout: LIMIT_MS + 10_000 },
  );
  const ms = Date.now() - started;
  const peak = /PEAK_RSS_MB (\d+)/.exec(child.stderr ?? "");
  return {
    code: child.status,
    message: (child.stderr ?? "").replace(/\n?PEAK_RSS_MB \d+\n?/, "").trim(),
    peakMb: peak === null ? Infinity : Number(peak[1]),
    ms,
  };
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A buffer of `size` spaces with `head` before and `tail` after. */
function padded(head: string, size: number, tail: string): Uint8Array {
  const h = Buffer.from(head);
  const t = Buffer.from(tail);
  const out = Buffer.alloc(h.length + size + t.length, 0x20);
  h.copy(out, 0);
  t.copy(out, h.length + size);
  return out;
}

interface Case {
  name: string;
  make: () => Promise<string> | string;
  code: number;
  message: RegExp;
}

const CASES: Case[] = [
  {
    name: "a reference ZZZZZZ22 (past column XFD) in a tiny file",
    make: () => write("columns.xlsx", makePackage(sheetXml('<row r="22"><c r="ZZZZZZ22"><v>1</v></c></row>'))),
    code: 1,
    message: /^practice-ledger: columns\.xlsx: sheet "Claims" has a cell reference past column XFD/,
  },
  {
    name: 'a row r="2000000000" in a tiny file',
    make: () => write("rows.xlsx", makePackage(sheetXml('<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>'))),
    code: 1,
    message: /^practice-ledger: rows\.xlsx: sheet "Claims" has a row numbered 2000000000, past Excel's limit of 1,048,576 rows/,
  },
  {
    name: "a bomb of 1,100,000 empty rows (a few KB compressed)",
    make: () => write("row-bomb.xlsx", makePackage(sheetXml("<row/>".repeat(1_100_000)))),
    code: 1,
    message: /row-bomb\.xlsx: sheet "Claims" has a row numbered 1048577, past Excel's limit/,
  },
  {
    name: "five sheets each reaching row 1,048,576 (a few KB): more rows than four full sheets",
    make: () => {
      const sheet = sheetXml('<row r="1048576"><c r="A1048576"><v>1</v></c></row>');
      const files: Record<string, Uint8Array> = {};
      for (const [name, bytes] of Object.entries(unzipSync(makePackage(sheet)))) files[name] = bytes;
      const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
      const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
      const ids = [1, 2, 3, 4, 5];
      files["xl/workbook.xml"] = Buffer.from(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${ids.map((k) => `<sheet name="S${k}" sheetId="${k}" r:id="rId${k}"/>`).join("")}</sheets></workbook>`);
      files["xl/_rels/workbook.xml.rels"] = Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids.map((k) => `<Relationship Id="rId${k}" Type="${REL}/worksheet" Target="worksheets/sheet${k}.xml"/>`).join("")}</Relationships>`);
      for (const k of ids) files[`xl/worksheets/sheet${k}.xml`] = Buffer.from(sheet);
      return write("tall.xlsx", zipSync(files, { level: 9 }));
    },
    code: 1,
    message: /^practice-ledger: tall\.xlsx: more than 4,194,304 rows in all its sheets/,
  },
  {
    name: "a bomb of 100 MB of whitespace inside sheetData",
    make: () => write("space-bomb.xlsx", makePackage(padded('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>', 100 * 1024 * 1024, "</sheetData></worksheet>"))),
    code: 1,
    message: /space-bomb\.xlsx: sheet "Claims" holds more than 67,108,864 characters of XML without a complete row/,
  },
  {
    name: "one row of 16,384 inline-string cells (about 3 MB across many chunks): read in linear time",
    make: () => {
      const cells = Array.from({ length: 16384 }, (_, k) => `<c t="inlineStr"><is><t>${"note ".repeat(30)}${k}</t></is></c>`).join("");
      return write("wide.xlsx", makePackage(sheetXml(`<row r="1">${cells}</row>`)));
    },
    code: 1,
    message: /^practice-ledger: wide\.xlsx: no sheet has a header row/,
  },
  {
    name: "a workbook.xml declaring 2 GB inflated (refused before inflating)",
    make: () => {
      const bytes = makePackage(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'));
      // Central directory entry of xl/workbook.xml: its uncompressed size is at +24 (APPNOTE 4.3.12).
      const cd = bytes.lastIndexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), bytes.lastIndexOf("xl/workbook.xml"));
      bytes.writeUInt32LE(0x7fffffff, cd + 24);
      return write("huge-workbook.xlsx", bytes);
    },
    code: 1,
    message: /^practice-ledger: huge-workbook\.xlsx: the part xl\/workbook\.xml inflates to 2,147,483,647 bytes, more than the 268,435,456 this reader accepts/,
  },
  {
    name: "not a zip at all",
    make: () => write("text.xlsx", Buffer.from("Claim ID,Amount\n1,2\n")),
    code: 1,
    message: /^practice-ledger: text\.xlsx: not an \.xlsx workbook \(it is not a zip package\)/,
  },
  {
    name: "a password-protected workbook (OLE container, D0 CF 11 E0)",
    make: () => write("locked.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)])),
    code: 1,
    message: /^practice-ledger: locked\.xlsx: this workbook is password-protected/,
  },
  {
    name: "a zip cut short (no central directory)",
    make: () => {
      const whole = makePackage(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'));
      return write("cut.xlsx", whole.subarray(0, Math.floor(whole.length / 2)));
    },
    code: 1,
    message: /^practice-ledger: cut\.xlsx: the zip package is damaged \(no end of central directory\)/,
  },
  {
    name: "one digit changed inside the stored claims sheet: the CRC-32 check fails",
    make: async () => {
      const file = path.join(dir, "crc-source.xlsx");
      await writeAdvancedMdXlsx(file);
      const stored = Buffer.from(zipSync(unzipSync(fs.readFileSync(file)), { level: 0 }));
      const end = stored.indexOf("</sheetData>");
      const v = stored.lastIndexOf("<v>", end);
      stored[v + 3] = stored[v + 3] === 0x39 ? 0x38 : 0x39; // a digit made another digit: still valid XML
      return write("crc.xlsx", stored);
    },
    code: 1,
    message: /^practice-ledger: crc\.xlsx: the part xl\/worksheets\/sheet1\.xml is damaged \(CRC-32 check failed\)/,
  },
  {
    name: "8 bytes flipped inside the deflated claims sheet",
    make: async () => {
      const file = path.join(dir, "flip-source.xlsx");
      await writeAdvancedMdXlsx(file);
      const parts = unzipSync(fs.readFileSync(file));
      const bytes = Buffer.from(zipSync(parts, { level: 6 }));
      const name = bytes.indexOf("xl/worksheets/sheet1.xml"); // the local header's name
      for (let k = 0; k < 8; k++) bytes[name + 200 + k] ^= 0xff;
      return write("flipped.xlsx", bytes);
    },
    code: 1,
    message: /^practice-ledger: flipped\.xlsx: the part xl\/worksheets\/sheet1\.xml is damaged/,
  },
];

describe("hostile and damaged files: a clear message, a non-zero exit, bounded time and memory", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const file = await c.make();
    const outcome = runCli(file);
    if (process.env.HOSTILE_LOG !== undefined) fs.appendFileSync(process.env.HOSTILE_LOG, `${c.name}: ${outcome.ms} ms, ${outcome.peakMb} MB\n`);
    expect(outcome.message).toMatch(c.message);
    expect(outcome.code).toBe(c.code);
    expect(outcome.ms).toBeLessThan(LIMIT_MS);
    expect(outcome.peakMb).toBeLessThan(LIMIT_MB);
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  }, 60_000);
});
