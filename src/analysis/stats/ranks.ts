/** Average ranks with ties given their mean rank, as R's rank(ties.method = "average"). */
export function averageRanks(values: readonly number[]): number[] {
  // A typed-array sort (numeric, no comparator calls) and two binary searches per value.
  const sorted = Float64Array.from(values).sort();
  return values.map((value) => {
    const first = lowerBound(sorted, value);
    const last = lowerBound(sorted, value, true) - 1;
    // Positions first..last (0-based) share ranks first+1..last+1; their mean is the midpoint.
    return (first + last + 2) / 2;
  });
}

/** Index of the first element ≥ value (or > value when strictly). */
function lowerBound(sorted: Float64Array, value: number, strictly = false): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const v = sorted[mid] as number;
    if (v < value || (strictly && v === value)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Sizes of the groups of equal values (1 for an untied value), as R's table(x). */
export function tieGroupSizes(values: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const sizes: number[] = [];
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run++;
    if (i + 1 === sorted.length || sorted[i + 1] !== sorted[i]) {
      sizes.push(run);
      run = 0;
    }
  }
  return sizes;
}

/** The tie term Σ(t³ − t) that the tie corrections of rank tests subtract. */
export function tieCorrectionSum(values: readonly number[]): number {
  let sum = 0;
  for (const t of tieGroupSizes(values)) sum += t * t * t - t;
  return sum;
}

export function hasTies(values: readonly number[]): boolean {
  return tieGroupSizes(values).length !== values.length;
}

/**
 * For two samples each already sorted ascending, the sum of the average ranks of the first within the
 * pooled sample and the tie term Σ(t³ − t), by one merge in O(n). Ranks are half-integers, so these
 * sums are exact and agree bit for bit with ranking the pooled sample from scratch.
 */
export function mergedRankSum(
  first: ArrayLike<number>,
  second: ArrayLike<number>,
): { rankSumOfFirst: number; tieTerm: number } {
  let i = 0;
  let j = 0;
  let rankBefore = 0;
  let rankSumOfFirst = 0;
  let tieTerm = 0;
  while (i < first.length || j < second.length) {
    const a = i < first.length ? (first[i] as number) : Infinity;
    const b = j < second.length ? (second[j] as number) : Infinity;
    const value = a <= b ? a : b;
    let fromFirst = 0;
    let fromSecond = 0;
    while (i < first.length && first[i] === value) {
      fromFirst++;
      i++;
    }
    while (j < second.length && second[j] === value) {
      fromSecond++;
      j++;
    }
    const t = fromFirst + fromSecond;
    // The group occupies ranks rankBefore + 1 … rankBefore + t; each gets their mean.
    rankSumOfFirst += fromFirst * (rankBefore + (t + 1) / 2);
    tieTerm += t * t * t - t;
    rankBefore += t;
  }
  return { rankSumOfFirst, tieTerm };
}
