// The claims import read whole (readClaimsRegister) and row by row in two passes
// (ClaimsStreamReader), at 1,048,575 synthetic lines: time and what each keeps. Run bundled:
//   node --expose-gc -e 'require("./scripts/bundled.js").requireBundled("bench/claimsStream.ts", ["src", "bench"])' [lines]
// Not part of `npm run bench` (the lead wires the streaming path's figures there).
import { readClaimsRegister } from "../src/core/import/readClaimsRegister";
import { ClaimsStreamReader } from "../src/core/import/claimsStreamReader";
import { CLAIM_FIELD_HEADERS, CLAIM_FIELDS } from "../src/core/claims/claimLine";
import type { CellValue } from "../src/core/cells/cellValue";
import { syntheticClaimLines } from "../src/sample";
import { excelSerialFromDay } from "../src/core/dates/excelSerial";
import { dayFromYMD, type Day } from "../src/core/dates/day";

const size = Number(process.argv[process.argv.length - 1]) || 1_048_575;
const asOf = dayFromYMD(2026, 10, 31) as Day;
const gc = (globalThis as { gc?: () => void }).gc;
const held = (): number => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** The register as a sheet grid (Excel serials, dollars, blanks as null), the header on row 1. */
function registerGrid(): CellValue[][] {
  const money = (c: number): number => c / 100;
  const day = (d: Day | null): CellValue => (d === null ? null : excelSerialFromDay(d));
  const grid: CellValue[][] = [CLAIM_FIELDS.map((f) => CLAIM_FIELD_HEADERS[f])];
  for (const l of syntheticClaimLines(size, { seed: 7, asOf })) {
    grid.push([l.claimId, excelSerialFromDay(l.dateOfService), l.payer, money(l.charge), money(l.insurancePaid), money(l.patientPaid),
      money(l.contractualAdjustment), money(l.otherAdjustment), l.allowed === null ? null : money(l.allowed), l.cpt, l.modifiers.join(" ") || null, l.units,
      l.placeOfService, l.provider, l.payerClass, l.status, l.denialReason, day(l.submittedDate), day(l.lastPaymentDate)]);
  }
  return grid;
}

function median(run: () => void, reps = 5): number {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(reps / 2)];
}

function streamed(grid: readonly (readonly CellValue[])[]): { reader: ClaimsStreamReader; lines: number } {
  let lines = 0;
  const reader = new ClaimsStreamReader(grid.slice(0, 40), { sheet: "Claims Register", asOf, onLine: () => lines++ });
  for (let i = 0; i < grid.length; i++) reader.count(i, grid[i]);
  reader.endCount();
  for (let i = 0; i < grid.length; i++) reader.read(i, grid[i]);
  reader.finish();
  return { reader, lines };
}

const grid = registerGrid();
const wholeMs = median(() => readClaimsRegister(grid, { sheet: "Claims Register" }));
const streamMs = median(() => streamed(grid));
const before = held();
const whole = readClaimsRegister(grid, { sheet: "Claims Register" });
const wholeHeld = held() - before;
const { reader, lines } = streamed(grid);
const streamHeld = held() - before - wholeHeld;
console.log(`${size.toLocaleString("en-US")} lines: readClaimsRegister ${Math.round(wholeMs)} ms, keeps ${(wholeHeld / 1e6).toFixed(1)} MB (${whole.lines.length} lines)`);
console.log(`ClaimsStreamReader, two passes: ${Math.round(streamMs)} ms, keeps ${(streamHeld / 1e6).toFixed(1)} MB (${lines} lines to onLine, streamable: ${JSON.stringify(reader.streamable)})`);
