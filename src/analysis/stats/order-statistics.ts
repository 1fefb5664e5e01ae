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
