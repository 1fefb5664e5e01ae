import { AppError } from '../../domain/errors.ts';
import { centredDesign, crossProducts, indexGroups, singularDesign, type Predictor } from './design-matrix.ts';
import { normalQuantile } from './distributions.ts';
import { cholesky, choleskyInverse, choleskyLogDeterminant, choleskySolve, toRows } from './linear-algebra.ts';
import { minimizeScalar } from './minimize-scalar.ts';
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
  /** Wald t = estimate / se, as lme4 prints it (lme4 gives no df or p-value). */
  t: number;
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

interface GroupSums {
  count: Float64Array;
  /** Σ x per group, row-major groups × p. */
  x: Float64Array;
  y: Float64Array;
}

/**
 * Linear mixed model y = Xβ + b_group + ε with a random intercept per group, fitted by REML as
 * lme4::lmer(y ~ x + (1 | group), REML = TRUE) (Bates, Mächler, Bolker & Walker 2015, J. Stat.
 * Softw. 67(1), eq. 41–42). The REML criterion is profiled over β and σ², leaving a 1-D search over
 * θ = σ_b/σ; each evaluation needs only per-group sums, so it is O(groups·p²) after one O(n·p²) pass.
 */
export function fitRandomInterceptModel(input: GroupedRegressionInput, options: { confLevel?: number } = {}): RandomInterceptModelResult {
  const confLevel = options.confLevel ?? 0.95;
  requireConfidenceLevel(confLevel);
  const design = centredDesign(input.outcome, input.predictors);
  requireSameLength(input.outcome, input.group, 'outcome', 'group');
  const { n, p, x, y, terms } = design;
  const grouping = indexGroups(input.group);
  const g = grouping.count;
  if (g < 2) {
    throw new AppError('validation_failed', `a random intercept needs at least 2 groups; got ${g}`, [{ path: 'group', message: `${g} group` }]);
  }
  if (g >= n) {
    throw new AppError('validation_failed', `the number of groups (${g}) must be smaller than the number of observations (${n})`, [
      { path: 'group', message: 'every observation is its own group' },
    ]);
  }
  if (n <= p) {
    throw new AppError('validation_failed', `a model with ${p} fixed effects needs more than ${p} observations; got ${n}`, [
      { path: 'outcome', message: `${n} observations` },
    ]);
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
    throw new AppError('validation_failed', 'the outcome is fitted exactly by the fixed effects; variance components are not identifiable', [
      { path: 'outcome', message: 'perfect fit' },
    ]);
  }
  const sigma2 = fit.pwrss / (n - p);
  const centredVcov = choleskyInverse(fit.factor, p).map((v) => v * sigma2);
  const { coefficients, covariance } = design.toOriginal(fit.beta, centredVcov);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const groupVariance = sigma2 * theta * theta;
  const warnings: string[] = [];
  // lme4's isSingular() tolerance on θ.
  const singular = theta < 1e-4;
  if (singular) warnings.push('boundary (singular) fit: the group variance is estimated at (or near) zero');
  if (g < FEW_GROUPS) warnings.push(`only ${g} groups: the group variance is poorly estimated`);
  if (refined.x > 0.998) warnings.push('the group variance is very large relative to the residual variance; check the data');
  return {
    method: 'Linear mixed model with a random intercept per group, fitted by REML',
    n,
    groups: g,
    fixedEffects: terms.map((term, k) => {
      const estimate = coefficients[k] as number;
      const se = Math.sqrt(covariance[k * p + k] as number);
      return { term, estimate, se, t: estimate / se, ci: { level: confLevel, lower: estimate - z * se, upper: estimate + z * se } };
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

type ProfiledFit = NonNullable<ReturnType<typeof profiledReml>>;

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
 * d′(θ) of the profiled REML criterion. With w_j′ = 2θ/(1 + n_jθ²)², s_j = Σx and t_j = Σy over group j:
 *   d′ = Σ 2n_jθ/(1 + n_jθ²) − Σ w_j′ s_jᵀA⁻¹s_j − (n − p) Σ w_j′ (t_j − βᵀs_j)² / r²,
 * from d log|A| = tr(A⁻¹dA) and dr² = −Σ w_j′ (t_j − βᵀs_j)² (the β terms cancel at the optimum β).
 */
function remlSlope(theta: number, n: number, p: number, g: number, sums: GroupSums, fit: ProfiledFit): number {
  const t2 = theta * theta;
  const inverse = choleskyInverse(fit.factor, p);
  let logDetL = 0;
  let logDetA = 0;
  let residual = 0;
  for (let j = 0; j < g; j++) {
    const nj = sums.count[j] as number;
    const denominator = 1 + nj * t2;
    const dw = (2 * theta) / (denominator * denominator);
    logDetL += (2 * nj * theta) / denominator;
    const base = j * p;
    let quadratic = 0;
    let fitted = 0;
    for (let r = 0; r < p; r++) {
      const xr = sums.x[base + r] as number;
      fitted += (fit.beta[r] as number) * xr;
      let row = 0;
      for (let s = 0; s < p; s++) row += (inverse[r * p + s] as number) * (sums.x[base + s] as number);
      quadratic += xr * row;
    }
    logDetA -= dw * quadratic;
    const gap = (sums.y[j] as number) - fitted;
    residual -= dw * gap * gap;
  }
  return logDetL + logDetA + ((n - p) * residual) / fit.pwrss;
}

/**
 * The profiled REML criterion at θ (Bates et al. 2015, eq. 42):
 *   d(θ) = log|I + θ²ZᵀZ| + log|XᵀV⁻¹X| + (n − p)(1 + log(2π·r²/(n − p))),  V = I + θ²ZZᵀ.
 * For a random intercept V is block-diagonal with V_j⁻¹ = I − w_j11ᵀ, w_j = θ²/(1 + n_jθ²), so every
 * term is a correction of the plain cross-products by the per-group sums.
 */
function profiledReml(
  theta: number,
  n: number,
  p: number,
  g: number,
  xtx: Float64Array,
  xty: Float64Array,
  yty: number,
  sums: GroupSums,
): { deviance: number; beta: Float64Array; factor: Float64Array; pwrss: number } | null {
  const t2 = theta * theta;
  const a = new Float64Array(xtx);
  const b = new Float64Array(xty);
  let c = yty;
  let logDetL = 0;
  for (let j = 0; j < g; j++) {
    const nj = sums.count[j] as number;
    const w = t2 / (1 + nj * t2);
    logDetL += Math.log1p(nj * t2);
    if (w === 0) continue;
    const yj = sums.y[j] as number;
    const base = j * p;
    c -= w * yj * yj;
    for (let r = 0; r < p; r++) {
      const xr = sums.x[base + r] as number;
      b[r] = (b[r] as number) - w * xr * yj;
      for (let s = 0; s <= r; s++) a[r * p + s] = (a[r * p + s] as number) - w * xr * (sums.x[base + s] as number);
    }
  }
  for (let r = 0; r < p; r++) for (let s = r + 1; s < p; s++) a[r * p + s] = a[s * p + r] as number;
  const factored = cholesky(a, p);
  if ('failedAt' in factored) return null;
  const beta = choleskySolve(factored.factor, p, b);
  let explained = 0;
  for (let r = 0; r < p; r++) explained += (beta[r] as number) * (b[r] as number);
  const pwrss = c - explained;
  if (!(pwrss > 1e-14 * yty)) return null;
  const dof = n - p;
  const deviance = logDetL + choleskyLogDeterminant(factored.factor, p) + dof * (1 + Math.log((2 * Math.PI * pwrss) / dof));
  return { deviance, beta, factor: factored.factor, pwrss };
}
