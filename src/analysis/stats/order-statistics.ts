/** Median of numbers already sorted ascending, as R's median() (mean of the two middle values). */
export function medianOfSorted(sorted: readonly number[]): number {
  const n = sorted.length;
  const half = Math.floor(n / 2);
  if (n % 2 === 1) return sorted[half] as number;
  return ((sorted[half - 1] as number) + (sorted[half] as number)) / 2;
}

export function sortAscending(values: readonly number[]): number[] {
  // A typed array sorts numerically and fast; the result goes back to a plain array.
  return Array.from(Float64Array.from(values).sort());
}

/** Smallest and largest value in one pass (spreading a large array into Math.min overflows the stack). */
export function rangeOf(values: readonly number[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** All differences x_i − y_j, sorted: the order statistics behind the Hodges–Lehmann shift. */
export function sortedPairwiseDifferences(x: readonly number[], y: readonly number[]): number[] {
  const differences = new Float64Array(x.length * y.length);
  let k = 0;
  for (const xi of x) for (const yj of y) differences[k++] = xi - yj;
  return Array.from(differences.sort());
}
