/**
 * A seeded source of randomness for the demo generator, so that one seed always yields the same
 * synthetic dataset on every machine and Node version.
 *
 * The generator is mulberry32 (Tommy Ettinger, 2017; public domain): a 32-bit state advanced by a
 * Weyl sequence and scrambled by two multiply–xorshift rounds. It is tiny, fast and passes the
 * statistical tests that matter for synthetic data; it is not cryptographic and must never be used
 * for secrets. It lives here rather than coming from a package because only test tooling ships one.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One item, uniformly. The list must not be empty. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn in proportion to non-negative weights (at least one positive). */
  weightedIndex(weights: readonly number[]): number;
  /** Up to `count` distinct items, uniformly, in the order drawn. */
  sample<T>(items: readonly T[], count: number): T[];
  /** Up to `count` distinct items drawn one by one in proportion to their weights; zero-weight items are never drawn. */
  weightedSample<T>(items: readonly T[], weights: readonly number[], count: number): T[];
}

/**
 * Spreads nearby seeds (1, 2, 3 …) over the whole 32-bit state space, so that consecutive seeds give
 * unrelated streams. The finalizer of MurmurHash3 (Appleby), applied to the integer part of the seed.
 */
function scrambleSeed(seed: number): number {
  let h = Math.trunc(seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A seeded random source. Seeds are integers, taken modulo 2^32; a fractional part is ignored. */
export function createRandom(seed: number): Random {
  let state = scrambleSeed(seed);

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const weightedIndex = (weights: readonly number[]): number => {
    const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
    if (!(total > 0)) throw new RangeError('weightedIndex needs at least one positive weight');
    let target = next() * total;
    for (let i = 0; i < weights.length; i++) {
      const w = Math.max(0, weights[i]!);
      if (target < w) return i;
      target -= w;
    }
    // Rounding can leave a sliver past the last bucket: it belongs to the last positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
    return weights.length - 1;
  };

  return {
    next,
    between: (min, max) => min + next() * (max - min),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick needs at least one item');
      return items[Math.floor(next() * items.length)]!;
    },
    weightedIndex,
    sample: (items, count) => {
      const pool = [...items];
      const drawn = [];
      while (drawn.length < count && pool.length > 0) {
        drawn.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      }
      return drawn;
    },
    weightedSample: (items, weights, count) => {
      const pool = items.map((item, i) => ({ item, weight: Math.max(0, weights[i] ?? 0) }));
      const drawn = [];
      while (drawn.length < count && pool.some((p) => p.weight > 0)) {
        const i = weightedIndex(pool.map((p) => p.weight));
        drawn.push(pool.splice(i, 1)[0]!.item);
      }
      return drawn;
    },
  };
}
