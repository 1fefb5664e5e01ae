import { AppError } from '../../domain/errors.ts';
import type { DiscreteDistribution } from './discrete-distribution.ts';
import { normalQuantile } from './distributions.ts';
import { medianOfSorted, rangeOf, sortAscending } from './order-statistics.ts';
import { averageRanks, hasTies, mergedRankSum, tieCorrectionSum } from './ranks.ts';
import { continuityCorrection, exactOrderStatisticInterval, exactPValue, normalPValue } from './rank-inference.ts';
import type { Alternative, ConfidenceInterval, EffectSize } from './result.ts';
import { findRoot } from './root-finding.ts';
import { signedRankDistribution } from './signed-rank-distribution.ts';
import { requireConfidenceLevel, requireFinite, requireSameLength } from './validation.ts';
import { countOf } from '../../domain/count-of.ts';

const SIGNED_RANK_ASSUMPTIONS = [
  'pairs independent of one another',
  'differences on an interval scale, symmetric about their median',
] as const;

export interface WilcoxonSignedRankOptions {
  alternative?: Alternative;
  /** By default exact when fewer than 50 non-zero differences and no ties or zeros, as R. */
  exact?: boolean;
  correct?: boolean;
  confLevel?: number;
}

export interface WilcoxonSignedRankResult {
  method: string;
  /** Pairs with a non-zero difference: the n the test uses (zeros are dropped, as R does). */
  n: number;
  pairs: number;
  zeros: number;
  /** V: the sum of the ranks of the positive differences after − before. */
  statistic: number;
  statisticName: 'V';
  p: number;
  alternative: Alternative;
  exact: boolean;
  z: number | null;
  /** Hodges–Lehmann pseudo-median of after − before with its confidence interval (R's conf.int = TRUE). */
  estimate: { name: '(pseudo)median'; value: number; ci: ConfidenceInterval };
  /** Matched-pairs rank-biserial correlation (T⁺ − T⁻)/(T⁺ + T⁻) (Kerby 2014). */
  effectSizes: EffectSize[];
  /** What the method takes for granted; shown beside the result so readers can judge it. */
  assumptions: readonly string[];
  warnings: string[];
}

/**
 * Wilcoxon signed-rank test of paired data on the differences after − before, as R's
 * wilcox.test(after, before, paired = TRUE, conf.int = TRUE) (Wilcoxon 1945; Hollander & Wolfe 1973).
 */
export function wilcoxonSignedRank(
  before: readonly number[],
  after: readonly number[],
  options: WilcoxonSignedRankOptions = {},
): WilcoxonSignedRankResult {
  const alternative = options.alternative ?? 'two.sided';
  const correct = options.correct ?? true;
  const confLevel = options.confLevel ?? 0.95;
  requireConfidenceLevel(confLevel);
  requireSameLength(before, after, 'before', 'after');
  requireFinite(before, 'before');
  requireFinite(after, 'after');
  const pairs = before.length;
  const allDifferences = after.map((a, i) => a - (before[i] as number));
  const differences = allDifferences.filter((d) => d !== 0);
  const zeros = pairs - differences.length;
  const n = differences.length;
  if (n === 0) {
    throw new AppError('validation_failed', 'Wilcoxon signed-rank needs at least one pair whose values differ', [
      { path: 'after', message: pairs === 0 ? 'no pairs' : `all ${pairs} differences are zero` },
    ]);
  }
  const warnings: string[] = [];
  if (zeros > 0) warnings.push(`${countOf(zeros, 'zero difference')} dropped`);
  const ranks = averageRanks(differences.map(Math.abs));
  let statistic = 0;
  for (let i = 0; i < n; i++) if ((differences[i] as number) > 0) statistic += ranks[i] as number;
  const ties = hasTies(ranks);
  const wantExact = options.exact ?? n < 50;
  const exact = wantExact && !ties && zeros === 0;
  if (wantExact && !exact)
    warnings.push('ties or zeros present: exact p-value and interval not available, normal approximation used');
  if (n < 6) warnings.push(`only ${n} non-zero differences: a two-sided p below 0.05 is impossible`);

  let p: number;
  let z: number | null = null;
  let method: string;
  let ci: ConfidenceInterval;
  let estimate: number;
  if (exact) {
    method = 'Wilcoxon signed rank exact test';
    const dist = signedRankDistribution(n);
    p = exactPValue(statistic, (n * (n + 1)) / 2, alternative, dist);
    ({ ci, estimate } = exactPseudoMedian(differences, alternative, confLevel, dist, warnings));
  } else {
    method = correct ? 'Wilcoxon signed rank test with continuity correction' : 'Wilcoxon signed rank test';
    const centred = statistic - (n * (n + 1)) / 4;
    const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieCorrectionSum(ranks) / 48);
    z = (centred - (correct ? continuityCorrection(centred, alternative) : 0)) / sigma;
    p = normalPValue(z, alternative);
    ({ ci, estimate } = asymptoticPseudoMedian(differences, alternative, confLevel, correct, warnings));
  }
  const total = (n * (n + 1)) / 2;
  return {
    method,
    n,
    pairs,
    zeros,
    statistic,
    statisticName: 'V',
    p,
    alternative,
    exact,
    z,
    estimate: { name: '(pseudo)median', value: estimate, ci },
    effectSizes: [{ name: 'matched-pairs rank-biserial correlation', value: (2 * statistic - total) / total }],
    assumptions: SIGNED_RANK_ASSUMPTIONS,
    warnings,
  };
}

function exactPseudoMedian(
  differences: readonly number[],
  alternative: Alternative,
  confLevel: number,
  dist: DiscreteDistribution,
  warnings: string[],
): { ci: ConfidenceInterval; estimate: number } {
  const n = differences.length;
  // Walsh averages (d_i + d_j)/2 for i ≤ j.
  const walsh: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) walsh.push(((differences[i] as number) + (differences[j] as number)) / 2);
  const sorted = sortAscending(walsh);
  const { lower, upper, achievedAlpha } = exactOrderStatisticInterval(sorted, dist, alternative, confLevel);
  const alpha = 1 - confLevel;
  let level = confLevel;
  if (achievedAlpha - alpha > alpha / 2) {
    warnings.push('requested confidence level not achievable with this many pairs');
    // R rounds the achieved level to two significant digits here (and not in the rank-sum test).
    level = 1 - significantHalfEven(achievedAlpha, 2);
  }
  return {
    ci: { level, lower, upper, method: 'exact (Walsh averages; Hollander & Wolfe 1973)' },
    estimate: medianOfSorted(sorted),
  };
}

function asymptoticPseudoMedian(
  differences: readonly number[],
  alternative: Alternative,
  confLevel: number,
  correct: boolean,
  warnings: string[],
): { ci: ConfidenceInterval; estimate: number } {
  // R's W(d): the standardised signed-rank statistic of the differences shifted by d, zeros dropped.
  // With the differences sorted once, |d_i − d| is ascending downwards from d on the negative side
  // and upwards on the positive side, so each evaluation is one O(n) merge.
  const sorted = Float64Array.from(differences).sort();
  const negatives = new Float64Array(sorted.length);
  const positives = new Float64Array(sorted.length);
  const standardisedAt = (d: number, withCorrection: boolean): number => {
    let negativeCount = 0;
    for (let k = sorted.length - 1; k >= 0; k--) {
      const shifted = (sorted[k] as number) - d;
      if (shifted < 0) negatives[negativeCount++] = -shifted;
    }
    let positiveCount = 0;
    for (let k = 0; k < sorted.length; k++) {
      const shifted = (sorted[k] as number) - d;
      if (shifted > 0) positives[positiveCount++] = shifted;
    }
    const m = negativeCount + positiveCount;
    const { rankSumOfFirst, tieTerm } = mergedRankSum(
      positives.subarray(0, positiveCount),
      negatives.subarray(0, negativeCount),
    );
    const centred = rankSumOfFirst - (m * (m + 1)) / 4;
    const sigma = Math.sqrt((m * (m + 1) * (2 * m + 1)) / 24 - tieTerm / 48);
    const correction = withCorrection ? continuityCorrection(centred, alternative) : 0;
    return (centred - correction) / sigma;
  };
  let alpha = 1 - confLevel;
  let level = confLevel;
  const { min: muMin, max: muMax } = rangeOf(differences);
  const wMin = standardisedAt(muMin, correct);
  const wMax = standardisedAt(muMax, correct);
  if (!Number.isFinite(wMin) || !Number.isFinite(wMax)) {
    warnings.push('confidence interval not available: all differences tied');
    const midrange = (muMin + muMax) / 2;
    return { ci: { level: 0, lower: midrange, upper: midrange, method: 'not available' }, estimate: midrange };
  }
  const root = (zq: number): number =>
    findRoot((d) => standardisedAt(d, correct) - zq, muMin, muMax, {
      fLower: wMin - zq,
      fUpper: wMax - zq,
      tolerance: 1e-4,
    });
  const sortedDifferences = sortAscending(differences);
  const median = medianOfSorted(sortedDifferences);
  let lower = -Infinity;
  let upper = Infinity;
  // As R: widen alpha until the interval ends fall inside the range of the differences.
  if (alternative === 'two.sided') {
    while (wMin - normalQuantile(alpha / 2, false) < 0 || wMax - normalQuantile(alpha / 2) > 0) alpha *= 2;
    if (alpha >= 1 || 1 - confLevel < alpha * 0.75) {
      level = 1 - Math.min(1, alpha);
      warnings.push('requested confidence level not achievable');
    }
    if (alpha < 1) {
      lower = root(normalQuantile(alpha / 2, false));
      upper = root(normalQuantile(alpha / 2));
    } else {
      lower = median;
      upper = median;
    }
  } else if (alternative === 'greater') {
    while (wMin - normalQuantile(alpha, false) < 0) alpha *= 2;
    if (alpha >= 1 || 1 - confLevel < alpha * 0.75) {
      level = 1 - Math.min(1, alpha);
      warnings.push('requested confidence level not achievable');
    }
    lower = alpha < 1 ? root(normalQuantile(alpha, false)) : median;
  } else {
    while (wMax - normalQuantile(alpha / 2) > 0) alpha *= 2;
    if (alpha >= 1 || 1 - confLevel < alpha * 0.75) {
      level = 1 - Math.min(1, alpha);
      warnings.push('requested confidence level not achievable');
    }
    upper = alpha < 1 ? root(normalQuantile(alpha)) : median;
  }
  // R turns the continuity correction off before solving for the estimate itself.
  const estimate = findRoot((d) => standardisedAt(d, false), muMin, muMax, { tolerance: 1e-4 });
  return {
    ci: {
      level,
      lower,
      upper,
      method: 'normal approximation, inverted test (Hollander & Wolfe 1973), root found as R uniroot(tol = 1e-4)',
    },
    estimate,
  };
}

/**
 * x to `digits` significant digits as R's signif() computes it: scale by a power of ten in double
 * precision, round half to even, scale back. (JavaScript's toPrecision rounds ties up.)
 */
export function significantHalfEven(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const sign = Math.sign(x);
  const magnitude = Math.abs(x);
  const e10 = digits - 1 - Math.floor(Math.log10(magnitude));
  const roundHalfEven = (v: number): number => {
    const floor = Math.floor(v);
    const fraction = v - floor;
    if (fraction > 0.5) return floor + 1;
    if (fraction < 0.5) return floor;
    return floor % 2 === 0 ? floor : floor + 1;
  };
  if (e10 > 0) {
    const scale = 10 ** e10;
    return (sign * roundHalfEven(magnitude * scale)) / scale;
  }
  const scale = 10 ** -e10;
  return sign * roundHalfEven(magnitude / scale) * scale;
}
