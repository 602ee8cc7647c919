/**
 * The benchmark's plumbing at a tiny size (BENCH_QUICK=1, 300 lines): it runs to the end, its last
 * line is one JSON object with the core, both peers' answers, the growth table and the simulated
 * Office host's syncs. No timing is asserted: benchmarks are not timed unit tests.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { findSoffice, helperValues, reportValues } from "../../bench/libreOfficePeer";
import { growthRows, recordStage, type StageTimes } from "../../bench/growth";
import { syntheticClaimLines } from "../../src/sample";

const ROOT = path.join(__dirname, "..", "..");

describe("npm run bench, BENCH_QUICK=1", () => {
  jest.setTimeout(180_000);

  test("runs at 300 lines and ends with one JSON object holding every part", () => {
    const run = spawnSync(process.execPath, ["--expose-gc", "scripts/bench.js", "--sizes=300", "--reps=1"], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, BENCH_QUICK: "1" }, maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.stderr).not.toMatch(/Error:/);
    expect(run.status).toBe(0);
    const last = run.stdout.trimEnd().split("\n").pop() as string;
    const json = JSON.parse(last) as {
      settings: { quick: boolean };
      core: Record<string, { total: { medianMs: number }; parts: Record<string, unknown>; officeHostReport: Record<string, { syncs: number; chunkReads: number; constantSyncs: number }> }>;
      peer: Record<string, { agreement: { disagreements: unknown[] }; libreOffice?: { agreement?: { figures: number; disagreements: unknown[] } } }>;
      growth: { stage: string }[];
      goals: Record<string, unknown>;
    };
    expect(json.settings.quick).toBe(true);
    expect(Object.keys(json.core["300"].parts)).toEqual(expect.arrayContaining(["fee check", "days to pay", "payer mix + provider productivity (one pass)"]));
    expect(json.peer["300"].agreement.disagreements).toEqual([]);
    const host = json.core["300"].officeHostReport.rows300;
    expect(host.syncs).toBe(host.constantSyncs + host.chunkReads);
    expect(json.growth.map((g) => g.stage)).toContain("core all report figures (reportFigures)");
    expect(json.goals).toHaveProperty("libreOfficeAtLeast20x");
    if (findSoffice() !== null) {
      // LibreOffice recalculated every figure the core computes, and agreed to the cent.
      expect(json.peer["300"].libreOffice?.agreement?.figures).toBeGreaterThan(40);
      expect(json.peer["300"].libreOffice?.agreement?.disagreements).toEqual([]);
    }
  });
});

describe("the bench's helpers", () => {
  test("LibreOffice's Report CSV: labels, full-precision numbers, blanks and errors", () => {
    const csv = 'As of,46326\naging.total,31298.84\n"a ""quoted"", label",0.123456789012345\ndenials.denialRate,\ndays,#DIV/0!\ndenials.deniedLines (line level),7\n';
    const values = reportValues(csv);
    expect(values.get("aging.total")).toBe(31298.84);
    expect(values.get('a "quoted", label')).toBe(0.123456789012345);
    expect(values.get("denials.denialRate")).toBeNull();
    expect(values.get("days")).toBeNull();
    expect(values.get("denials.deniedLines")).toBe(7);
  });

  test("helper columns' values: a claim's last line carries its flags and charges", () => {
    const [a1, a2, b1] = syntheticClaimLines(3);
    const lines = [
      { ...a1, claimId: "A", status: "Paid" as const, charge: 1000 },
      { ...a2, claimId: "A", status: "Denied" as const, charge: 250 },
      { ...b1, claimId: "B", status: "Draft" as const, charge: 99 },
    ];
    // K denied so far, L submitted so far, M claim charges so far (dollars), N last line of its claim.
    expect(helperValues(lines)).toEqual([[0, 1, 10, 0], [1, 1, 12.5, 1], [0, 0, 0.99, 1]]);
  });

  test("growth: time per line, and a stage that grows faster than linearly is named", () => {
    const stages: StageTimes = new Map();
    recordStage(stages, "linear", 1000, 10);
    recordStage(stages, "linear", 10_000, 100);
    recordStage(stages, "quadratic", 1000, 10);
    recordStage(stages, "quadratic", 10_000, 1000);
    const rows = growthRows(stages, [1000, 10_000]);
    expect(rows.map((r) => [r.stage, r.nsPerLine["1000"], r.nsPerLine["10000"], r.growth, r.fasterThanLinear])).toEqual([
      ["linear", 10_000, 10_000, 1, false],
      ["quadratic", 10_000, 100_000, 10, true],
    ]);
  });
});
