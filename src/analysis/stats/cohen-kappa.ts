import { AppError } from '../../domain/errors.ts';
import { factorLevels } from './data-table.ts';
import { normalQuantile } from './distributions.ts';
import type { ConfidenceInterval } from './result.ts';
import { requireSameLength } from './validation.ts';

/** A rating as a category label; null (R's NA) is missing. Numbers are ordered numerically. */
export type CategoryRating = string | number | null;

export interface CohenKappaOptions {
  /** Two-sided level of the intervals is 1 − alpha; psych's default .05. */
  alpha?: number;
  /** The categories in order (psych's `levels`); by default every category either rater used, in R's order. */
  levels?: readonly string[];
}

export interface KappaEstimate {
  value: number;
  /** psych's large-sample variance (Fleiss, Cohen & Everitt 1969); 0 where it comes out negative (`bad`). */
  variance: number;
  /** value ± z·√variance, clipped to [−1, 1] as psych does. */
  ci: ConfidenceInterval;
}

export interface CohenKappaResult {
  method: string;
  reference: string;
  /** Complete pairs: both raters gave a category. */
  n: number;
  /** Pairs left out because a rating was missing. */
  dropped: number;
  /** The categories in the order the weights use. */
  levels: string[];
  /** Pair counts, rows the first rater (x), columns the second (y). */
  table: number[][];
  observedAgreement: number;
  expectedAgreement: number;
  unweighted: KappaEstimate;
  /** Weighted kappa with psych's quadratic weights 1 − (i − j)²/(k − 1)². */
  weighted: KappaEstimate & { weights: 'quadratic' };
  assumptions: readonly string[];
  warnings: string[];
}

const KAPPA_ASSUMPTIONS = [
  'the same targets rated independently by both raters',
  'categories exhaustive and mutually exclusive (ordered, for the weighted kappa)',
] as const;

const METHOD = "Cohen's kappa and weighted kappa (quadratic weights), as psych::cohen.kappa";
const REFERENCE =
  'Cohen (1960); Cohen (1968); variances of Fleiss, Cohen & Everitt (1969); Revelle, psych::cohen.kappa';

/**
 * Agreement of two raters on categories: Cohen's (1960) kappa and Cohen's (1968) weighted kappa with
 * quadratic weights, their variances and normal intervals, exactly as psych::cohen.kappa(data.frame(x,
 * y)) computes them. A pair with a missing rating is dropped (R's table() leaves it out), but the
 * categories are every one either rater used anywhere, as psych takes them from both columns whole.
 */
export function cohenKappa(
  x: readonly CategoryRating[],
  y: readonly CategoryRating[],
  options: CohenKappaOptions = {},
): CohenKappaResult {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) {
    throw new AppError('validation_failed', `alpha must be between 0 and 1; got ${alpha}`, [
      { path: 'alpha', message: 'must be between 0 and 1' },
    ]);
  }
  requireSameLength(x, y, 'x', 'y');
  const label = (value: CategoryRating): string | null => (value === null ? null : String(value));
  const xs = x.map(label);
  const ys = y.map(label);
  const present = [...xs, ...ys].filter((value): value is string => value !== null);
  const numeric = [...x, ...y].every((value) => value === null || typeof value === 'number');
  const levels = options.levels
    ? [...options.levels]
    : numeric
      ? [...new Set(present)].sort((a, b) => Number(a) - Number(b))
      : factorLevels(present);
  const position = new Map(levels.map((level, k) => [level, k]));
  const len = levels.length;
  const table = levels.map(() => levels.map(() => 0));
  let n = 0;
  xs.forEach((a, i) => {
    const b = ys[i] ?? null;
    if (a === null || b === null) return;
    const row = position.get(a);
    const column = position.get(b);
    if (row === undefined || column === undefined) {
      const [side, value] = row === undefined ? ['x', a] : ['y', b];
      throw new AppError('validation_failed', `${side}[${i}] is not one of the levels: ${value}`, [
        { path: `${side}[${i}]`, message: `not one of ${levels.join(', ')}` },
      ]);
    }
    table[row]![column]!++;
    n++;
  });
  if (n === 0) {
    throw new AppError('validation_failed', "Cohen's kappa needs at least one pair rated by both raters; got none", [
      { path: 'x', message: 'no complete pairs' },
    ]);
  }
  if (len < 2) {
    throw new AppError(
      'validation_failed',
      `Cohen's kappa is undefined: every rating is the same category (${levels[0] ?? 'none'}); psych gives NA`,
      [{ path: 'x', message: 'a single category' }],
    );
  }

  const p = table.map((row) => row.map((count) => count / n));
  const rs = p.map((row) => row.reduce((s, v) => s + v, 0));
  const cs = levels.map((_, j) => p.reduce((s, row) => s + row[j]!, 0));
  const at = (m: number[][], i: number, j: number): number => m[i]![j]!;
  let po = 0;
  let pc = 0;
  for (let i = 0; i < len; i++) {
    po += at(p, i, i);
    pc += rs[i]! * cs[i]!;
  }
  const kappa = (po - pc) / (1 - pc);

  const w = levels.map((_, i) => levels.map((__, j) => 1 - (i - j) ** 2 / (len - 1) ** 2));
  let wpo = 0;
  let wpc = 0;
  for (let i = 0; i < len; i++)
    for (let j = 0; j < len; j++) {
      wpo += at(w, i, j) * at(p, i, j);
      wpc += at(w, i, j) * rs[i]! * cs[j]!;
    }
  // psych's colw = colSums(w * cs) and roww = rowSums(w * rs): R recycles cs and rs down the rows.
  const colw = levels.map((_, j) => levels.reduce((s, __, i) => s + at(w, i, j) * cs[i]!, 0));
  const roww = levels.map((_, i) => levels.reduce((s, __, j) => s + at(w, i, j) * rs[i]!, 0));

  // psych's Vark and Varkw, term for term (its `a %+% t(b)` is the outer sum a[i] + b[j]).
  let traceTerm = 0;
  let offTerm = 0;
  let diagOff = 0;
  for (let i = 0; i < len; i++) {
    const d = 1 - pc - (rs[i]! + cs[i]!) * (1 - po);
    traceTerm += at(p, i, i) * d * d;
    for (let j = 0; j < len; j++) {
      const s = (cs[i]! + rs[j]!) ** 2;
      offTerm += at(p, i, j) * s;
      if (i === j) diagOff += at(p, i, j) * s;
    }
  }
  let varKappa =
    (1 / (n * (1 - pc) ** 4)) * (traceTerm + (1 - po) ** 2 * (offTerm - diagOff) - (po * pc - 2 * pc + po) ** 2);
  let weightedSum = 0;
  for (let i = 0; i < len; i++)
    for (let j = 0; j < len; j++) {
      const d = at(w, i, j) * (1 - wpc) - (colw[i]! + roww[j]!) * (1 - wpo);
      weightedSum += at(p, i, j) * d * d;
    }
  let varWeighted = (1 / (n * (1 - wpc) ** 4)) * (weightedSum - (wpo * wpc - 2 * wpc + wpo) ** 2);
  const weightedKappa = (wpo - wpc) / (1 - wpc);

  const warnings: string[] = [];
  const dropped = x.length - n;
  if (!Number.isFinite(varKappa) || varKappa < 0) {
    warnings.push('the variance of kappa came out negative or undefined and is taken as 0, as psych does');
    varKappa = 0;
  }
  if (!Number.isFinite(varWeighted) || varWeighted < 0) {
    warnings.push('the variance of weighted kappa came out negative or undefined and is taken as 0, as psych does');
    varWeighted = 0;
  }
  const z = -normalQuantile(alpha / 2);
  const bounds = [
    [kappa - z * Math.sqrt(varKappa), kappa + z * Math.sqrt(varKappa)],
    [weightedKappa - z * Math.sqrt(varWeighted), weightedKappa + z * Math.sqrt(varWeighted)],
  ] as const;
  const clip = bounds.flat().some((b) => Math.abs(b) > 1);
  if (clip) warnings.push('an interval end beyond ±1 is set to ±1, as psych does');
  const interval = ([lower, upper]: readonly [number, number]): ConfidenceInterval => ({
    level: 1 - alpha,
    lower: clip ? Math.max(-1, lower) : lower,
    upper: clip ? Math.min(1, upper) : upper,
    method: 'normal approximation (psych::cohen.kappa)',
  });
  if (n < 10) warnings.push(`only ${n} pairs: the normal intervals are rough`);
  return {
    method: METHOD,
    reference: REFERENCE,
    n,
    dropped,
    levels,
    table,
    observedAgreement: po,
    expectedAgreement: pc,
    unweighted: { value: kappa, variance: varKappa, ci: interval(bounds[0]) },
    weighted: { value: weightedKappa, variance: varWeighted, ci: interval(bounds[1]), weights: 'quadratic' },
    assumptions: KAPPA_ASSUMPTIONS,
    warnings,
  };
}
