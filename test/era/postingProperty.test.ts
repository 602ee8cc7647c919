/**
 * Property: posting a balanced 835 into a register and reading the posted register back (the
 * sheet description as cells, through the same reader as any workbook) gives, per claim, insurance
 * paid = CLP04, contractual adjustments = Σ CO, other adjustments = Σ OA, and a balance equal to
 * the patient's share (Σ PR), to the cent.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/core/cells/cellValue";
import type { ClaimLine } from "../../src/core/claims/claimLine";
import { lineBalance } from "../../src/core/claims/balance";
import { postedRegisterSheet, postRemittances } from "../../src/core/era";
import { readClaimsRegister } from "../../src/core/import/readClaimsRegister";
import { formatCents } from "../../src/core/money/cents";
import { header, line, x12 } from "./helpers";

const lineArb = fc.record({ charge: fc.integer({ min: 1, max: 500_000 }), co: fc.nat(), pr: fc.nat(), oa: fc.nat() }).map((l) => {
  // Split the charge: co + pr + oa ≤ charge.
  const co = l.co % (l.charge + 1);
  const pr = l.pr % (l.charge - co + 1);
  const oa = l.oa % (l.charge - co - pr + 1);
  return { charge: l.charge, co, pr, oa, paid: l.charge - co - pr - oa };
});
const claimArb = fc.record({ lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }), a2: fc.nat() });

describe("posting then reading the register back", () => {
  it("gives claim balances that match the 835's claim amounts to the cent", () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 4 }), (claims) => {
        const register: ClaimLine[] = [];
        const body: string[] = [];
        let total = 0;
        let row = 2;
        const expected: { id: string; paid: number; co: number; oa: number; pr: number }[] = [];
        claims.forEach((c, i) => {
          const id = `C${i + 1}`;
          const linesPaid = c.lines.reduce((s, l) => s + l.paid, 0);
          const a2 = c.a2 % (linesPaid + 1); // claim-level CO-A2, at most what the lines pay
          const charge = c.lines.reduce((s, l) => s + l.charge, 0);
          const paid = linesPaid - a2;
          total += paid;
          body.push(`CLP*${id}*1*${formatCents(charge)}*${formatCents(paid)}**12`);
          if (a2 > 0) body.push(`CAS*CO*A2*${formatCents(a2)}`);
          c.lines.forEach((l, j) => {
            const cpt = `9921${j + 1}`;
            register.push(line(row++, id, "2026-10-01", cpt, formatCents(l.charge)));
            body.push(`SVC*HC:${cpt}*${formatCents(l.charge)}*${formatCents(l.paid)}`, "DTM*472*20261001");
            if (l.co > 0) body.push(`CAS*CO*45*${formatCents(l.co)}`);
            if (l.pr > 0) body.push(`CAS*PR*2*${formatCents(l.pr)}`);
            if (l.oa > 0) body.push(`CAS*OA*94*${formatCents(l.oa)}`);
          });
          const sum = (k: "co" | "pr" | "oa") => c.lines.reduce((s, l) => s + l[k], 0);
          expected.push({ id, paid, co: sum("co") + a2, oa: sum("oa"), pr: sum("pr") });
        });
        const text = x12([[...header(formatCents(total), "PROP1"), ...body]]);
        const result = postRemittances(register, [{ name: "p.835", text }]);
        if (result.transactions[0].refused !== null) throw new Error(result.transactions[0].refused);

        const sheet = postedRegisterSheet(result, []);
        const grid: CellValue[][] = [];
        for (const cell of sheet.cells) ((grid[cell.row - 1] ??= [])[cell.col - 1] = cell.value);
        const back = readClaimsRegister(grid.map((r) => Array.from(r, (v) => v ?? null)), { sheet: sheet.name });
        expect(back.leftOut).toEqual([]);
        for (const e of expected) {
          const lines = back.lines.filter((l) => l.claimId === e.id);
          const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((s, l) => s + f(l), 0);
          expect({ id: e.id, paid: sum((l) => l.insurancePaid), co: sum((l) => l.contractualAdjustment), oa: sum((l) => l.otherAdjustment), balance: sum(lineBalance) })
            .toEqual({ id: e.id, paid: e.paid, co: e.co, oa: e.oa, balance: e.pr });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("refuses the transaction when any one amount (BPR02, an SVC03, a CAS) is off by a cent", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 4 }), fc.constantFrom("BPR", "SVC", "CAS"), (lines, where) => {
        const body: string[] = [];
        const paid = lines.reduce((s, l) => s + l.paid, 0);
        const charge = lines.reduce((s, l) => s + l.charge, 0);
        body.push(`CLP*C1*1*${formatCents(charge)}*${formatCents(paid)}**12`);
        lines.forEach((l, j) => {
          const off = j === 0 && where === "SVC" ? 1 : 0;
          body.push(`SVC*HC:9921${j + 1}*${formatCents(l.charge)}*${formatCents(l.paid + off)}`);
          body.push(`CAS*CO*45*${formatCents(l.co + (j === 0 && where === "CAS" ? 1 : 0))}`);
          if (l.pr > 0) body.push(`CAS*PR*2*${formatCents(l.pr)}`);
          if (l.oa > 0) body.push(`CAS*OA*94*${formatCents(l.oa)}`);
        });
        const bpr = paid + (where === "BPR" ? 1 : 0);
        const text = x12([[...header(formatCents(bpr), "PROP2"), ...body]]);
        const result = postRemittances([], [{ name: "p.835", text }]);
        expect(result.transactions[0].balanced).toBe(false);
        expect(result.transactions[0].refused).toMatch(where === "BPR" ? /^does not balance at BPR/ : /^does not balance at SVC/);
        // Exact amounts balance.
        const exact = x12([[...header(formatCents(paid), "PROP3"), ...body.map((b, i) => (i === 1 && where === "SVC" ? b.replace(/\*[^*]+$/, `*${formatCents(lines[0].paid)}`) : i === 2 && where === "CAS" ? `CAS*CO*45*${formatCents(lines[0].co)}` : b))]]);
        expect(postRemittances([], [{ name: "q.835", text: exact }]).transactions[0].balanced).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
