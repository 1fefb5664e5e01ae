/** Average ranks with ties given their mean rank, as R's rank(ties.method = "average"). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    const value = values[order[start] as number];
    while (end + 1 < order.length && values[order[end + 1] as number] === value) end++;
    // Positions start..end (0-based) share the ranks start+1..end+1; their mean is the midpoint.
    const rank = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) ranks[order[k] as number] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Sizes of the groups of equal values (1 for an untied value), as R's table(x). */
export function tieGroupSizes(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
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
