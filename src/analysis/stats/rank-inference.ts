/** Pieces shared by the Wilcoxon-family tests, each following R's wilcox.test. */
import type { DiscreteDistribution } from './discrete-distribution.ts';
import { normalCdf, normalUpper } from './distributions.ts';
import type { Alternative } from './result.ts';

/** The exact p-value from the tails of a discrete null distribution on 0 … maxStatistic. */
export function exactPValue(
  statistic: number,
  maxStatistic: number,
  alternative: Alternative,
  dist: DiscreteDistribution,
): number {
  if (alternative === 'greater') return dist.upper(statistic - 1);
  if (alternative === 'less') return dist.cdf(statistic);
  const tail = statistic > maxStatistic / 2 ? dist.upper(statistic - 1) : dist.cdf(statistic);
  return Math.min(2 * tail, 1);
}

/** p-value of a standard normal statistic for the given alternative. */
export function normalPValue(z: number, alternative: Alternative): number {
  if (alternative === 'less') return normalCdf(z);
  if (alternative === 'greater') return normalUpper(z);
  return 2 * Math.min(normalCdf(z), normalUpper(z));
}

/** Continuity correction of ½ towards the null, as R applies it. */
export function continuityCorrection(centred: number, alternative: Alternative): number {
  if (alternative === 'greater') return 0.5;
  if (alternative === 'less') return -0.5;
  return Math.sign(centred) * 0.5;
}

/**
 * The exact distribution-free interval for a Hodges–Lehmann estimate (Bauer 1972): order statistics
 * of the sorted pairwise differences (rank sum) or Walsh averages (signed rank), chosen by the
 * quantiles of the statistic's null distribution. Also returns the α actually achieved.
 */
export function exactOrderStatisticInterval(
  sorted: readonly number[],
  dist: DiscreteDistribution,
  alternative: Alternative,
  confLevel: number,
): { lower: number; upper: number; achievedAlpha: number } {
  const alpha = 1 - confLevel;
  const count = sorted.length;
  const at = (k: number): number => sorted[k - 1] as number; // R's 1-based index
  let qu = dist.quantile(alternative === 'two.sided' ? alpha / 2 : alpha);
  if (qu === 0) qu = 1;
  const tail = dist.cdf(Math.trunc(qu) - 1);
  if (alternative === 'two.sided') return { lower: at(qu), upper: at(count - qu + 1), achievedAlpha: 2 * tail };
  if (alternative === 'greater') return { lower: at(qu), upper: Infinity, achievedAlpha: tail };
  return { lower: -Infinity, upper: at(count - qu + 1), achievedAlpha: tail };
}
