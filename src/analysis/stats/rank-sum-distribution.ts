/**
 * Exact null distribution of the Wilcoxon rank-sum / Mann–Whitney statistic W (0 … m·n) without
 * ties, as R's dwilcox/pwilcox/qwilcox (Mann & Whitney 1947). Counts are built with additions only,
 * so the small tail probabilities keep full relative precision.
 */
export interface RankSumDistribution {
  /** P(W ≤ w) (R: pwilcox(w, m, n)). */
  cdf(w: number): number;
  /** P(W > w) (R: pwilcox(w, m, n, lower.tail = FALSE)). */
  upper(w: number): number;
  /** Smallest w with P(W ≤ w) ≥ p (R: qwilcox(p, m, n)). */
  quantile(p: number): number;
}

const cache = new Map<string, Float64Array>();

/** counts[w] = number of arrangements of m x's among n y's whose statistic equals w. */
function rankSumCounts(m: number, n: number): Float64Array {
  const key = `${m},${n}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // byX[i] holds the counts for i x's among the j y's processed so far. Adding the (j)th y either
  // puts it last (no x beats it) or after the last x, which then beats j y's: the recursion
  // f(i, j; w) = f(i, j − 1; w) + f(i − 1, j; w − j).
  const byX: Float64Array[] = [];
  for (let i = 0; i <= m; i++) {
    const row = new Float64Array(i * n + 1);
    row[0] = 1;
    byX.push(row);
  }
  for (let j = 1; j <= n; j++) {
    for (let i = 1; i <= m; i++) {
      const current = byX[i] as Float64Array;
      const fewer = byX[i - 1] as Float64Array;
      // In place: current still holds f(i, j − 1); fewer already holds f(i − 1, j) because i − 1
      // was updated first in this pass.
      const top = i * j;
      for (let w = top; w >= j; w--) {
        const from = w - j;
        if (from < fewer.length) current[w] = (current[w] as number) + (fewer[from] as number);
      }
    }
  }
  const counts = byX[m] as Float64Array;
  cache.set(key, counts);
  return counts;
}

export function rankSumDistribution(m: number, n: number): RankSumDistribution {
  const counts = rankSumCounts(m, n);
  let total = 0;
  for (const c of counts) total += c;
  const max = m * n;
  const cdf = (w: number): number => {
    const top = Math.floor(w + 1e-7);
    if (top < 0) return 0;
    if (top >= max) return 1;
    let sum = 0;
    for (let k = 0; k <= top; k++) sum += counts[k] as number;
    return sum / total;
  };
  const upper = (w: number): number => {
    const from = Math.floor(w + 1e-7) + 1;
    if (from <= 0) return 1;
    if (from > max) return 0;
    let sum = 0;
    for (let k = from; k <= max; k++) sum += counts[k] as number;
    return sum / total;
  };
  const quantile = (p: number): number => {
    // R's qwilcox walks the lower tail for p ≤ 0.5 and the upper tail otherwise, with a small fuzz.
    if (p <= 0.5) {
      const target = p - 10 * Number.EPSILON;
      let sum = 0;
      for (let w = 0; w <= max; w++) {
        sum += (counts[w] as number) / total;
        if (sum >= target) return w;
      }
      return max;
    }
    const target = 1 - p + 10 * Number.EPSILON;
    let sum = 0;
    for (let w = 0; w <= max; w++) {
      sum += (counts[w] as number) / total;
      if (sum > target) return max - w;
    }
    return 0;
  };
  return { cdf, upper, quantile };
}
