/**
 * A CSV read row by row (issue 13: memory flat as the file grows) gives exactly what the whole read
 * gives: every row of readCsvBytes(whole file).grid in order, and its notes, whatever the part size
 * (down to 1 byte, so every multi-byte character, CRLF, doubled quote and BOM is cut somewhere).
 * The reference is the whole read, whose own behaviour is pinned by hand in csv.test.ts.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { CsvTokenizer, ReadAgain, readCsvBytes, type CsvRow, type LongRows } from "../../src/files/csv";
import { openCsvRows } from "../../src/files/csvRows";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csvrows-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let fileNumber = 0;

function written(bytes: Uint8Array): string {
  const file = path.join(dir, `f${fileNumber++}.csv`);
  fs.writeFileSync(file, bytes);
  return file;
}

async function streamed(file: string, sheet: string, partBytes: number): Promise<{ grid: unknown[][]; notes: string[]; rows: number }> {
  const csv = await openCsvRows(file, sheet, { partBytes });
  const grid: unknown[][] = [];
  const read = await csv.forEachRow((index, cells) => {
    expect(index).toBe(grid.length);
    grid.push([...cells]);
  });
  return { grid, notes: read.notes, rows: read.rows };
}

/** The notes the whole read gives that concern the first n rows (the file's, and the rows' own). */
function headNotes(notes: readonly string[], sheet: string, n: number): string[] {
  return notes.filter((note) => {
    const m = new RegExp(`^${sheet} row (\\d+) \\(line \\d+\\): `).exec(note);
    return m === null || Number(m[1]) <= n;
  });
}

/** Both ways agree on a file: forEachRow (twice), head(n), the properties. */
async function expectSameBothWays(bytes: Uint8Array, partBytes: number, headRows: number, holdRowCharacters?: number): Promise<void> {
  const sheet = "export";
  const whole = readCsvBytes(bytes, sheet);
  const file = written(bytes);
  const csv = await openCsvRows(file, sheet, { partBytes, holdRowCharacters });
  expect(csv.encoding).toBe(whole.encoding);
  expect(csv.delimiter).toBe(whole.delimiter);
  expect(csv.decimalComma).toBe(whole.decimalComma);
  expect(csv.rows).toBe(whole.grid.length);
  for (let pass = 0; pass < 2; pass++) {
    const grid: unknown[][] = [];
    const read = await csv.forEachRow((index, cells) => {
      expect(index).toBe(grid.length);
      grid.push([...cells]);
    });
    expect(grid).toEqual(whole.grid);
    expect(read.rows).toBe(whole.grid.length);
    expect(read.notes).toEqual(whole.notes);
  }
  const head = await csv.head(headRows);
  expect(head.name).toBe(sheet);
  expect(head.grid).toEqual(whole.grid.slice(0, headRows));
  const notes = headNotes(whole.notes, sheet, headRows);
  expect(head.notes).toEqual(notes.length > 0 ? notes : undefined);
}

// Pieces of text the random files are made of: separators, quotes, line ends, amounts both ways,
// accented letters and Windows-1252's 0x80–0x9F characters.
const UNIT = fc.constantFrom(
  "a", "Z", "1", "0", " ", ",", ",", ";", ";", "\t", '"', '"', '""', "\n", "\n", "\r", "\r\n",
  "12,50", "1.234,50", "-3,00", "12.50", "1,234.50", "1.234", "é", "€", "’", "\u0081", "Claims export",
);
const TEXT = fc.array(UNIT, { maxLength: 60 }).map((u) => u.join(""));

/** A header and rows of one separator, amounts with decimal commas or points, sometimes a title line and wider rows. */
const TABLE = fc
  .record({
    sep: fc.constantFrom(",", ";", "\t"),
    eol: fc.constantFrom("\n", "\r\n", "\r"),
    title: fc.boolean(),
    rows: fc.array(fc.array(fc.constantFrom("C1", "Aetna", "12,50", "1.234,50", "12.50", "", '"a;b,c"', '"x\r\ny"', '"He said ""hi"""', "Société"), { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
  })
  .map(({ sep, eol, title, rows }) => [...(title ? ["Claims export"] : []), ["Claim", "Payer", "Charge", "Paid"].join(sep), ...rows.map((r) => r.join(sep))].join(eol));

type Encoding = "utf8" | "utf8bom" | "utf16le" | "utf16be" | "cp1252";
const CP1252: Record<string, number> = { "é": 0xe9, "€": 0x80, "’": 0x92, "\u0081": 0x81 };

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8bom":
      return Buffer.from(`\ufeff${text}`, "utf8");
    case "utf16le":
      return Buffer.from(`\ufeff${text}`, "utf16le");
    case "utf16be":
      return Buffer.from(`\ufeff${text}`, "utf16le").swap16();
    case "cp1252":
      return Uint8Array.from(Array.from(text, (c) => CP1252[c] ?? c.charCodeAt(0)));
  }
}

const ENCODING = fc.constantFrom<Encoding>("utf8", "utf8bom", "utf16le", "utf16be", "cp1252");
const PART = fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 9, max: 300 }), fc.constant(1024 * 1024));
/** Characters of a row held without knowing how it ends: small, so rows are often learnt and the file read again. */
const HOLD = fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined });

describe("forEachRow and head give the whole read's rows and notes", () => {
  it("property: random texts (quotes never closed, CR/LF/CRLF, decimal commas) in every encoding, read in parts of any size", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(TEXT, TABLE), ENCODING, PART, fc.integer({ min: 0, max: 12 }), HOLD, async (text, encoding, part, head, hold) => {
        await expectSameBothWays(encode(text, encoding), part, head, hold);
      }),
      { numRuns: 300 },
    );
  });

  it("property: random bytes (invalid UTF-8 anywhere, byte-order marks, odd UTF-16 lengths)", async () => {
    const BYTE = fc.constantFrom(0x22, 0x2c, 0x3b, 0x09, 0x0a, 0x0d, 0x61, 0x31, 0x2e, 0x20, 0xe9, 0x80, 0x9f, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x00);
    await fc.assert(
      fc.asyncProperty(fc.array(BYTE, { maxLength: 80 }), PART, fc.integer({ min: 0, max: 6 }), HOLD, async (bytes, part, head, hold) => {
        await expectSameBothWays(Uint8Array.from(bytes), part, head, hold);
      }),
      { numRuns: 300 },
    );
  });

  it("property: the separator decided from the first 200 lines (blank lines before the table, the 200th line cut anywhere)", async () => {
    const BLANK = fc.constantFrom("\n", "\r", "\r\n", " \n");
    await fc.assert(
      fc.asyncProperty(fc.array(BLANK, { minLength: 190, maxLength: 215 }), TABLE, PART, async (blanks, table, part) => {
        await expectSameBothWays(Buffer.from(`${blanks.join("")}a;b;c\n${table}`, "utf8"), part, 3);
      }),
      { numRuns: 40 },
    );
    // The 200th line is the only one with a separator, its line break cut by the part's end or not.
    for (const blanks of [198, 199, 200, 201]) {
      for (const part of [1, 3, 64, 396, 397, 398, 399, 400, 401, 1024 * 1024]) {
        await expectSameBothWays(Buffer.from(`${"\r\n".repeat(blanks)}a;b;c\r\nx,y\r\n`, "utf8"), part, 1);
      }
    }
  });

  it("rows longer than the tokenizer's 64 K retry threshold: a quote never closed, a long quoted field, a long unquoted line", async () => {
    const long = "x".repeat(150_000);
    const texts = [
      `Claim,Payer\nC1,"${long}\nC2,Aetna\n`,
      `Claim,Payer\nC1,"${long}\r\n""${long}"\nC2,Aetna`,
      `Claim,Payer\n${long},${long}\nC3,Cigna\r\n`,
      `Claim;Payer\n"${long}\n"x\n""${long.slice(0, 70_000)}`,
    ];
    for (const text of texts) {
      for (const part of [1000, 4096, 65_536, 1024 * 1024]) {
        await expectSameBothWays(Buffer.from(text, "utf8"), part, 2);
        await expectSameBothWays(Buffer.from(text, "utf8"), part, 2, 100_000);
      }
    }
  });

  it("an empty file: no rows, no notes", async () => {
    await expectSameBothWays(new Uint8Array(0), 1, 3);
    await expectSameBothWays(Uint8Array.from([0xef, 0xbb, 0xbf]), 1, 3);
  });
});

describe("the CSV fixtures under test/ read the same both ways", () => {
  const fixtures: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.toLowerCase().endsWith(".csv")) fixtures.push(path.join(d, e.name));
    }
  };
  walk(path.join(__dirname, ".."));

  it("finds the Kareo, athenahealth and OpenEMR exports", () => {
    expect(fixtures.map((f) => path.basename(f))).toEqual(expect.arrayContaining(["kareo-claims.csv", "athena-claims.csv", "openemr-collections.csv"]));
  });

  it.each(fixtures.map((f) => [path.relative(path.join(__dirname, ".."), f), f]))("%s", async (_name, file) => {
    const bytes = fs.readFileSync(file);
    const sheet = path.basename(file, ".csv");
    const whole = readCsvBytes(bytes, sheet);
    for (const part of [1, 7, 4096, 1024 * 1024]) {
      const read = await streamed(file, sheet, part);
      expect(read.grid).toEqual(whole.grid);
      expect(read.notes).toEqual(whole.notes);
      expect(read.rows).toBe(whole.grid.length);
    }
  });
});

describe("the host's side", () => {
  it("an error thrown by onRow comes out as it is, and the file can be read again", async () => {
    const file = written(Buffer.from("Claim,Payer\nC1,Aetna\nC2,Cigna\n"));
    const csv = await openCsvRows(file, "claims", { partBytes: 5 });
    const boom = new Error("host stopped");
    await expect(
      csv.forEachRow((index) => {
        if (index === 1) throw boom;
      }),
    ).rejects.toBe(boom);
    expect((await streamed(file, "claims", 5)).grid).toEqual([["Claim", "Payer"], ["C1", "Aetna"], ["C2", "Cigna"]]);
  });

  it("a file written to after it was opened (an export still being written) is refused, not read with other rows", async () => {
    const file = written(Buffer.from("Claim,Payer\nC1,Aetna\n"));
    const csv = await openCsvRows(file, "claims");
    fs.appendFileSync(file, "C2,Cigna\n");
    await expect(csv.forEachRow(() => undefined)).rejects.toThrow(/^f\d+\.csv: the file changed while it was being read/);
  });

  it("a missing file is refused when opened", async () => {
    await expect(openCsvRows(path.join(dir, "none.csv"), "none")).rejects.toThrow(/ENOENT/);
  });
});

describe("rows too long to hold are learnt without their text", () => {
  /** Reads text one character at a time holding `hold` characters, again until nothing new is learnt: the rows and what was learnt. */
  function learnt(text: string, hold: number): { rows: CsvRow[]; known: LongRows; readings: number } {
    const known: LongRows = { unterminated: new Set(), ending: new Set() };
    for (let readings = 1; ; readings++) {
      const rows: CsvRow[] = [];
      const tokenizer = new CsvTokenizer(",", (r) => rows.push(r), { known, holdCharacters: hold });
      try {
        for (const c of text) tokenizer.push(c);
        tokenizer.end();
        return { rows, known, readings };
      } catch (e) {
        if (!(e instanceof ReadAgain)) throw e;
      }
    }
  }

  it("a quote never closed (doubled quotes after it) is learnt as such; a long quoted field that closes, as a row that ends", () => {
    // Row 1 ("a""b…): its quote is followed by a doubled quote only, so it never closes (read as its first line).
    const never = learnt('"a""b\nc,d\ne', 2);
    expect([...never.known.unterminated]).toEqual([0]);
    expect(never.rows.map((r) => r.fields)).toEqual([['"a""b'], ["c", "d"], ["e"]]);
    // Row 1 ends at the quote closing on line 2 ("a""b\nc"), the next rows are short: learnt as ending, held whole.
    const closes = learnt('"a""b\nc",x\ny', 4);
    expect([...closes.known.ending]).toEqual([0]);
    expect([...closes.known.unterminated]).toEqual([]);
    expect(closes.rows.map((r) => r.fields)).toEqual([['a"b\nc', "x"], ["y"]]);
    expect(closes.readings).toBe(2);
  });
});
