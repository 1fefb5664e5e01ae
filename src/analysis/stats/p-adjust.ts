import { AppError } from '../../domain/errors.ts';

export type PAdjustMethod = 'holm' | 'bh';

export interface PAdjustResult {
  method: PAdjustMethod;
  /** Family size m: the number of p-values adjusted together. */
  n: number;
  /** Adjusted p-values in the order given. */
  adjusted: number[];
  warnings: string[];
}

/**
 * Multiple-testing adjustment, as R's p.adjust: Holm's step-down family-wise correction (Holm 1979)
 * or Benjamini–Hochberg false-discovery-rate control (Benjamini & Hochberg 1995).
 */
export function adjustPValues(p: readonly number[], method: PAdjustMethod): PAdjustResult {
  if (p.length === 0) {
    throw new AppError('validation_failed', 'p-value adjustment needs at least one p-value', [
      { path: 'p', message: 'empty' },
    ]);
  }
  p.forEach((value, i) => {
    if (!(Number.isFinite(value) && value >= 0 && value <= 1)) {
      throw new AppError('validation_failed', `p-value ${i + 1} is not between 0 and 1: ${String(value)}`, [
        { path: `p[${i}]`, message: 'must be a number in [0, 1]' },
      ]);
    }
  });
  const m = p.length;
  // Stable sort by p, so tied p-values keep their order as in R's order().
  const order = p.map((_, i) => i).sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  const adjusted = new Array<number>(m);
  if (method === 'holm') {
    let runningMax = 0;
    order.forEach((index, rank) => {
      runningMax = Math.max(runningMax, (m - rank) * (p[index] as number));
      adjusted[index] = Math.min(1, runningMax);
    });
  } else {
    let runningMin = Infinity;
    for (let rank = m - 1; rank >= 0; rank--) {
      const index = order[rank] as number;
      runningMin = Math.min(runningMin, (m / (rank + 1)) * (p[index] as number));
      adjusted[index] = Math.min(1, runningMin);
    }
  }
  const warnings = m === 1 ? ['a single p-value is returned unadjusted'] : [];
  return { method, n: m, adjusted, warnings };
}
