import fc from "fast-check";
import { parseDate, parseMoney, type Parsed } from "../../../src/core/cells";
import { CLAIM_FIELDS, readClaimLines, type ClaimField, type RawClaimRow } from "../../../src/core/claims";
import { dayFromExcelSerial, dayFromYMD, excelSerialFromDay, isoFromDay, MAX_EXCEL_SERIAL } from "../../../src/core/dates";
import { centsFromDollars, formatCents } from "../../../src/core/money";

const everything = fc.anything({
  withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withNullPrototype: true, withObjectString: true,
  withSet: true, withSparseArray: true, withTypedArray: true, withUnicodeString: true,
});

/** A Parsed result of a well-formed shape. */
function wellFormed(p: Parsed<number>): boolean {
  if (p.kind === "blank") return true;
  if (p.kind === "value") return Number.isSafeInteger(p.value) && !Object.is(p.value, -0);
  return typeof p.message === "string" && p.message !== "" && typeof p.found === "string";
}

/** Cell values that look like what exports hold, to reach deep into the readers. */
const plausibleCell = fc.oneof(
  fc.constantFrom(null, undefined, "", " ", "#N/A", { error: "#DIV/0!" }, { type: "NA" }, { code: "#VALUE!" }, true, false,
    "(25.00)", "$1,234.50", "25.00-", "1 234,50", "abc", "2026-10-31", "10/31/2026", "31/10/2026", "2026-02-30", "Paid",
    "Partial", "Denied", "Lost", "26, 59", "LT RT", "0", "1", "-1", "99999999999999999999", Number.NaN, Infinity, 60),
  fc.integer({ min: -1_000_000, max: 3_000_000 }),
  fc.double(),
  fc.date(),
  fc.string(),
  everything,
);

describe("cell readers never throw (fast-check)", () => {
  it.each([
    ["fc.anything()", everything],
    ["fc.string()", fc.string()],
    ["fc.string() of amount characters", fc.string({ unit: fc.constantFrom(..."0123456789.,$()-+ e") })],
    ["fc.double()", fc.double()],
    ["fc.date()", fc.date()],
    ["fc.bigInt()", fc.bigInt()],
  ])("parseMoney and parseDate on %s", (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary as fc.Arbitrary<unknown>, (v) => {
        const m = parseMoney(v);
        const d = parseDate(v);
        expect(wellFormed(m)).toBe(true);
        expect(wellFormed(d)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("parseDate on date-like text never throws", () => {
    const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x));
    const text = fc.oneof(
      fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.tuple(digits(2), digits(2), digits(4)).map(([m, d, y]) => `${m}/${d}/${y}`),
      fc.tuple(digits(2), fc.constantFrom("Jan", "feb", "Sept", "Foo", "December"), digits(4)).map(([d, mon, y]) => `${d}-${mon}-${y}`),
      digits(8),
    );
    fc.assert(fc.property(text, (t) => {
      const p = parseDate(t);
      expect(wellFormed(p)).toBe(true);
      if (p.kind === "value") {
        // a date read from text lies in Excel's range, 1900-01-01 … 9999-12-31
        expect(excelSerialFromDay(p.value)).toBeGreaterThanOrEqual(1);
        expect(excelSerialFromDay(p.value)).toBeLessThanOrEqual(MAX_EXCEL_SERIAL);
      }
    }), { numRuns: 2000 });
  });
});

describe("readClaimLines never throws and always reconciles (fast-check)", () => {
  const rowsOf = (cell: fc.Arbitrary<unknown>) =>
    fc.array(fc.dictionary(fc.constantFrom(...CLAIM_FIELDS), cell, { maxKeys: CLAIM_FIELDS.length }), { maxLength: 30 })
      .map((cellsList): RawClaimRow[] => cellsList.map((cells, i) => ({ row: i + 2, cells: cells as Partial<Record<ClaimField, unknown>> })));

  it.each([
    ["fc.anything() cells", everything],
    ["plausible cells", plausibleCell],
  ])("on rows of %s", (_name, cell) => {
    fc.assert(
      fc.property(rowsOf(cell as fc.Arbitrary<unknown>), fc.boolean(), (rows, withPlaces) => {
        const r = withPlaces
          ? readClaimLines(rows, { sheet: "Claims", columns: { claimId: "A", charge: "D" } })
          : readClaimLines(rows);
        // rowsRead = lines + leftOut, and blank rows make up the rest
        expect(r.rowsRead).toBe(r.lines.length + r.leftOutRows.length);
        expect(r.rowsRead + r.blankRows).toBe(rows.length);
        const kept = new Set(r.lines.map((l) => l.row));
        for (const row of r.leftOutRows) {
          expect(kept.has(row)).toBe(false);
          expect(r.issues.some((i) => i.row === row && i.severity === "error" && typeof i.field === "string")).toBe(true);
        }
        for (const line of r.lines) {
          expect(r.issues.some((i) => i.row === line.row && i.severity === "error")).toBe(false);
          expect(Number.isSafeInteger(line.charge) && line.charge >= 0).toBe(true);
          expect(line.units > 0 && Number.isFinite(line.units)).toBe(true);
          expect(line.modifiers.length).toBeLessThanOrEqual(4);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("money round trips (fast-check)", () => {
  it("parseMoney(cents / 100) is exactly those cents for |cents| ≤ 1e13", () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
      const parsed = parseMoney(cents / 100);
      expect(parsed).toEqual({ kind: "value", value: cents === 0 ? 0 : cents });
    }), { numRuns: 5000 });
  });

  it("parseMoney(cents / 100) holds while doubles still tell cents apart (|dollars| < 2^46)", () => {
    // Below 2^46 ≈ 7.04e13 dollars a double's spacing is at most 2^-7 = 0.0078 < 0.01, so each
    // cents / 100 has its own double. Above it (up to the 9e13 dollars parseMoney accepts) two
    // amounts can share a double, e.g. 73403358016921.34 and .35: no reader can tell them apart,
    // which is why amounts that large should come as text.
    fc.assert(fc.property(fc.integer({ min: -7e15, max: 7e15 }), (cents) => {
      expect(parseMoney(cents / 100)).toEqual({ kind: "value", value: cents === 0 ? 0 : cents });
    }), { numRuns: 5000 });
  });

  it("formatCents → parseMoney gives the cents back", () => {
    fc.assert(fc.property(fc.integer({ min: -9e15, max: 9e15 }), (cents) => {
      const text = formatCents(cents);
      expect(text).toMatch(/^-?\d+\.\d\d$/);
      expect(parseMoney(text)).toEqual({ kind: "value", value: cents });
    }), { numRuns: 5000 });
  });

  it("formatCents is exact up to Number.MAX_SAFE_INTEGER (checked against BigInt)", () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (cents) => {
      const big = BigInt(cents);
      const abs = big < 0n ? -big : big;
      const expected = `${big < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
      expect(formatCents(cents)).toBe(expected);
    }), { numRuns: 5000 });
  });

  it("accounting text (thousands separators, $, parentheses) → the cents back", () => {
    fc.assert(fc.property(fc.integer({ min: -9e15, max: 9e15 }), fc.constantFrom("paren", "minus", "trailing"), (cents, style) => {
      const [whole, frac] = formatCents(Math.abs(cents)).split(".");
      const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      const body = `$${grouped}.${frac}`;
      const text = cents >= 0 ? body : style === "paren" ? `(${body})` : style === "minus" ? `-${body}` : `${body}-`;
      expect(parseMoney(text)).toEqual({ kind: "value", value: cents });
    }), { numRuns: 3000 });
  });

  it("centsFromDollars rounds mills half away from zero (reference: integer arithmetic)", () => {
    // dollars with three decimals = mills / 1000; cents = mills / 10 rounded half away from zero
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (mills) => {
      const abs = Math.abs(mills);
      const sign = mills < 0 ? "-" : "";
      const text = `${sign}${Math.trunc(abs / 1000)}.${String(abs % 1000).padStart(3, "0")}`;
      const last = abs % 10;
      const absCents = (abs - last) / 10 + (last >= 5 ? 1 : 0);
      const expected = absCents === 0 ? 0 : mills < 0 ? -absCents : absCents;
      expect(centsFromDollars(text)).toBe(expected);
    }), { numRuns: 5000 });
  });
});

describe("date round trips (fast-check)", () => {
  const dayInExcelRange = fc.integer({ min: dayFromYMD(1900, 1, 1)!, max: dayFromYMD(9999, 12, 31)! });

  it("serial 1 … 2958465 except 60 round-trips through a Day", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_EXCEL_SERIAL }).filter((s) => s !== 60), (s) => {
      expect(excelSerialFromDay(dayFromExcelSerial(s)!)).toBe(s);
    }), { numRuns: 10000 });
  });

  it("parseDate reads back an ISO date, a US date and a serial of the same day", () => {
    fc.assert(fc.property(dayInExcelRange, (day) => {
      const iso = isoFromDay(day);
      const [y, m, d] = iso.split("-");
      expect(parseDate(iso)).toEqual({ kind: "value", value: day });
      expect(parseDate(`${m}/${d}/${y}`)).toEqual({ kind: "value", value: day });
      expect(parseDate(`${y}${m}${d}`)).toEqual({ kind: "value", value: day });
      expect(parseDate(excelSerialFromDay(day))).toEqual({ kind: "value", value: day });
      expect(parseDate(new Date(day * 86_400_000))).toEqual({ kind: "value", value: day });
    }), { numRuns: 3000 });
  });
});
