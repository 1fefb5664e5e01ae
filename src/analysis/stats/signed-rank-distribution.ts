/**
 * Exact null distribution of the Wilcoxon signed-rank statistic V (0 … n(n+1)/2) without ties or
 * zeros, as R's psignrank/qsignrank (Wilcoxon 1945): each rank is positive with probability ½.
 */
export interface SignedRankDistribution {
  /** P(V ≤ v) (R: psignrank(v, n)). */
  cdf(v: number): number;
  /** P(V > v) (R: psignrank(v, n, lower.tail = FALSE)). */
  upper(v: number): number;
  /** Smallest v with P(V ≤ v) ≥ p (R: qsignrank(p, n)). */
  quantile(p: number): number;
}

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

export function signedRankDistribution(n: number): SignedRankDistribution {
  const counts = signedRankCounts(n);
  const total = 2 ** n;
  const max = (n * (n + 1)) / 2;
  const cdf = (v: number): number => {
    const top = Math.floor(v + 1e-7);
    if (top < 0) return 0;
    if (top >= max) return 1;
    let sum = 0;
    for (let k = 0; k <= top; k++) sum += counts[k] as number;
    return sum / total;
  };
  const upper = (v: number): number => {
    const from = Math.floor(v + 1e-7) + 1;
    if (from <= 0) return 1;
    if (from > max) return 0;
    let sum = 0;
    for (let k = from; k <= max; k++) sum += counts[k] as number;
    return sum / total;
  };
  const quantile = (p: number): number => {
    // As R's qsignrank: lower-tail walk for p ≤ 0.5, upper-tail walk otherwise, with a small fuzz.
    if (p <= 0.5) {
      const target = p - 10 * Number.EPSILON;
      let sum = 0;
      for (let v = 0; v <= max; v++) {
        sum += (counts[v] as number) / total;
        if (sum >= target) return v;
      }
      return max;
    }
    const target = 1 - p + 10 * Number.EPSILON;
    let sum = 0;
    for (let v = 0; v <= max; v++) {
      sum += (counts[v] as number) / total;
      if (sum > target) return max - v;
    }
    return 0;
  };
  return { cdf, upper, quantile };
}
