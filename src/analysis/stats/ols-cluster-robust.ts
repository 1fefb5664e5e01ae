import { AppError } from '../../domain/errors.ts';
import { centredDesign, crossProducts, indexGroups, singularDesign, type Predictor } from './design-matrix.ts';
import { tQuantile, tTwoSided } from './distributions.ts';
import { cholesky, choleskyInverse, choleskySolve, sandwich, toRows } from './linear-algebra.ts';
import { requireConfidenceLevel, requireSameLength } from './validation.ts';

const OLS_ASSUMPTIONS = [
  'a mean linear in the predictors',
  'errors independent between clusters, arbitrarily correlated and heteroskedastic within them',
  'enough clusters for the sandwich estimator (about 30 or more)',
] as const;

/** Fewer clusters than this and cluster-robust errors are known to be too small (Cameron & Miller 2015). */
export const FEW_CLUSTERS = 30;

export interface ClusteredRegressionInput {
  outcome: readonly number[];
  predictors: readonly Predictor[];
  /** The cluster (e.g. engagement) of each observation. */
  cluster: readonly (string | number)[];
}

export interface RegressionCoefficient {
  term: string;
  estimate: number;
  se: number;
  t: number;
  df: number;
  p: number;
  ci: { level: number; lower: number; upper: number };
}

export interface ClusterRobustOlsResult {
  method: 'OLS with CR1 cluster-robust standard errors';
  n: number;
  clusters: number;
  /** G − 1, the degrees of freedom of the t tests and intervals. */
  df: number;
  coefficients: RegressionCoefficient[];
  rSquared: number;
  /** CR1 covariance of the coefficients, in the order of `coefficients`. */
  vcov: number[][];
  /** What the method takes for granted; shown beside the result so readers can judge it. */
  assumptions: readonly string[];
  warnings: string[];
}

/**
 * Ordinary least squares with CR1 cluster-robust standard errors, as R's
 * sandwich::vcovCL(fit, cluster, type = "HC1") — Liang & Zeger (1986) with the Stata small-sample
 * factor G/(G − 1)·(N − 1)/(N − K) — and t tests on G − 1 df (Cameron & Miller 2015).
 */
export function olsClusterRobust(
  input: ClusteredRegressionInput,
  options: { confLevel?: number } = {},
): ClusterRobustOlsResult {
  const confLevel = options.confLevel ?? 0.95;
  requireConfidenceLevel(confLevel);
  const design = centredDesign(input.outcome, input.predictors);
  requireSameLength(input.outcome, input.cluster, 'outcome', 'cluster');
  const { n, p, x, y, terms } = design;
  if (n <= p) {
    throw new AppError('validation_failed', `OLS with ${p} coefficients needs more than ${p} observations; got ${n}`, [
      { path: 'outcome', message: `${n} observations` },
    ]);
  }
  const clusters = indexGroups(input.cluster);
  const g = clusters.count;
  if (g < 2) {
    throw new AppError('validation_failed', 'cluster-robust standard errors need at least 2 clusters', [
      { path: 'cluster', message: `${g} cluster` },
    ]);
  }

  const { xtx, xty, yty } = crossProducts(design);
  const factored = cholesky(xtx, p);
  if ('failedAt' in factored) throw singularDesign(terms, factored.failedAt);
  const beta = choleskySolve(factored.factor, p, xty);
  const bread = choleskyInverse(factored.factor, p);

  // Score sums per cluster: s_g = Σ_{i∈g} x_i u_i.
  const scores = new Float64Array(g * p);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let a = 0; a < p; a++) fitted += (x[i * p + a] as number) * (beta[a] as number);
    const residual = (y[i] as number) - fitted;
    rss += residual * residual;
    const c = clusters.index[i] as number;
    for (let a = 0; a < p; a++) scores[c * p + a] = (scores[c * p + a] as number) + (x[i * p + a] as number) * residual;
  }
  if (rss <= 1e-24 * yty) {
    throw new AppError(
      'validation_failed',
      'the outcome is fitted exactly by the predictors; standard errors would be zero',
      [{ path: 'outcome', message: 'perfect fit' }],
    );
  }
  const meat = new Float64Array(p * p);
  for (let c = 0; c < g; c++)
    for (let a = 0; a < p; a++)
      for (let b = 0; b < p; b++)
        meat[a * p + b] = (meat[a * p + b] as number) + (scores[c * p + a] as number) * (scores[c * p + b] as number);
  const centredVcov = sandwich(bread, meat, p);
  const adjustment = (g / (g - 1)) * ((n - 1) / (n - p));
  for (let k = 0; k < p * p; k++) centredVcov[k] = (centredVcov[k] as number) * adjustment;
  const { coefficients, covariance } = design.toOriginal(beta, centredVcov);
  terms.forEach((term, k) => {
    if (!((covariance[k * p + k] as number) > 0)) {
      // Happens when a predictor's scores cancel inside every cluster (e.g. balanced within clusters).
      throw new AppError(
        'validation_failed',
        `the cluster-robust standard error of ${term} is zero: its scores cancel within every cluster, so CR1 inference is not possible`,
        [{ path: term, message: 'zero cluster-robust variance' }],
      );
    }
  });

  const df = g - 1;
  const q = tQuantile(1 - (1 - confLevel) / 2, df);
  const warnings: string[] = [];
  if (g < FEW_CLUSTERS)
    warnings.push(
      `only ${g} clusters: cluster-robust standard errors are unreliable with fewer than about ${FEW_CLUSTERS}`,
    );
  if (p >= g) warnings.push(`as many coefficients (${p}) as clusters (${g}): the robust covariance is rank-deficient`);
  return {
    method: 'OLS with CR1 cluster-robust standard errors',
    n,
    clusters: g,
    df,
    coefficients: terms.map((term, k) => {
      const estimate = coefficients[k] as number;
      const se = Math.sqrt(covariance[k * p + k] as number);
      const t = estimate / se;
      return {
        term,
        estimate,
        se,
        t,
        df,
        p: tTwoSided(t, df),
        ci: { level: confLevel, lower: estimate - q * se, upper: estimate + q * se },
      };
    }),
    rSquared: 1 - rss / yty,
    vcov: toRows(covariance, p),
    assumptions: OLS_ASSUMPTIONS,
    warnings,
  };
}
