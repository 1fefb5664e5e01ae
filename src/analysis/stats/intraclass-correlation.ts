import { AppError } from '../../domain/errors.ts';
import { crossedVarianceComponents, type RatingCell } from './crossed-reml.ts';
import { fQuantile, fUpper } from './distributions.ts';

export type IccType = 'ICC1' | 'ICC2' | 'ICC3' | 'ICC1k' | 'ICC2k' | 'ICC3k';

export interface IccRow {
  type: IccType;
  /** Shrout & Fleiss's name: ICC(1,1), ICC(2,1), ICC(3,1), ICC(1,k), ICC(2,k), ICC(3,k). */
  name: string;
  description: string;
  value: number;
  F: number;
  df1: number;
  df2: number;
  p: number;
  /** The F-based interval of psych::ICC at level 1 − alpha. */
  lower: number;
  upper: number;
}

export interface IntraclassCorrelationResult {
  method: string;
  reference: string;
  /** Targets (rows), including any with missing ratings, as psych counts them. */
  targets: number;
  raters: number;
  /** Ratings present. */
  ratings: number;
  missing: number;
  confLevel: number;
  /** REML variance components (psych's lmer = TRUE default). */
  variance: { target: number; rater: number; residual: number; method: string };
  /** psych's mean squares derived from the variance components. */
  meanSquares: { targets: number; raters: number; residual: number; within: number };
  rows: IccRow[];
  /** The two the question usually wants: ICC(2,1) (absolute agreement) and ICC(3,1) (consistency). */
  icc21: IccRow;
  icc31: IccRow;
  assumptions: readonly string[];
  warnings: string[];
}

const ICC_ASSUMPTIONS = [
  'every target rated on the same scale by the same set of raters (cells may be missing)',
  'target and rater effects additive, with normal errors of one variance',
] as const;

const NAMES: Record<IccType, [string, string]> = {
  ICC1: ['ICC(1,1)', 'single rater, absolute agreement, raters random per target'],
  ICC2: ['ICC(2,1)', 'single random rater, absolute agreement'],
  ICC3: ['ICC(3,1)', 'single fixed rater, consistency'],
  ICC1k: ['ICC(1,k)', 'mean of k raters, raters random per target'],
  ICC2k: ['ICC(2,k)', 'mean of k random raters, absolute agreement'],
  ICC3k: ['ICC(3,k)', 'mean of k fixed raters, consistency'],
};

/**
 * Intraclass correlations of Shrout & Fleiss (1979) with their F tests and F-based intervals, as
 * psych::ICC(x) with its defaults (lmer = TRUE, alpha = .05): the mean squares come from the REML
 * variance components of a crossed random-effects model (target and rater), so missing cells are
 * allowed, and every formula, the number of targets included, is psych's. `ratings[i][j]` is target
 * i's rating by rater j; null is missing.
 */
export function intraclassCorrelation(
  ratings: readonly (readonly (number | null)[])[],
  options: { alpha?: number } = {},
): IntraclassCorrelationResult {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) {
    throw new AppError('validation_failed', `alpha must be between 0 and 1; got ${alpha}`, [
      { path: 'alpha', message: 'must be between 0 and 1' },
    ]);
  }
  const n = ratings.length;
  const k = ratings[0]?.length ?? 0;
  if (n < 2 || k < 2) {
    throw new AppError(
      'validation_failed',
      `the intraclass correlation needs at least 2 targets and 2 raters; got ${n} and ${k}`,
      [{ path: n < 2 ? 'ratings' : 'ratings[0]', message: n < 2 ? `${n} targets` : `${k} raters` }],
    );
  }
  const cells: RatingCell[] = [];
  ratings.forEach((row, i) => {
    if (row.length !== k) {
      throw new AppError('validation_failed', `target ${i + 1} has ${row.length} ratings; target 1 has ${k}`, [
        { path: `ratings[${i}]`, message: `length ${row.length}, expected ${k}` },
      ]);
    }
    row.forEach((value, j) => {
      if (value === null) return;
      if (!Number.isFinite(value)) {
        throw new AppError('validation_failed', `rating of target ${i + 1} by rater ${j + 1} is not a finite number`, [
          { path: `ratings[${i}][${j}]`, message: `not a finite number: ${String(value)}` },
        ]);
      }
      cells.push({ target: i, rater: j, value });
    });
  });
  const missing = n * k - cells.length;
  const ratedTargets = new Set(cells.map((c) => c.target)).size;
  const ratingRaters = new Set(cells.map((c) => c.rater)).size;
  if (ratedTargets < 2 || ratingRaters < 2 || cells.length <= ratedTargets + ratingRaters - 1) {
    throw new AppError(
      'validation_failed',
      'the intraclass correlation needs ratings of at least 2 targets by at least 2 raters, more of them than targets plus raters',
      [{ path: 'ratings', message: `${cells.length} ratings of ${ratedTargets} targets by ${ratingRaters} raters` }],
    );
  }
  const variance = crossedVarianceComponents(cells, n, k);
  if (!(variance.residual > 0)) {
    throw new AppError(
      'validation_failed',
      'the intraclass correlation is undefined: the ratings leave no residual variance (every target rated alike up to a rater shift)',
      [{ path: 'ratings', message: 'zero residual variance' }],
    );
  }

  // psych::ICC with lmer = TRUE, line for line.
  const mse = variance.residual;
  const msb = k * variance.target + mse;
  const msj = n * variance.rater + mse;
  const msw = mse + variance.rater;
  const icc1 = (msb - msw) / (msb + (k - 1) * msw);
  const icc2 = (msb - mse) / (msb + (k - 1) * mse + (k * (msj - mse)) / n);
  const icc3 = (msb - mse) / (msb + (k - 1) * mse);
  const icc1k = (msb - msw) / msb;
  const icc2k = (msb - mse) / (msb + (msj - mse) / n);
  const icc3k = (msb - mse) / msb;
  const f11 = msb / msw;
  const df11n = n - 1;
  const df11d = n * (k - 1);
  const p11 = fUpper(f11, df11n, df11d);
  const f21 = msb / mse;
  const df21n = n - 1;
  const df21d = (n - 1) * (k - 1);
  const p21 = fUpper(f21, df21n, df21d);
  const q = 1 - alpha / 2;
  const f1l = f11 / fQuantile(q, df11n, df11d);
  const f1u = f11 * fQuantile(q, df11d, df11n);
  const f3l = f21 / fQuantile(q, df21n, df21d);
  const f3u = f21 * fQuantile(q, df21d, df21n);
  const fj = msj / mse;
  const vn = (k - 1) * (n - 1) * (k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
  const vd = (n - 1) * k ** 2 * icc2 ** 2 * fj ** 2 + (n * (1 + (k - 1) * icc2) - k * icc2) ** 2;
  const v = vn / vd;
  const f2u = fQuantile(q, n - 1, v);
  const f2l = fQuantile(q, v, n - 1);
  const l2 = (n * (msb - f2u * mse)) / (f2u * (k * msj + (k * n - k - n) * mse) + n * msb);
  const u2 = (n * (f2l * msb - mse)) / (k * msj + (k * n - k - n) * mse + n * f2l * msb);

  const row = (
    type: IccType,
    value: number,
    F: number,
    df1: number,
    df2: number,
    p: number,
    lower: number,
    upper: number,
  ): IccRow => ({
    type,
    name: NAMES[type][0],
    description: NAMES[type][1],
    value,
    F,
    df1,
    df2,
    p,
    lower,
    upper,
  });
  const rows = [
    row('ICC1', icc1, f11, df11n, df11d, p11, (f1l - 1) / (f1l + (k - 1)), (f1u - 1) / (f1u + k - 1)),
    row('ICC2', icc2, f21, df21n, df21d, p21, l2, u2),
    row('ICC3', icc3, f21, df21n, df21d, p21, (f3l - 1) / (f3l + k - 1), (f3u - 1) / (f3u + k - 1)),
    row('ICC1k', icc1k, f11, df11n, df11d, p11, 1 - 1 / f1l, 1 - 1 / f1u),
    row('ICC2k', icc2k, f21, df21n, df21d, p21, (l2 * k) / (1 + l2 * (k - 1)), (u2 * k) / (1 + u2 * (k - 1))),
    row('ICC3k', icc3k, f21, df21n, df21d, p21, 1 - 1 / f3l, 1 - 1 / f3u),
  ];
  const warnings: string[] = [];
  if (missing > 0)
    warnings.push(
      `${missing} missing rating(s): variance components from the ratings present; n = ${n} targets in psych's formulas`,
    );
  if (variance.target === 0 || variance.rater === 0)
    warnings.push(
      `the ${variance.target === 0 ? 'target' : 'rater'} variance is at its boundary (0): a singular fit, as lme4 reports`,
    );
  if (n < 5) warnings.push(`only ${n} targets: the intervals are wide`);
  return {
    method: 'Intraclass correlation (Shrout & Fleiss 1979), REML variance components, as psych::ICC (lmer = TRUE)',
    reference: 'Shrout & Fleiss (1979); McGraw & Wong (1996); Revelle, psych::ICC',
    targets: n,
    raters: k,
    ratings: cells.length,
    missing,
    confLevel: 1 - alpha,
    variance,
    meanSquares: { targets: msb, raters: msj, residual: mse, within: msw },
    rows,
    icc21: rows[1]!,
    icc31: rows[2]!,
    assumptions: ICC_ASSUMPTIONS,
    warnings,
  };
}
