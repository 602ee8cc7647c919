/**
 * CSV reading (issue 14, item 5): issues on the row they belong to, never a silent column shift,
 * encodings detected, decimal commas converted. Expected values are written out by hand.
 */
import fc from "fast-check";
import { decodeCsvBytes, parseCsv, readCsvBytes, readCsvText } from "../../src/files/csv";

const isIssue = (cell: unknown): boolean => typeof cell === "object" && cell !== null && "reason" in cell;

describe("rows with an issue", () => {
  it("a quote never closed is an issue on its row; the rest of the file is still read", () => {
    const csv = readCsvText('Claim,Payer,Charge\nC1,"Aetna,100\nC2,Cigna,50\nC3,Humana,75\n', "claims");
    expect(csv.grid[0]).toEqual(["Claim", "Payer", "Charge"]);
    expect(csv.grid[1].every(isIssue)).toBe(true);
    expect(csv.grid[2]).toEqual(["C2", "Cigna", "50"]);
    expect(csv.grid[3]).toEqual(["C3", "Humana", "75"]);
    expect(csv.notes).toEqual(["claims row 2 (line 2): a quote opened on this row is never closed: the row was read as plain text"]);
  });

  it("a quoted field with a line break is one field, and the row count follows", () => {
    expect(parseCsv('a,b\n"line 1\nline 2",x\nc,d')).toEqual([["a", "b"], ["line 1\nline 2", "x"], ["c", "d"]]);
  });

  it("a row with more fields than the header is an issue on that row (no silent column shift)", () => {
    const csv = readCsvText("Claim,Payer,Charge\nC1,Smith, Jones Clinic,100\nC2,Cigna,50\n", "claims");
    expect(csv.grid[1].every(isIssue)).toBe(true);
    expect(csv.grid[2]).toEqual(["C2", "Cigna", "50"]);
    expect(csv.notes[0]).toBe("claims row 2 (line 2): 4 fields where the header has 3: a separator inside an unquoted field? The columns may be shifted");
  });

  it("trailing empty fields (OpenEMR ends every line with a comma) are not an issue", () => {
    const csv = readCsvText("Claim,Payer,Charge,\nC1,Cigna,50,\nC2,Aetna,60,,\n", "openemr");
    expect(csv.notes).toEqual([]);
    expect(csv.grid[1]).toEqual(["C1", "Cigna", "50", ""]);
  });

  it("a title line above the header does not count as the header", () => {
    const csv = readCsvText("Claims export\nClaim,Payer\nC1,Cigna\n", "t");
    expect(csv.notes).toEqual([]);
  });
});

describe("encodings", () => {
  it("Windows-1252 bytes (not valid UTF-8) are decoded as Windows-1252, and said", () => {
    // "Société Générale" with é = 0xE9 in Windows-1252; "€" = 0x80.
    const bytes = Buffer.concat([Buffer.from("Payer,Amount\nSoci"), Buffer.from([0xe9]), Buffer.from("t"), Buffer.from([0xe9]), Buffer.from(" G"), Buffer.from([0xe9]), Buffer.from("n"), Buffer.from([0xe9]), Buffer.from("rale,"), Buffer.from([0x80]), Buffer.from("5\n")]);
    const csv = readCsvBytes(bytes, "payers");
    expect(csv.encoding).toBe("Windows-1252");
    expect(csv.grid[1]).toEqual(["Société Générale", "€5"]);
    expect(csv.notes[0]).toMatch(/not UTF-8; read as Windows-1252/);
  });

  it("UTF-8 with and without a byte-order mark, and UTF-16 LE with one", () => {
    expect(decodeCsvBytes(Buffer.from("\ufeffCafé", "utf8"))).toEqual({ text: "Café", encoding: "UTF-8 (with byte-order mark)" });
    expect(decodeCsvBytes(Buffer.from("Café", "utf8"))).toEqual({ text: "Café", encoding: "UTF-8" });
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Café", "utf16le")]))).toEqual({ text: "Café", encoding: "UTF-16 LE" });
  });
});

describe("decimal commas", () => {
  it("a semicolon export with decimal commas: 1.234,50 → 1234.50, 12,5 → 12.5; dates and ids untouched", () => {
    const csv = readCsvText("Claim;DOS;Charge;Paid\nA-1;10.05.2026;1.234,50;12,5\nA-2;11.05.2026;100,00;0\n", "eu");
    expect(csv.decimalComma).toBe(true);
    expect(csv.grid[1]).toEqual(["A-1", "10.05.2026", "1234.50", "12.5"]);
    expect(csv.grid[2]).toEqual(["A-2", "11.05.2026", "100.00", "0"]);
    expect(csv.notes[0]).toMatch(/decimal comma \("1\.234,50"\): read as 1234\.50 \(3 cells\)/);
  });

  it("a comma export with decimal points is left as it is", () => {
    const csv = readCsvText("Claim,Charge\nA,1234.50\nB,12.50\n", "us");
    expect(csv.decimalComma).toBe(false);
    expect(csv.grid[1]).toEqual(["A", "1234.50"]);
  });

  it("a semicolon export with decimal points is left as it is", () => {
    const csv = readCsvText("Claim;Charge\nA;1234.50\nB;1.234\n", "us2");
    expect(csv.decimalComma).toBe(false);
    expect(csv.grid[2]).toEqual(["B", "1.234"]);
  });
});

it("property: any grid written as RFC 4180 CSV reads back unchanged, with no issue", () => {
  const field = fc.string({ unit: fc.constantFrom("a", "Z", "1", ",", '"', "\n", "\r\n", " ", "é", "-") , maxLength: 8 });
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 5 }).chain((w) => fc.array(fc.array(field, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })), (rows) => {
      const quote = (f: string): string => (/[",\r\n]/.test(f) || f === "" ? `"${f.replace(/"/g, '""')}"` : f);
      const header = rows[0].map((_f, k) => `Col${k}`);
      const text = [header, ...rows].map((r) => r.map(quote).join(",")).join("\r\n");
      const csv = readCsvText(text, "p");
      expect(csv.grid).toEqual([header, ...rows]);
      expect(csv.notes).toEqual([]);
    }),
    { numRuns: 200 },
  );
});
