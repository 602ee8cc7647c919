/**
 * The claim figures of 1,048,575 synthetic lines (bench.ts's register) tallied in chunks of 65,536
 * lines (RegisterColumnsBuilder "chunks" + ClaimFiguresTally, as the streaming path does) against
 * the whole register (reportFigures), and the memory the chunk path keeps. Not part of `npm run
 * bench`; run with `node --expose-gc -e 'require("./scripts/bundled.js").requireBundled("bench/chunkFigures.ts", ["src", "bench"])'`
 * (optionally `-- lines chunkSize reps`).
 */
import type { ClaimLine } from "../src/core/claims/claimLine";
import { ClaimFiguresTally, RegisterColumnsBuilder, registerColumns } from "../src/core/claimColumns";
import { dayFromYMD, type Day } from "../src/core/dates/day";
import { reportFigures } from "../src/core/report/reportFigures";
import { syntheticClaimLines } from "../src/sample";
import { benchFeeSchedule } from "./feeSchedule";
import { timeRepeated } from "./measure";

const argv = process.argv.slice(process.argv.indexOf("--") + 1).map(Number).filter((x) => x > 0);
const LINES = argv[0] ?? 1_048_575;
const CHUNK = argv[1] ?? 65_536;
const REPS = argv[2] ?? 7;
const AS_OF = dayFromYMD(2026, 10, 31) as Day;
const FEE_SCHEDULE = benchFeeSchedule();

/** Bytes held by typed arrays, arrays, maps and sets reachable from `root` (8 bytes a slot; strings not counted). */
function bytesHeld(root: unknown, skip: ReadonlySet<unknown>): number {
  const seen = new Set<unknown>();
  let bytes = 0;
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== "object" || seen.has(x) || skip.has(x)) return;
    seen.add(x);
    if (ArrayBuffer.isView(x)) {
      bytes += x.byteLength;
      return;
    }
    if (Array.isArray(x)) bytes += x.length * 8;
    if (x instanceof Map) {
      bytes += x.size * 32;
      for (const [k, v] of x) { visit(k); visit(v); }
      return;
    }
    if (x instanceof Set) {
      bytes += x.size * 16;
      return;
    }
    for (const v of Object.values(x)) visit(v);
  };
  visit(root);
  return bytes;
}

function tallyInChunks(lines: readonly ClaimLine[]): { tally: ClaimFiguresTally; builder: RegisterColumnsBuilder; tallyMs: number } {
  const builder = new RegisterColumnsBuilder(CHUNK, "chunks");
  const tally = new ClaimFiguresTally({ asOf: AS_OF, feeSchedule: FEE_SCHEDULE });
  let tallyMs = 0;
  for (let from = 0; from < lines.length; from += CHUNK) {
    const to = Math.min(lines.length, from + CHUNK);
    for (let i = from; i < to; i++) builder.add(lines[i]);
    const chunk = builder.takeChunk(lines.slice(from, to));
    const t0 = performance.now();
    tally.add(chunk);
    tallyMs += performance.now() - t0;
  }
  const t0 = performance.now();
  tally.finish();
  tallyMs += performance.now() - t0;
  return { tally, builder, tallyMs };
}

const lines = syntheticClaimLines(LINES, { seed: 2026, asOf: AS_OF });
const register = registerColumns(lines);
const input = { practiceName: "Benchmark", asOf: AS_OF, lines, registerColumns: register, rowsRead: lines.length, leftOut: [], feeSchedule: FEE_SCHEDULE };
const whole = timeRepeated(() => reportFigures(input), REPS, 2);
const wholeTally = timeRepeated(() => {
  const tally = new ClaimFiguresTally({ asOf: AS_OF, feeSchedule: FEE_SCHEDULE });
  tally.add(register);
  return tally.finish();
}, REPS, 2);
const buildWhole = timeRepeated(() => registerColumns(lines), REPS, 1);
const chunkedAll = timeRepeated(() => tallyInChunks(lines), REPS, 2);
const tallyOnly: number[] = [];
for (let r = 0; r < REPS; r++) tallyOnly.push(tallyInChunks(lines).tallyMs);
tallyOnly.sort((a, b) => a - b);
const { tally, builder } = chunkedAll.result;
const same = JSON.stringify(tally.finish()) === JSON.stringify(wholeTally.result);
// The tally's own state, without the group tables shared with the builder and the last chunk's columns (the builder's arrays).
const last = (tally as unknown as { last: Record<string, unknown> }).last;
const shared = new Set<unknown>([last, ...Object.values(last)]);
const mb = (b: number): string => (b / 1048576).toFixed(2);
console.log(JSON.stringify({
  lines: LINES, chunk: CHUNK, reps: REPS,
  reportFiguresWholeMedianMs: whole.timing.medianMs,
  claimFiguresTallyWholeMedianMs: wholeTally.timing.medianMs,
  registerColumnsWholeBuildMedianMs: buildWhole.timing.medianMs,
  chunkedBuildPlusTallyMedianMs: chunkedAll.timing.medianMs,
  chunkedTallyOnlyMedianMs: Number(tallyOnly[REPS >> 1].toFixed(1)),
  chunkedEqualsWhole: same,
  tallyStateMB: mb(bytesHeld(tally, shared)),
  builderArraysMB: mb(bytesHeld((builder as unknown as { cols: unknown }).cols, new Set())),
  // ClaimRuns (src/core/claims/claimRuns.ts): the 52-bit hash of each claim number, in the builder.
  claimRunsMB: mb(bytesHeld((builder as unknown as { runs: unknown }).runs, new Set())),
  wholeRegisterColumnsMB: mb(bytesHeld(register, new Set([register.lines]))),
}, null, 1));
