import { AppError } from '../../domain/errors.ts';
import type { DiscreteDistribution } from './discrete-distribution.ts';
import { normalQuantile } from './distributions.ts';
import { medianOfSorted, rangeOf, sortedPairwiseDifferences } from './order-statistics.ts';
import { averageRanks, hasTies, mergedRankSum, tieCorrectionSum } from './ranks.ts';
import { continuityCorrection, exactOrderStatisticInterval, exactPValue, normalPValue } from './rank-inference.ts';
import { rankSumDistribution } from './rank-sum-distribution.ts';
import type { Alternative, ConfidenceInterval, EffectSize } from './result.ts';
import { findRoot } from './root-finding.ts';
import { requireConfidenceLevel, requireFinite } from './validation.ts';

const MANN_WHITNEY_ASSUMPTIONS = [
  'independent observations within and between the two groups',
  'an ordinal or continuous outcome',
  'for the Hodges–Lehmann shift: the two distributions have the same shape and differ in location',
] as const;

export interface MannWhitneyOptions {
  alternative?: Alternative;
  /** Force (true) or forbid (false) the exact distribution; by default exact when both n < 50 and no ties, as R. */
  exact?: boolean;
  /** Continuity correction for the normal approximation (R's default: true). */
  correct?: boolean;
  confLevel?: number;
}

export interface MannWhitneyResult {
  method: string;
  n: number;
  n1: number;
  n2: number;
  /** R's W: the Mann–Whitney U of the first sample, Σ ranks of x − n1(n1 + 1)/2. */
  statistic: number;
  statisticName: 'W';
  p: number;
  alternative: Alternative;
  exact: boolean;
  /** The standardised statistic of the normal approximation (with tie and continuity correction); null when exact. */
  z: number | null;
  /** Hodges–Lehmann shift of x relative to y with its confidence interval, as R's conf.int = TRUE. */
  estimate: { name: 'difference in location'; value: number; ci: ConfidenceInterval };
  /** Rank-biserial correlation r = 2U/(n1·n2) − 1 (Cureton 1956; Kerby 2014) and the probability of superiority U/(n1·n2). */
  effectSizes: EffectSize[];
  /** What the method takes for granted; shown beside the result so readers can judge it. */
  assumptions: readonly string[];
  warnings: string[];
}

/**
 * Mann–Whitney U / Wilcoxon rank-sum test of x against y, as R's wilcox.test(x, y, conf.int = TRUE)
 * (Mann & Whitney 1947; Hollander & Wolfe 1973; Hodges–Lehmann CI by Bauer 1972).
 */
export function mannWhitney(
  x: readonly number[],
  y: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const alternative = options.alternative ?? 'two.sided';
  const correct = options.correct ?? true;
  const confLevel = options.confLevel ?? 0.95;
  requireConfidenceLevel(confLevel);
  requireFinite(x, 'x');
  requireFinite(y, 'y');
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) {
    throw new AppError('validation_failed', 'Mann–Whitney U needs at least one observation in each group', [
      { path: n1 === 0 ? 'x' : 'y', message: 'empty group' },
    ]);
  }
  const pooled = [...x, ...y];
  if (pooled.every((v) => v === pooled[0])) {
    throw new AppError('validation_failed', 'Mann–Whitney U is undefined when every value is tied', [
      { path: 'x,y', message: `all ${pooled.length} values equal ${pooled[0]}` },
    ]);
  }
  const warnings: string[] = [];
  const ranks = averageRanks(pooled);
  let rankSumX = 0;
  for (let i = 0; i < n1; i++) rankSumX += ranks[i] as number;
  const statistic = rankSumX - (n1 * (n1 + 1)) / 2;
  const ties = hasTies(pooled);
  const wantExact = options.exact ?? (n1 < 50 && n2 < 50);
  const exact = wantExact && !ties;
  if (wantExact && ties)
    warnings.push('ties present: exact p-value and interval not available, normal approximation used');
  if (n1 < 5 || n2 < 5) warnings.push(`small groups (n1 = ${n1}, n2 = ${n2}): the test has little power`);

  let p: number;
  let z: number | null = null;
  let method: string;
  let ci: ConfidenceInterval;
  let estimate: number;
  if (exact) {
    method = 'Wilcoxon rank sum exact test';
    const dist = rankSumDistribution(n1, n2);
    p = exactPValue(statistic, n1 * n2, alternative, dist);
    ({ ci, estimate } = exactShift(x, y, alternative, confLevel, dist, warnings));
  } else {
    method = correct ? 'Wilcoxon rank sum test with continuity correction' : 'Wilcoxon rank sum test';
    z = rankSumZ(rankSumX, tieCorrectionSum(pooled), n1, n2, correct, alternative);
    p = normalPValue(z, alternative);
    ({ ci, estimate } = asymptoticShift(x, y, alternative, confLevel, correct, warnings));
  }
  const u = statistic / (n1 * n2);
  return {
    method,
    n: n1 + n2,
    n1,
    n2,
    statistic,
    statisticName: 'W',
    p,
    alternative,
    exact,
    z,
    estimate: { name: 'difference in location', value: estimate, ci },
    effectSizes: [
      { name: 'rank-biserial correlation', value: 2 * u - 1 },
      { name: 'probability of superiority', value: u },
    ],
    assumptions: MANN_WHITNEY_ASSUMPTIONS,
    warnings,
  };
}

/** Standardised rank-sum statistic from the rank sum of x and the tie term, with optional continuity correction. */
function rankSumZ(
  rankSumX: number,
  tieTerm: number,
  n1: number,
  n2: number,
  correct: boolean,
  alternative: Alternative,
): number {
  const centred = rankSumX - (n1 * (n1 + 1)) / 2 - (n1 * n2) / 2;
  const correction = correct ? continuityCorrection(centred, alternative) : 0;
  const n = n1 + n2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  return (centred - correction) / sigma;
}

function exactShift(
  x: readonly number[],
  y: readonly number[],
  alternative: Alternative,
  confLevel: number,
  dist: DiscreteDistribution,
  warnings: string[],
): { ci: ConfidenceInterval; estimate: number } {
  const sorted = sortedPairwiseDifferences(x, y);
  const { lower, upper, achievedAlpha } = exactOrderStatisticInterval(sorted, dist, alternative, confLevel);
  const alpha = 1 - confLevel;
  let level = confLevel;
  if (achievedAlpha - alpha > alpha / 2) {
    warnings.push('requested confidence level not achievable with these sample sizes');
    level = 1 - achievedAlpha;
  }
  return { ci: { level, lower, upper, method: 'exact (Bauer 1972)' }, estimate: medianOfSorted(sorted) };
}

function asymptoticShift(
  x: readonly number[],
  y: readonly number[],
  alternative: Alternative,
  confLevel: number,
  correct: boolean,
  warnings: string[],
): { ci: ConfidenceInterval; estimate: number } {
  const n1 = x.length;
  const n2 = y.length;
  const alpha = 1 - confLevel;
  // R's W(d): the corrected, standardised statistic after shifting x by d; decreasing in d. Shifting
  // keeps x in order, so each evaluation is one O(n) merge of the samples sorted once.
  const sortedX = Float64Array.from(x).sort();
  const sortedY = Float64Array.from(y).sort();
  const shifted = new Float64Array(n1);
  const standardisedAt = (d: number, withCorrection = correct): number => {
    for (let i = 0; i < n1; i++) shifted[i] = (sortedX[i] as number) - d;
    const { rankSumOfFirst, tieTerm } = mergedRankSum(shifted, sortedY);
    return rankSumZ(rankSumOfFirst, tieTerm, n1, n2, withCorrection, alternative);
  };
  const rangeX = rangeOf(x);
  const rangeY = rangeOf(y);
  const muMin = rangeX.min - rangeY.max;
  const muMax = rangeX.max - rangeY.min;
  const wMin = standardisedAt(muMin);
  const wMax = standardisedAt(muMax);
  if (!Number.isFinite(wMin) || !Number.isFinite(wMax)) {
    // Each group constant: the shifted samples tie completely at the ends of the search range.
    warnings.push('confidence interval not available: each group is constant');
    const estimate = medianOfSorted(sortedPairwiseDifferences(x, y));
    return { ci: { level: 0, lower: estimate, upper: estimate, method: 'not available' }, estimate };
  }
  const root = (zq: number): number => {
    const fLower = wMin - zq;
    if (fLower <= 0) return muMin;
    const fUpper = wMax - zq;
    if (fUpper >= 0) return muMax;
    return findRoot((d) => standardisedAt(d) - zq, muMin, muMax, { fLower, fUpper, tolerance: 1e-4 });
  };
  let lower = -Infinity;
  let upper = Infinity;
  if (alternative === 'two.sided') {
    lower = root(normalQuantile(alpha / 2, false));
    upper = root(normalQuantile(alpha / 2));
  } else if (alternative === 'greater') {
    lower = root(normalQuantile(alpha, false));
  } else {
    upper = root(normalQuantile(alpha));
  }
  // R turns the continuity correction off before solving for the estimate itself.
  const estimate = findRoot((d) => standardisedAt(d, false), muMin, muMax, { tolerance: 1e-4 });
  return {
    ci: {
      level: confLevel,
      lower,
      upper,
      method: 'normal approximation, inverted test (Bauer 1972), root found as R uniroot(tol = 1e-4)',
    },
    estimate,
  };
}
