/**
 * The register's columns (src/core/claimColumns/registerColumns.ts), filled line by line as the
 * import reads them, against the lines themselves: every column worked out from each line by the
 * definitions (definitions.md, "The claims register": payments = insurance + patient paid; balance =
 * charge − payments − contractual − other adjustments), and every group number held to the
 * comparison it stands for (payers trimmed and case-insensitive, claims by claim number, pricing by
 * code, modifiers, units, place of service and payer class as written).
 */
import fc from "fast-check";
import type { ClaimLine } from "../../../src/core/claims/claimLine";
import {
  columnsAfterRewrites, RegisterColumnsBuilder, registerColumns, STATUS_DENIED, STATUS_DRAFT, STATUS_OTHER, STATUS_PAID, STATUS_PARTIALLY_PAID,
  type RegisterColumns,
} from "../../../src/core/claimColumns";
import { lineArb, registerArb } from "./registerArb";

const RUNS = { numRuns: 200 };

const STATUS_CODES: Record<string, number> = { Draft: STATUS_DRAFT, Denied: STATUS_DENIED, Paid: STATUS_PAID, "Partially paid": STATUS_PARTIALLY_PAID };
const payerKey = (p: string): string => p.trim().replace(/\s+/g, " ").toLowerCase();
const providerKey = (p: string | null): string => (p === null || p.trim() === "" ? "(no provider)" : p.trim().toLowerCase());
const pricingKey = (l: ClaimLine): string => JSON.stringify([l.cpt, l.modifiers, l.units, l.placeOfService, l.payerClass]);

/** Each column of line i, as the definitions say, from the line alone. */
function expectColumnsOf(cols: RegisterColumns, lines: readonly ClaimLine[]): void {
  expect(cols.lines).toBe(lines);
  expect(cols.charge.length).toBe(lines.length);
  lines.forEach((l, i) => {
    expect(cols.dateOfService[i]).toBe(l.dateOfService);
    expect(cols.charge[i]).toBe(l.charge);
    expect(cols.payments[i]).toBe(l.insurancePaid + l.patientPaid);
    expect(cols.insurancePaid[i]).toBe(l.insurancePaid);
    expect(cols.contractualAdjustment[i]).toBe(l.contractualAdjustment);
    expect(cols.balance[i]).toBe(l.charge - l.insurancePaid - l.patientPaid - l.contractualAdjustment - l.otherAdjustment);
    expect(cols.allowed[i]).toBe(l.allowed ?? NaN);
    expect(cols.submittedDate[i]).toBe(l.submittedDate ?? NaN);
    expect(cols.lastPaymentDate[i]).toBe(l.lastPaymentDate ?? NaN);
    expect(cols.status[i]).toBe(l.status === null ? STATUS_OTHER : (STATUS_CODES[l.status] ?? STATUS_OTHER));
    // What a listed line shows, without reading the line: row, claim number, code, payer and provider as written.
    expect(cols.row[i]).toBe(l.row);
    expect(cols.claimIds[cols.claim[i]]).toBe(l.claimId);
    expect(cols.payerSpellings[cols.payerSpelling[i]]).toBe(l.payer);
    expect(cols.providerSpellings[cols.providerSpelling[i]]).toBe(l.provider);
    expect(cols.denialReasonSpellings[cols.denialReasonSpelling[i]]).toBe(l.denialReason);
    expect(pricingKey({ ...l, ...cols.pricings.pricings[cols.pricing[i]] })).toBe(pricingKey(l));
  });
  // A group number is the same for two lines exactly when the compared values are.
  sameGroupsAs(cols.payer, lines.map((l) => payerKey(l.payer)));
  sameGroupsAs(cols.provider, lines.map((l) => providerKey(l.provider)));
  sameGroupsAs(cols.claim, lines.map((l) => l.claimId));
  sameGroupsAs(cols.pricing, lines.map(pricingKey));
  expect(cols.claimCount).toBe(new Set(lines.map((l) => l.claimId)).size);
  expect(cols.payers.size).toBe(new Set(lines.map((l) => payerKey(l.payer))).size);
}

function sameGroupsAs(groups: Int32Array, keys: readonly string[]): void {
  for (let i = 0; i < keys.length; i++) for (let j = 0; j < i; j++) expect(groups[i] === groups[j]).toBe(keys[i] === keys[j]);
}

describe("register columns", () => {
  it("hold each line's values and groups, whether built at once or line by line into columns that grow", () => {
    fc.assert(
      fc.property(registerArb, fc.integer({ min: 0, max: 20 }), (lines, capacity) => {
        expectColumnsOf(registerColumns(lines), lines);
        const builder = new RegisterColumnsBuilder(capacity);
        for (const l of lines) builder.add(l);
        expectColumnsOf(builder.finish(lines), lines);
      }),
      RUNS,
    );
  });

  it("refuses to finish over other lines than those added", () => {
    const builder = new RegisterColumnsBuilder(4);
    expect(() => builder.finish([])).not.toThrow();
    const [line] = fc.sample(registerArb.filter((ls) => ls.length > 0), { numRuns: 1, seed: 7 })[0];
    builder.add(line);
    expect(() => builder.finish([])).toThrow(RangeError);
  });

  it("after lines are replaced by corrected copies, match the new lines and leave the old columns as they were", () => {
    const rewrite = fc.record({
      turn: fc.boolean(),
      changeOther: fc.boolean(),
      money: fc.integer({ min: -5_000, max: 5_000 }),
    });
    fc.assert(
      fc.property(registerArb, fc.array(rewrite, { maxLength: 60 }), lineArb, (lines, rewrites, other) => {
        const before = registerColumns(lines);
        const snapshot = Array.from(before.balance);
        const after = lines.map((l, i): ClaimLine => {
          const r = rewrites[i];
          if (r === undefined || !r.turn) return l;
          // What creditSigns and reconcileBalances do: a copy with adjustments or payments changed.
          const copy = { ...l, contractualAdjustment: -l.contractualAdjustment, otherAdjustment: r.money, patientPaid: Math.abs(l.patientPaid), allowed: r.money };
          // Any other field changed as well: the columns must be built afresh.
          return r.changeOther ? { ...copy, dateOfService: other.dateOfService, payer: other.payer, cpt: other.cpt, denialReason: other.denialReason } : copy;
        });
        expectColumnsOf(columnsAfterRewrites(before, after), after);
        expect(Array.from(before.balance)).toEqual(snapshot);
        expectColumnsOf(before, lines);
      }),
      RUNS,
    );
  });

  it("after lines are added or removed, are built afresh", () => {
    fc.assert(
      fc.property(registerArb, registerArb, (lines, more) => {
        const before = registerColumns(lines);
        const added = [...lines, ...more.map((l) => ({ ...l, row: l.row + 1000 }))];
        expectColumnsOf(columnsAfterRewrites(before, added), added);
        const removed = lines.slice(1);
        expectColumnsOf(columnsAfterRewrites(before, removed), removed);
      }),
      RUNS,
    );
  });
});
