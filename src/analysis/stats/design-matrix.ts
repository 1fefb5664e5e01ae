import { AppError } from '../../domain/errors.ts';
import { sandwich } from './linear-algebra.ts';
import { requireFinite, requireSameLength } from './validation.ts';

/** A named predictor column, as read from a data set. */
export interface Predictor {
  name: string;
  values: readonly number[];
}

/**
 * A regression design with an intercept, its predictors centred at their means. Centring leaves
 * slopes, residuals and likelihoods unchanged but keeps the normal equations well conditioned;
 * `toOriginal` maps coefficients and their covariance back to the uncentred intercept.
 */
export interface CentredDesign {
  n: number;
  /** Number of columns, intercept included. */
  p: number;
  /** '(Intercept)' followed by the predictor names, as R names them. */
  terms: string[];
  /** Row-major n × p: 1, x₁ − x̄₁, …. */
  x: Float64Array;
  /** Outcome centred at its mean. */
  y: Float64Array;
  outcomeMean: number;
  predictorMeans: number[];
  toOriginal(
    coefficients: Float64Array,
    covariance: Float64Array,
  ): { coefficients: Float64Array; covariance: Float64Array };
}

export function centredDesign(outcome: readonly number[], predictors: readonly Predictor[]): CentredDesign {
  requireFinite(outcome, 'outcome');
  const names = new Set<string>();
  for (const predictor of predictors) {
    requireSameLength(outcome, predictor.values, 'outcome', predictor.name);
    requireFinite(predictor.values, predictor.name);
    if (names.has(predictor.name) || predictor.name === '(Intercept)') {
      throw new AppError('validation_failed', `predictor ${predictor.name} is given twice`, [
        { path: predictor.name, message: 'duplicate predictor' },
      ]);
    }
    names.add(predictor.name);
  }
  const n = outcome.length;
  const p = predictors.length + 1;
  const mean = (values: readonly number[]): number => {
    let sum = 0;
    for (const v of values) sum += v;
    return n === 0 ? 0 : sum / n;
  };
  const predictorMeans = predictors.map((predictor) => mean(predictor.values));
  const outcomeMean = mean(outcome);
  const x = new Float64Array(n * p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i * p] = 1;
    for (let k = 1; k < p; k++)
      x[i * p + k] = ((predictors[k - 1] as Predictor).values[i] as number) - (predictorMeans[k - 1] as number);
    y[i] = (outcome[i] as number) - outcomeMean;
  }
  const toOriginal = (coefficients: Float64Array, covariance: Float64Array) => {
    // β₀ = γ₀ + ȳ − Σ x̄ₖγₖ, slopes unchanged: β = Tγ + ȳe₀ with T's first row (1, −x̄₁, …).
    const t = new Float64Array(p * p);
    for (let k = 0; k < p; k++) t[k * p + k] = 1;
    for (let k = 1; k < p; k++) t[k] = -(predictorMeans[k - 1] as number);
    const original = new Float64Array(coefficients);
    let intercept = (coefficients[0] as number) + outcomeMean;
    for (let k = 1; k < p; k++) intercept -= (predictorMeans[k - 1] as number) * (coefficients[k] as number);
    original[0] = intercept;
    const out = sandwich(t, covariance, p);
    return { coefficients: original, covariance: out };
  };
  return {
    n,
    p,
    terms: ['(Intercept)', ...predictors.map((predictor) => predictor.name)],
    x,
    y,
    outcomeMean,
    predictorMeans,
    toOriginal,
  };
}

/** XᵀX, Xᵀy and yᵀy of a centred design; refuses an outcome with no variation. */
export function crossProducts(design: CentredDesign): { xtx: Float64Array; xty: Float64Array; yty: number } {
  const { n, p, x, y } = design;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  let yty = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i] as number;
    yty += yi * yi;
    for (let a = 0; a < p; a++) {
      const xa = x[i * p + a] as number;
      xty[a] = (xty[a] as number) + xa * yi;
      for (let b = 0; b <= a; b++) xtx[a * p + b] = (xtx[a * p + b] as number) + xa * (x[i * p + b] as number);
    }
  }
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) xtx[a * p + b] = xtx[b * p + a] as number;
  if (yty === 0) {
    throw new AppError('validation_failed', 'the outcome has zero variance: every value is the same', [
      { path: 'outcome', message: 'constant' },
    ]);
  }
  return { xtx, xty, yty };
}

/** Refuses a design whose columns are linearly dependent, naming the first term that is. */
export function singularDesign(terms: readonly string[], failedAt: number): AppError {
  const term = terms[failedAt] ?? `column ${failedAt + 1}`;
  const message =
    failedAt === 0
      ? 'the design is singular: there are no observations to estimate the intercept'
      : `the design is singular: ${term} is constant or a linear combination of the terms before it`;
  return new AppError('validation_failed', message, [{ path: term, message: 'collinear predictor' }]);
}

/** Maps group labels to 0-based indices in order of first appearance. */
export function indexGroups(labels: readonly (string | number)[]): {
  index: Int32Array;
  count: number;
  labels: (string | number)[];
} {
  const seen = new Map<string | number, number>();
  const index = new Int32Array(labels.length);
  labels.forEach((label, i) => {
    let g = seen.get(label);
    if (g === undefined) {
      g = seen.size;
      seen.set(label, g);
    }
    index[i] = g;
  });
  return { index, count: seen.size, labels: [...seen.keys()] };
}
