/**
 * The REML criterion of a random-intercept model y = Xβ + b_group + ε and its derivatives in
 * θ = σ_group/σ, computed from per-group sums only (Bates, Mächler, Bolker & Walker 2015, J. Stat.
 * Softw. 67(1), eq. 41–42). V = I + θ²ZZᵀ is block-diagonal with V_j⁻¹ = I − w_j11ᵀ,
 * w_j = θ²/(1 + n_jθ²), so A = XᵀV⁻¹X, XᵀV⁻¹y and yᵀV⁻¹y are the plain cross-products corrected
 * group by group.
 */
import { cholesky, choleskyInverse, choleskyLogDeterminant, choleskySolve, multiply } from './linear-algebra.ts';

export interface GroupSums {
  /** Observations per group. */
  count: Float64Array;
  /** Σ x per group, row-major groups × p. */
  x: Float64Array;
  y: Float64Array;
}

export interface ProfiledFit {
  /** The profiled REML criterion d(θ) = −2 × REML log-likelihood. */
  deviance: number;
  /** β̂(θ) for the (centred) design. */
  beta: Float64Array;
  /** Cholesky factor of A(θ) = XᵀV⁻¹X. */
  factor: Float64Array;
  /** r²(θ): the penalised residual sum of squares at β̂(θ). */
  pwrss: number;
}

/**
 * d′(θ) of the profiled REML criterion. With w_j′ = 2θ/(1 + n_jθ²)², s_j = Σx and t_j = Σy over group j:
 *   d′ = Σ 2n_jθ/(1 + n_jθ²) − Σ w_j′ s_jᵀA⁻¹s_j − (n − p) Σ w_j′ (t_j − βᵀs_j)² / r²,
 * from d log|A| = tr(A⁻¹dA) and dr² = −Σ w_j′ (t_j − βᵀs_j)² (the β terms cancel at the optimum β).
 */
export function remlSlope(theta: number, n: number, p: number, g: number, sums: GroupSums, fit: ProfiledFit): number {
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
export function profiledReml(
  theta: number,
  n: number,
  p: number,
  g: number,
  xtx: Float64Array,
  xty: Float64Array,
  yty: number,
  sums: GroupSums,
): ProfiledFit | null {
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
  const deviance =
    logDetL + choleskyLogDeterminant(factored.factor, p) + dof * (1 + Math.log((2 * Math.PI * pwrss) / dof));
  return { deviance, beta, factor: factored.factor, pwrss };
}

/**
 * Second derivatives of the REML deviance d(θ, σ) = log|L_θ|² + log|A| + r²/σ² + (n − p)log(2πσ²)
 * (lmerTest's parameterisation, Kuznetsova, Brockhoff & Christensen 2017) and ∂A⁻¹/∂θ, for the
 * Satterthwaite degrees of freedom. With w′ = 2θ/(1 + nθ²)², w″ = (2 − 6nθ²)/(1 + nθ²)³ and the group
 * residual e_j = t_j − β̂ᵀs_j:
 *   (log|A|)″ = tr(A⁻¹A″) − tr(A⁻¹A′A⁻¹A′),  A′ = −Σ w′ s sᵀ,  A″ = −Σ w″ s sᵀ,
 *   r²′ = −Σ w′e²,  r²″ = −Σ w″e² − 2qᵀA⁻¹q with q = Σ w′ e s  (β̂′ = −A⁻¹q).
 */
export function remlCurvature(
  theta: number,
  sigma: number,
  n: number,
  p: number,
  g: number,
  sums: GroupSums,
  fit: ProfiledFit,
): {
  hessian: { thetaTheta: number; thetaSigma: number; sigmaSigma: number };
  inverseA: Float64Array;
  dInverseA: Float64Array;
} {
  const t2 = theta * theta;
  const inverseA = choleskyInverse(fit.factor, p);
  const dA = new Float64Array(p * p);
  const d2A = new Float64Array(p * p);
  const q = new Float64Array(p);
  let logL2 = 0;
  let r2First = 0;
  let r2Second = 0;
  for (let j = 0; j < g; j++) {
    const nj = sums.count[j] as number;
    const denominator = 1 + nj * t2;
    const dw = (2 * theta) / (denominator * denominator);
    const d2w = (2 - 6 * nj * t2) / (denominator * denominator * denominator);
    logL2 += (2 * nj * (1 - nj * t2)) / (denominator * denominator);
    const base = j * p;
    let fitted = 0;
    for (let r = 0; r < p; r++) fitted += (fit.beta[r] as number) * (sums.x[base + r] as number);
    const e = (sums.y[j] as number) - fitted;
    r2First -= dw * e * e;
    r2Second -= d2w * e * e;
    for (let r = 0; r < p; r++) {
      const xr = sums.x[base + r] as number;
      q[r] = (q[r] as number) + dw * e * xr;
      for (let s = 0; s < p; s++) {
        const xs = sums.x[base + s] as number;
        dA[r * p + s] = (dA[r * p + s] as number) - dw * xr * xs;
        d2A[r * p + s] = (d2A[r * p + s] as number) - d2w * xr * xs;
      }
    }
  }
  const product = (left: Float64Array, right: Float64Array): Float64Array => multiply(left, right, p);
  const trace = (m: Float64Array): number => {
    let sum = 0;
    for (let r = 0; r < p; r++) sum += m[r * p + r] as number;
    return sum;
  };
  const inverseTimesDA = product(inverseA, dA);
  const logA2 = trace(product(inverseA, d2A)) - trace(product(inverseTimesDA, inverseTimesDA));
  let qInverseQ = 0;
  for (let r = 0; r < p; r++)
    for (let s = 0; s < p; s++) qInverseQ += (q[r] as number) * (inverseA[r * p + s] as number) * (q[s] as number);
  r2Second -= 2 * qInverseQ;
  const sigma2 = sigma * sigma;
  const dInverseA = product(inverseTimesDA, inverseA).map((v) => -v);
  return {
    hessian: {
      thetaTheta: logL2 + logA2 + r2Second / sigma2,
      thetaSigma: (-2 * r2First) / (sigma2 * sigma),
      sigmaSigma: (-2 * (n - p)) / sigma2 + (6 * fit.pwrss) / (sigma2 * sigma2),
    },
    inverseA,
    dInverseA,
  };
}
