/**
 * Exact null distribution of the Wilcoxon rank-sum / Mann–Whitney statistic W (0 … m·n) without
 * ties, as R's dwilcox/pwilcox/qwilcox (Mann & Whitney 1947). Counts are built with additions only,
 * so the small tail probabilities keep full relative precision.
 */
import { distributionFromCounts, type DiscreteDistribution } from './discrete-distribution.ts';

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

export function rankSumDistribution(m: number, n: number): DiscreteDistribution {
  const counts = rankSumCounts(m, n);
  let total = 0;
  for (const c of counts) total += c;
  return distributionFromCounts(counts, (count) => count / total);
}
