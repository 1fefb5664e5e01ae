import { AppError } from '../../domain/errors.ts';
import { countOf } from '../../domain/count-of.ts';

export type PAdjustMethod = 'holm' | 'bh';

export interface PAdjustResult {
  method: PAdjustMethod;
  /** Family size m: the number of p-values adjusted together (those not missing). */
  n: number;
  /** Adjusted p-values in the order given; a missing p-value stays missing (null) in its place. */
  adjusted: (number | null)[];
  warnings: string[];
}

/**
 * Multiple-testing adjustment, as R's p.adjust: Holm's step-down family-wise correction (Holm 1979)
 * or Benjamini–Hochberg false-discovery-rate control (Benjamini & Hochberg 1995). Missing p-values
 * (null, R's NA) keep their place and the others are adjusted as one family of their own number, as
 * `p.adjust(c(0.01, NA, 0.04), "holm")` does.
 */
export function adjustPValues(p: readonly (number | null)[], method: PAdjustMethod): PAdjustResult {
  if (p.length === 0) {
    throw new AppError('validation_failed', 'p-value adjustment needs at least one p-value', [
      { path: 'p', message: 'empty' },
    ]);
  }
  p.forEach((value, i) => {
    if (value !== null && !(Number.isFinite(value) && value >= 0 && value <= 1)) {
      throw new AppError('validation_failed', `p-value ${i + 1} is not between 0 and 1: ${String(value)}`, [
        { path: `p[${i}]`, message: 'must be a number in [0, 1], or missing (null)' },
      ]);
    }
  });
  const present = p.flatMap((value, i) => (value === null ? [] : [i]));
  const m = present.length;
  // Stable sort by p, so tied p-values keep their order as in R's order().
  const order = present.sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  const adjusted = p.map((): number | null => null);
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
  const warnings = [
    ...(m < p.length ? [`${countOf(p.length - m, 'missing p-value')} kept in place; ${m} adjusted together`] : []),
    ...(m === 1 ? ['a single p-value is returned unadjusted'] : []),
    ...(m === 0 ? ['every p-value is missing: nothing to adjust'] : []),
  ];
  return { method, n: m, adjusted, warnings };
}
