/** A discrete null distribution on 0 … max given by counts, with R's conventions for p and q functions. */
export interface DiscreteDistribution {
  /** P(S ≤ s), with R's fuzz floor(s + 1e-7). */
  cdf(s: number): number;
  /** P(S > s). */
  upper(s: number): number;
  /** Smallest s with P(S ≤ s) ≥ p, walking from the nearer tail with R's 10·ε fuzz (as qwilcox, qsignrank). */
  quantile(p: number): number;
}

export function distributionFromCounts(counts: Float64Array, total: number): DiscreteDistribution {
  const max = counts.length - 1;
  const cdf = (s: number): number => {
    const top = Math.floor(s + 1e-7);
    if (top < 0) return 0;
    if (top >= max) return 1;
    let sum = 0;
    for (let k = 0; k <= top; k++) sum += counts[k] as number;
    return sum / total;
  };
  const upper = (s: number): number => {
    const from = Math.floor(s + 1e-7) + 1;
    if (from <= 0) return 1;
    if (from > max) return 0;
    let sum = 0;
    // Summing the upper tail itself keeps small upper-tail probabilities precise.
    for (let k = from; k <= max; k++) sum += counts[k] as number;
    return sum / total;
  };
  const quantile = (p: number): number => {
    if (p <= 0.5) {
      const target = p - 10 * Number.EPSILON;
      let sum = 0;
      for (let s = 0; s <= max; s++) {
        sum += (counts[s] as number) / total;
        if (sum >= target) return s;
      }
      return max;
    }
    const target = 1 - p + 10 * Number.EPSILON;
    let sum = 0;
    for (let s = 0; s <= max; s++) {
      sum += (counts[s] as number) / total;
      if (sum > target) return max - s;
    }
    return 0;
  };
  return { cdf, upper, quantile };
}
