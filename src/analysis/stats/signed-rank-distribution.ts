/**
 * Exact null distribution of the Wilcoxon signed-rank statistic V (0 … n(n+1)/2) without ties or
 * zeros, as R's psignrank/qsignrank (Wilcoxon 1945): each rank is positive with probability ½.
 */
import { distributionFromCounts, type DiscreteDistribution } from './discrete-distribution.ts';

const cache = new Map<number, Float64Array>();

/** counts[v] = number of subsets of {1, …, n} whose sum is v. */
function signedRankCounts(n: number): Float64Array {
  const cached = cache.get(n);
  if (cached) return cached;
  const max = (n * (n + 1)) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  let reach = 0;
  for (let rank = 1; rank <= n; rank++) {
    reach += rank;
    // Downwards, so each rank is used at most once (the 0/1 knapsack recursion).
    for (let v = reach; v >= rank; v--) counts[v] = (counts[v] as number) + (counts[v - rank] as number);
  }
  cache.set(n, counts);
  return counts;
}

export function signedRankDistribution(n: number): DiscreteDistribution {
  const f = Math.exp(-n * Math.LN2);
  return distributionFromCounts(signedRankCounts(n), (count) => count * f);
}
