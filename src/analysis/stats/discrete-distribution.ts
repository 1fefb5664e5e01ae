/** A discrete null distribution on 0 … max given by counts, with R's conventions for p and q functions. */
export interface DiscreteDistribution {
  /** P(S ≤ s), with R's fuzz floor(s + 1e-7). */
  cdf(s: number): number;
  /** P(S > s). */
  upper(s: number): number;
  /** Smallest s with P(S ≤ s) ≥ p, walking from the nearer tail with R's 10·ε fuzz (as qwilcox, qsignrank). */
  quantile(p: number): number;
}

/**
 * Probabilities from counts, summed as R's pwilcox/psignrank sum them: the shorter of the two tails
 * term by term, the other by complement. `probabilityOf(count)` is R's per-term arithmetic (count / C
 * for the rank sum, count · 2⁻ⁿ for the signed rank), so even the last bit agrees with R where it
 * matters (R rounds an achieved confidence level to two digits).
 */
export function distributionFromCounts(
  counts: Float64Array,
  probabilityOf: (count: number) => number,
): DiscreteDistribution {
  const max = counts.length - 1;
  /** Σ_{i < end} P(S = i). */
  const headSum = (end: number): number => {
    let sum = 0;
    for (let i = 0; i < end; i++) sum += probabilityOf(counts[i] as number);
    return sum;
  };
  const tails = (s: number): { lower: number; upper: number } => {
    const q = Math.floor(s + 1e-7);
    if (q < 0) return { lower: 0, upper: 1 };
    if (q >= max) return { lower: 1, upper: 0 };
    if (q <= max / 2) {
      const lower = headSum(q + 1);
      return { lower, upper: 0.5 - lower + 0.5 };
    }
    // By symmetry P(S > q) = P(S < max − q): the short tail is summed directly.
    const upper = headSum(max - q);
    return { lower: 0.5 - upper + 0.5, upper };
  };
  const quantile = (p: number): number => {
    if (p <= 0.5) {
      const target = p - 10 * Number.EPSILON;
      let sum = 0;
      for (let s = 0; s <= max; s++) {
        sum += probabilityOf(counts[s] as number);
        if (sum >= target) return s;
      }
      return max;
    }
    const target = 1 - p + 10 * Number.EPSILON;
    let sum = 0;
    for (let s = 0; s <= max; s++) {
      sum += probabilityOf(counts[s] as number);
      if (sum > target) return max - s;
    }
    return 0;
  };
  return { cdf: (s) => tails(s).lower, upper: (s) => tails(s).upper, quantile };
}
