/**
 * A small seeded pseudo-random generator (mulberry32, by Tommy Ettinger, public domain) for the
 * sample practice and the benchmark data. Only 32-bit integer arithmetic (Math.imul, shifts) and
 * divisions by 2^32 are used, so the same seed gives the same sequence on every machine and
 * JavaScript engine; `normal` sums uniforms (Irwin-Hall) instead of calling Math.log / Math.cos,
 * whose last bits may differ between engines.
 */
export interface Random {
  /** A number in [0, 1), a multiple of 2^-32. */
  next(): number;
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array, each equally likely. */
  pick<T>(items: readonly T[]): T;
  /** One element, chosen with the given relative weights (same length, ≥ 0, not all 0). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Roughly normal (sum of 12 uniforms − 6, so within mean ± 6 sd), for spreads of days or hours. */
  normal(mean: number, sd: number): number;
  /** The generator's 32-bit state, to resume a sequence. */
  readonly state: number;
}

const TWO_POW_32 = 4294967296;

/** A generator seeded with any number (its low 32 bits are used). */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted<T>(items: readonly T[], weights: readonly number[]): T {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i];
        if (r < 0) return items[i];
      }
      return items[items.length - 1];
    },
    normal(mean, sd) {
      let s = 0;
      for (let i = 0; i < 12; i++) s += next();
      return mean + (s - 6) * sd;
    },
    get state() {
      return a;
    },
  };
}

/**
 * A weighted choice prepared once for a hot loop: cumulative weights as integers so a pick is one
 * `next()` and a short scan, with no allocation.
 */
export interface WeightedTable<T> {
  readonly items: readonly T[];
  /** Cumulative weights, last = total. */
  readonly cumulative: Float64Array;
}

export function weightedTable<T>(items: readonly T[], weights: readonly number[]): WeightedTable<T> {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    total += weights[i];
    cumulative[i] = total;
  }
  return { items, cumulative };
}

/** Index of a weighted pick from a prepared table. */
export function pickIndex(random: Random, table: WeightedTable<unknown>): number {
  const c = table.cumulative;
  const r = random.next() * c[c.length - 1];
  for (let i = 0; i < c.length; i++) if (r < c[i]) return i;
  return c.length - 1;
}
