import fc from "fast-check";
import { createRandom, pickIndex, weightedTable } from "../../src/sample/random";

const draw = (seed: number, n: number): number[] => {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => r.next());
};

describe("createRandom", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    expect(draw(2026, 50)).toEqual(draw(2026, 50));
    expect(draw(2026, 50)).not.toEqual(draw(2027, 50));
  });

  it("returns multiples of 2^-32 in [0, 1)", () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      for (const x of draw(seed, 20)) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(1);
        expect(Number.isInteger(x * 4294967296)).toBe(true);
      }
    }));
  });

  it("int(min, max) stays within both bounds, inclusive", () => {
    fc.assert(fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 50 }), (seed, min, width) => {
      const r = createRandom(seed);
      for (let i = 0; i < 20; i++) {
        const v = r.int(min, min + width);
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(min);
        expect(v).toBeLessThanOrEqual(min + width);
      }
    }));
  });

  it("never picks an item of weight 0", () => {
    const r = createRandom(7);
    const table = weightedTable(["a", "b", "c"], [1, 0, 3]);
    for (let i = 0; i < 2000; i++) {
      expect(r.weighted(["a", "b", "c"], [1, 0, 3])).not.toBe("b");
      expect(pickIndex(r, table)).not.toBe(1);
    }
  });

  it("normal(mean, sd) stays within mean ± 6 sd (a sum of 12 uniforms − 6)", () => {
    const r = createRandom(11);
    for (let i = 0; i < 1000; i++) {
      const v = r.normal(24, 7);
      expect(v).toBeGreaterThanOrEqual(24 - 42);
      expect(v).toBeLessThanOrEqual(24 + 42);
    }
  });
});
