/** Order statistics of timings, interpolated between the two nearest ranks (R's type 7, NumPy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

export interface Timings {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(times: readonly number[]): Timings {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    mean: round(sorted.reduce((s, t) => s + t, 0) / Math.max(1, sorted.length)),
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
