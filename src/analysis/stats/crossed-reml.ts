import { minimizeScalar } from './minimize-scalar.ts';

/** One rating: target (row) i by rater (column) j. */
export interface RatingCell {
  target: number;
  rater: number;
  value: number;
}

export interface CrossedVarianceComponents {
  target: number;
  rater: number;
  residual: number;
  /** How they were found: closed form on a complete table, numerical REML otherwise. */
  method: 'closed form (balanced REML)' | 'numerical REML';
}

/**
 * REML variance components of y = μ + a_target + b_rater + e with crossed random effects, as
 * lme4::lmer(values ~ 1 + (1 | id) + (1 | items)) estimates them (what psych::ICC fits by default).
 *
 * On a complete table the REML likelihood splits into the three ANOVA mean squares, each a scaled
 * chi-square with expectations σ² + kσ²_a, σ² + nσ²_b and σ²; the estimates under σ²_a, σ²_b ≥ 0 are
 * then the isotonic regression of the mean squares under that tree order (Robertson, Wright &
 * Dykstra 1988, ch. 1): a mean square below the residual's is pooled into it. With missing cells the
 * profiled REML deviance (Bates et al. 2015, eq. 42) is minimised over the relative scales θ = σ_a/σ,
 * σ_b/σ, by Brent's method nested over the two.
 */
export function crossedVarianceComponents(
  cells: readonly RatingCell[],
  targets: number,
  raters: number,
): CrossedVarianceComponents {
  return cells.length === targets * raters
    ? balancedComponents(cells, targets, raters)
    : numericalComponents(cells, targets, raters);
}

function balancedComponents(cells: readonly RatingCell[], n: number, k: number): CrossedVarianceComponents {
  const rowMean = new Float64Array(n);
  const colMean = new Float64Array(k);
  let grand = 0;
  for (const c of cells) {
    rowMean[c.target]! += c.value / k;
    colMean[c.rater]! += c.value / n;
    grand += c.value / (n * k);
  }
  let ssB = 0;
  let ssJ = 0;
  let ssE = 0;
  for (let i = 0; i < n; i++) ssB += k * (rowMean[i]! - grand) ** 2;
  for (let j = 0; j < k; j++) ssJ += n * (colMean[j]! - grand) ** 2;
  for (const c of cells) ssE += (c.value - rowMean[c.target]! - colMean[c.rater]! + grand) ** 2;
  const dfB = n - 1;
  const dfJ = k - 1;
  const dfE = (n - 1) * (k - 1);
  // Pool into the residual every mean square below the pooled residual mean square, lowest first.
  let ss = ssE;
  let df = dfE;
  let poolB = false;
  let poolJ = false;
  const candidates = [
    { which: 'B' as const, ss: ssB, df: dfB },
    { which: 'J' as const, ss: ssJ, df: dfJ },
  ].sort((a, b) => a.ss / a.df - b.ss / b.df);
  for (const candidate of candidates) {
    if (candidate.ss / candidate.df < ss / df) {
      ss += candidate.ss;
      df += candidate.df;
      if (candidate.which === 'B') poolB = true;
      else poolJ = true;
    }
  }
  const residual = ss / df;
  return {
    target: poolB ? 0 : (ssB / dfB - residual) / k,
    rater: poolJ ? 0 : (ssJ / dfJ - residual) / n,
    residual,
    method: 'closed form (balanced REML)',
  };
}

function numericalComponents(cells: readonly RatingCell[], n: number, k: number): CrossedVarianceComponents {
  const count = new Float64Array(n);
  const raterCount = new Float64Array(k);
  const byTarget: number[][] = Array.from({ length: n }, () => []);
  let sumY = 0;
  let sumYY = 0;
  const targetSumY = new Float64Array(n);
  const raterSumY = new Float64Array(k);
  for (const c of cells) {
    count[c.target]!++;
    raterCount[c.rater]!++;
    byTarget[c.target]!.push(c.rater);
    sumY += c.value;
    sumYY += c.value * c.value;
    targetSumY[c.target]! += c.value;
    raterSumY[c.rater]! += c.value;
  }
  const N = cells.length;
  const scale = sumYY / N - (sumY / N) ** 2;

  // For θ = (ta, tb): log|I + ΛZ'ZΛ|, and u'V⁻¹w for u, w ∈ {1, y} where V = I + ZΛΛ'Z', through the
  // Schur complement of the diagonal target block (k × k, dense).
  const evaluate = (ta: number, tb: number): { deviance: number; sigma2: number } => {
    const a11 = new Float64Array(n);
    let logDet = 0;
    for (let i = 0; i < n; i++) {
      a11[i] = 1 + ta * ta * count[i]!;
      logDet += Math.log(a11[i]!);
    }
    const s = Array.from({ length: k }, (_, j) => {
      const row = new Float64Array(k);
      row[j] = 1 + tb * tb * raterCount[j]!;
      return row;
    });
    const c = ta * ta * tb * tb;
    for (let i = 0; i < n; i++) {
      const list = byTarget[i]!;
      const f = c / a11[i]!;
      for (const j of list) for (const l of list) s[j]![l]! -= f;
    }
    const chol = cholesky(s);
    for (let j = 0; j < k; j++) logDet += 2 * Math.log(chol[j]![j]!);
    // z = A⁻¹ [ta·U; tb·W] for the target sums U and rater sums W of u; returns [ta·U; tb·W]·z.
    const quad = (
      uTarget: ArrayLike<number>,
      uRater: ArrayLike<number>,
      wTarget: ArrayLike<number>,
      wRater: ArrayLike<number>,
    ): number => {
      const r2 = new Float64Array(k);
      for (let j = 0; j < k; j++) r2[j] = tb * wRater[j]!;
      for (let i = 0; i < n; i++) {
        const g = (ta * ta * tb * wTarget[i]!) / a11[i]!;
        for (const j of byTarget[i]!) r2[j]! -= g;
      }
      const z2 = choleskySolve(chol, r2);
      let result = 0;
      for (let i = 0; i < n; i++) {
        let cross = 0;
        for (const j of byTarget[i]!) cross += z2[j]!;
        const z1 = (ta * wTarget[i]! - ta * tb * cross) / a11[i]!;
        result += ta * uTarget[i]! * z1;
      }
      for (let j = 0; j < k; j++) result += tb * uRater[j]! * z2[j]!;
      return result;
    };
    const oneOne = N - quad(count, raterCount, count, raterCount);
    const oneY = sumY - quad(count, raterCount, targetSumY, raterSumY);
    const yy = sumYY - quad(targetSumY, raterSumY, targetSumY, raterSumY);
    const pwrss = yy - (oneY * oneY) / oneOne;
    const sigma2 = pwrss / (N - 1);
    return { deviance: logDet + Math.log(oneOne) + (N - 1) * Math.log(sigma2), sigma2 };
  };

  const upper = 1e3 * Math.max(1, Math.sqrt(scale));
  const profile = (tb: number): { ta: number; deviance: number } => {
    const best = minimizeScalar((ta) => evaluate(ta, tb).deviance, 0, upper);
    const atZero = evaluate(0, tb).deviance;
    return atZero <= best.value ? { ta: 0, deviance: atZero } : { ta: best.x, deviance: best.value };
  };
  const outer = minimizeScalar((tb) => profile(tb).deviance, 0, upper);
  const zero = profile(0);
  const tb = zero.deviance <= outer.value ? 0 : outer.x;
  const { ta } = profile(tb);
  const { sigma2 } = evaluate(ta, tb);
  return { target: ta * ta * sigma2, rater: tb * tb * sigma2, residual: sigma2, method: 'numerical REML' };
}

/** Lower Cholesky factor of a symmetric positive definite matrix. */
function cholesky(a: readonly Float64Array[]): Float64Array[] {
  const k = a.length;
  const l = Array.from({ length: k }, () => new Float64Array(k));
  for (let j = 0; j < k; j++) {
    let d = a[j]![j]!;
    for (let m = 0; m < j; m++) d -= l[j]![m]! ** 2;
    const root = Math.sqrt(d);
    l[j]![j] = root;
    for (let i = j + 1; i < k; i++) {
      let v = a[i]![j]!;
      for (let m = 0; m < j; m++) v -= l[i]![m]! * l[j]![m]!;
      l[i]![j] = v / root;
    }
  }
  return l;
}

function choleskySolve(l: readonly Float64Array[], b: Float64Array): Float64Array {
  const k = l.length;
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let v = b[i]!;
    for (let m = 0; m < i; m++) v -= l[i]![m]! * y[m]!;
    y[i] = v / l[i]![i]!;
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let v = y[i]!;
    for (let m = i + 1; m < k; m++) v -= l[m]![i]! * x[m]!;
    x[i] = v / l[i]![i]!;
  }
  return x;
}
