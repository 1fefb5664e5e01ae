/**
 * Null distribution of Spearman's S = Σd² = (n³ − n)(1 − ρ)/6 without ties, by Algorithm AS 89
 * (Best & Roberts 1975, Applied Statistics 24:377) as R's cor.test uses it: exact enumeration of all
 * n! permutations for n ≤ 9, the Edgeworth series expansion above that.
 */
import { normalCdf, normalUpper } from './distributions.ts';

/** Largest n that is enumerated exactly (R uses the same cut-off). */
export const SPEARMAN_EXACT_MAX_N = 9;

const exactCache = new Map<number, Float64Array>();

/** counts[s] = number of permutations of 1..n with Σ(i − π(i))² = s. */
function exactCounts(n: number): Float64Array {
  const cached = exactCache.get(n);
  if (cached) return cached;
  const maxS = (n * n * n - n) / 3;
  const counts = new Float64Array(maxS + 1);
  const permutation = Array.from({ length: n }, (_, i) => i);
  const used = new Array<boolean>(n).fill(false);
  // Depth-first over positions, carrying the partial sum of squared displacements.
  const visit = (position: number, partial: number): void => {
    if (position === n) {
      counts[partial] = (counts[partial] as number) + 1;
      return;
    }
    for (let value = 0; value < n; value++) {
      if (used[value]) continue;
      used[value] = true;
      permutation[position] = value;
      const d = position - value;
      visit(position + 1, partial + d * d);
      used[value] = false;
    }
  };
  visit(0, 0);
  exactCache.set(n, counts);
  return counts;
}

/**
 * AS 89's tail probability: P(S ≥ is), or P(S < is) when lowerTail. R calls it with
 * is = round(S) for the upper tail and round(S) + 2 for the lower tail.
 */
export function spearmanTail(n: number, is: number, lowerTail: boolean): number {
  if (n <= 1) return lowerTail ? 0 : 1;
  if (is <= 0) return lowerTail ? 0 : 1;
  const maxS = (n * (n * n - 1)) / 3;
  if (is > maxS) return lowerTail ? 1 : 0;
  if (n <= SPEARMAN_EXACT_MAX_N) {
    const counts = exactCounts(n);
    let atLeast = 0;
    let total = 0;
    for (let s = 0; s < counts.length; s++) {
      const c = counts[s] as number;
      total += c;
      if (s >= is) atLeast += c;
    }
    return (lowerTail ? total - atLeast : atLeast) / total;
  }
  // Edgeworth series with the published AS 89 coefficients.
  const c1 = 0.2274,
    c2 = 0.2531,
    c3 = 0.1745,
    c4 = 0.0758,
    c5 = 0.1033,
    c6 = 0.3932;
  const c7 = 0.0879,
    c8 = 0.0151,
    c9 = 0.0072,
    c10 = 0.0831,
    c11 = 0.0131,
    c12 = 4.6e-4;
  const b = 1 / n;
  // x = ρ·√(n − 1), standardised under the null (with AS 89's shift of is by one).
  const x = ((6 * (is - 1) * b) / (n * n - 1) - 1) * Math.sqrt(n - 1);
  let y = x * x;
  const u =
    x *
    b *
    (c1 +
      b * (c2 + c3 * b) +
      y * (-c4 + b * (c5 + c6 * b) - y * b * (c7 + c8 * b - y * (c9 - c10 * b + y * b * (c11 - c12 * y)))));
  y = u / Math.exp(y / 2);
  const p = (lowerTail ? -y : y) + (lowerTail ? normalCdf(x) : normalUpper(x));
  return Math.min(1, Math.max(0, p));
}
