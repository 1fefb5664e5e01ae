import { AppError } from '../../domain/errors.ts';
import { centredDesign, crossProducts, indexGroups, singularDesign, type Predictor } from './design-matrix.ts';
import { normalQuantile, tTwoSided } from './distributions.ts';
import { cholesky, toRows } from './linear-algebra.ts';
import { minimizeScalar } from './minimize-scalar.ts';
import { profiledReml, remlCurvature, remlSlope, type GroupSums, type ProfiledFit } from './random-intercept-reml.ts';
import { findRoot } from './root-finding.ts';
import { requireConfidenceLevel, requireSameLength } from './validation.ts';

const MIXED_MODEL_ASSUMPTIONS = [
  'a mean linear in the predictors',
  'normally distributed group intercepts and residuals with constant variances',
  'group intercepts independent of the predictors',
] as const;

/** Fewer groups than this and the group variance is poorly estimated. */
export const FEW_GROUPS = 10;

export interface GroupedRegressionInput {
  outcome: readonly number[];
  predictors: readonly Predictor[];
  /** The group (e.g. engagement) of each observation; each group gets its own random intercept. */
  group: readonly (string | number)[];
}

export interface FixedEffect {
  term: string;
  estimate: number;
  se: number;
  /** Wald t = estimate / se, as lme4 prints it. */
  t: number;
  /**
   * Satterthwaite degrees of freedom and the two-sided p-value of t on them, as lmerTest's summary()
   * (Kuznetsova, Brockhoff & Christensen 2017); null when the REML curvature gives no information.
   */
  df: number | null;
  p: number | null;
  /** Wald interval estimate ± z·se, as confint(fit, method = "Wald"). */
  ci: { level: number; lower: number; upper: number };
}

export interface RandomInterceptModelResult {
  method: 'Linear mixed model with a random intercept per group, fitted by REML';
  n: number;
  groups: number;
  fixedEffects: FixedEffect[];
  variance: { group: number; residual: number };
  sd: { group: number; residual: number };
  /** Intraclass correlation: group variance / (group + residual variance). */
  icc: number;
  /** REML log-likelihood, as logLik(fit) for lmer(REML = TRUE). */
  logLikelihood: number;
  /** lme4's θ: group SD relative to residual SD. */
  theta: number;
  /** True when the group variance is estimated at its boundary, zero (lme4's isSingular). */
  singular: boolean;
  vcov: number[][];
  /** What the method takes for granted; shown beside the result so readers can judge it. */
  assumptions: readonly string[];
  warnings: string[];
}

/**
 * Linear mixed model y = Xβ + b_group + ε with a random intercept per group, fitted by REML as
 * lme4::lmer(y ~ x + (1 | group), REML = TRUE) (Bates, Mächler, Bolker & Walker 2015, J. Stat.
 * Softw. 67(1), eq. 41–42). The REML criterion is profiled over β and σ², leaving a 1-D search over
 * θ = σ_b/σ; each evaluation needs only per-group sums, so it is O(groups·p²) after one O(n·p²) pass.
 */
export function fitRandomInterceptModel(
  input: GroupedRegressionInput,
  options: { confLevel?: number } = {},
): RandomInterceptModelResult {
  const confLevel = options.confLevel ?? 0.95;
  requireConfidenceLevel(confLevel);
  const design = centredDesign(input.outcome, input.predictors);
  requireSameLength(input.outcome, input.group, 'outcome', 'group');
  const { n, p, x, y, terms } = design;
  const grouping = indexGroups(input.group);
  const g = grouping.count;
  if (g < 2) {
    throw new AppError('validation_failed', `a random intercept needs at least 2 groups; got ${g}`, [
      { path: 'group', message: `${g} group` },
    ]);
  }
  if (g >= n) {
    throw new AppError(
      'validation_failed',
      `the number of groups (${g}) must be smaller than the number of observations (${n})`,
      [{ path: 'group', message: 'every observation is its own group' }],
    );
  }
  if (n <= p) {
    throw new AppError(
      'validation_failed',
      `a model with ${p} fixed effects needs more than ${p} observations; got ${n}`,
      [{ path: 'outcome', message: `${n} observations` }],
    );
  }

  const { xtx, xty, yty } = crossProducts(design);
  const sums: GroupSums = { count: new Float64Array(g), x: new Float64Array(g * p), y: new Float64Array(g) };
  for (let i = 0; i < n; i++) {
    const j = grouping.index[i] as number;
    sums.count[j] = (sums.count[j] as number) + 1;
    sums.y[j] = (sums.y[j] as number) + (y[i] as number);
    for (let a = 0; a < p; a++) sums.x[j * p + a] = (sums.x[j * p + a] as number) + (x[i * p + a] as number);
  }
  const designCheck = cholesky(xtx, p);
  if ('failedAt' in designCheck) throw singularDesign(terms, designCheck.failedAt);

  const profile = (theta: number) => profiledReml(theta, n, p, g, xtx, xty, yty, sums);
  const deviance = (theta: number): number => profile(theta)?.deviance ?? Infinity;

  // θ on s = θ/(1 + θ) ∈ [0, 1): a bounded search that still reaches very large group variances.
  const thetaOf = (s: number): number => s / (1 - s);
  const grid = 24;
  let bestIndex = 0;
  let bestValue = Infinity;
  for (let k = 0; k <= grid; k++) {
    const value = deviance(thetaOf((k / grid) * 0.999));
    if (value < bestValue) {
      bestValue = value;
      bestIndex = k;
    }
  }
  const lower = (Math.max(0, bestIndex - 1) / grid) * 0.999;
  const upper = (Math.min(grid, bestIndex + 1) / grid) * 0.999;
  const refined = minimizeScalar((s) => deviance(thetaOf(s)), lower, upper, 1e-12);
  let theta = polishOptimum(thetaOf(refined.x), profile, (t, fit) => remlSlope(t, n, p, g, sums, fit));
  // Brent never evaluates the ends of its interval; the boundary θ = 0 is a legitimate optimum.
  if (deviance(0) <= refined.value) theta = 0;
  const fit = profile(theta);
  if (!fit) {
    throw new AppError(
      'validation_failed',
      'the outcome is fitted exactly by the fixed effects; variance components are not identifiable',
      [{ path: 'outcome', message: 'perfect fit' }],
    );
  }
  const sigma2 = fit.pwrss / (n - p);
  const curvature = remlCurvature(theta, Math.sqrt(sigma2), n, p, g, sums, fit);
  const centredVcov = curvature.inverseA.map((v) => v * sigma2);
  const { coefficients, covariance } = design.toOriginal(fit.beta, centredVcov);
  const satterthwaite = satterthwaiteDf(curvature, sigma2, p, (m) => design.toOriginal(fit.beta, m).covariance);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const groupVariance = sigma2 * theta * theta;
  const warnings: string[] = [];
  // lme4's isSingular() tolerance on θ.
  const singular = theta < 1e-4;
  if (singular) warnings.push('boundary (singular) fit: the group variance is estimated at (or near) zero');
  if (g < FEW_GROUPS) warnings.push(`only ${g} groups: the group variance is poorly estimated`);
  if (!satterthwaite)
    warnings.push(
      'Satterthwaite degrees of freedom not available: the REML curvature carries no information on the variances',
    );
  if (refined.x > 0.998)
    warnings.push('the group variance is very large relative to the residual variance; check the data');
  return {
    method: 'Linear mixed model with a random intercept per group, fitted by REML',
    n,
    groups: g,
    fixedEffects: terms.map((term, k) => {
      const estimate = coefficients[k] as number;
      const se = Math.sqrt(covariance[k * p + k] as number);
      const t = estimate / se;
      const df = satterthwaite ? (satterthwaite[k] as number) : null;
      return {
        term,
        estimate,
        se,
        t,
        df,
        p: df === null ? null : tTwoSided(t, df),
        ci: { level: confLevel, lower: estimate - z * se, upper: estimate + z * se },
      };
    }),
    variance: { group: groupVariance, residual: sigma2 },
    sd: { group: Math.sqrt(groupVariance), residual: Math.sqrt(sigma2) },
    icc: groupVariance / (groupVariance + sigma2),
    logLikelihood: -fit.deviance / 2,
    theta,
    singular,
    vcov: toRows(covariance, p),
    assumptions: MIXED_MODEL_ASSUMPTIONS,
    warnings,
  };
}

/**
 * Brent's minimiser stops where the criterion is flat to rounding (θ good to about √ε); the zero of
 * the analytic slope pins the optimum down to a few ulps, so the estimates reflect the optimum rather
 * than a stopping rule. Falls back to Brent's point if the slope does not change sign nearby.
 */
function polishOptimum(
  theta: number,
  profile: (theta: number) => ProfiledFit | null,
  slope: (theta: number, fit: ProfiledFit) => number,
): number {
  if (!(theta > 0)) return theta;
  const slopeAt = (t: number): number => {
    const fit = profile(t);
    return fit ? slope(t, fit) : Number.NaN;
  };
  const lower = theta * (1 - 1e-5);
  const upper = theta * (1 + 1e-5);
  const fLower = slopeAt(lower);
  const fUpper = slopeAt(upper);
  if (!(fLower < 0 && fUpper > 0)) return theta;
  return findRoot(slopeAt, lower, upper, { fLower, fUpper, tolerance: theta * 1e-15 });
}

/**
 * Satterthwaite's df for each coefficient: 2·Var(β̂ₖ)² / (∇Var(β̂ₖ)ᵀ · 2H⁻¹ · ∇Var(β̂ₖ)), with the
 * gradient over (θ, σ) of Var(β̂) = σ²A⁻¹ and H the Hessian of the REML deviance (Satterthwaite 1946;
 * as lmerTest, which differentiates numerically where this is analytic). `toOriginal` maps a
 * covariance of the centred design to the reported coefficients.
 */
function satterthwaiteDf(
  curvature: ReturnType<typeof remlCurvature>,
  sigma2: number,
  p: number,
  toOriginal: (m: Float64Array) => Float64Array,
): number[] | null {
  // Covariance of (θ̂, σ̂): twice the inverse of the deviance Hessian; like lmerTest, the
  // Moore–Penrose inverse over eigenvalues above 1e-8, so a boundary fit still gets its df.
  const { thetaTheta: a, thetaSigma: b, sigmaSigma: c } = curvature.hessian;
  const middle = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  let vThetaTheta = 0;
  let vThetaSigma = 0;
  let vSigmaSigma = 0;
  for (const eigenvalue of [middle + radius, middle - radius]) {
    if (!(eigenvalue > 1e-8)) continue;
    // Eigenvector of [[a, b], [b, c]] for this eigenvalue, normalised.
    const [u, w] =
      Math.abs(b) > 0 ? [b, eigenvalue - a] : Math.abs(eigenvalue - a) <= Math.abs(eigenvalue - c) ? [1, 0] : [0, 1];
    const length = Math.hypot(u, w);
    const [eu, ew] = [u / length, w / length];
    vThetaTheta += (2 * eu * eu) / eigenvalue;
    vThetaSigma += (2 * eu * ew) / eigenvalue;
    vSigmaSigma += (2 * ew * ew) / eigenvalue;
  }
  const variance = toOriginal(curvature.inverseA.map((v) => v * sigma2));
  const byTheta = toOriginal(curvature.dInverseA.map((v) => v * sigma2));
  const bySigma = toOriginal(curvature.inverseA.map((v) => v * 2 * Math.sqrt(sigma2)));
  const dfs: number[] = [];
  for (let k = 0; k < p; k++) {
    const v = variance[k * p + k] as number;
    const gTheta = byTheta[k * p + k] as number;
    const gSigma = bySigma[k * p + k] as number;
    const denominator =
      gTheta * gTheta * vThetaTheta + 2 * gTheta * gSigma * vThetaSigma + gSigma * gSigma * vSigmaSigma;
    if (!(denominator > 0)) return null;
    dfs.push((2 * v * v) / denominator);
  }
  return dfs;
}
