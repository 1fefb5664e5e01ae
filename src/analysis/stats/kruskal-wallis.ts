import { AppError } from '../../domain/errors.ts';
import { chiSquareUpper } from './distributions.ts';
import { averageRanks, tieCorrectionSum } from './ranks.ts';
import type { EffectSize } from './result.ts';
import { requireFinite } from './validation.ts';

const KRUSKAL_WALLIS_ASSUMPTIONS = [
  'independent observations within and between groups',
  'an ordinal or continuous outcome',
  'a chi-square approximation to H, adequate when each group has about 5 or more observations',
] as const;

export interface KruskalWallisResult {
  method: 'Kruskal-Wallis rank sum test';
  n: number;
  groups: number;
  /** Per group, in input order: its size and mean rank (the quantity the test compares). */
  groupSummaries: { n: number; meanRank: number }[];
  /** H, corrected for ties by dividing by 1 − Σ(t³ − t)/(n³ − n). */
  statistic: number;
  statisticName: 'H';
  df: number;
  p: number;
  /**
   * ε² = H/(n − 1) (Tomczak & Tomczak 2014) and η²_H = (H − k + 1)/(n − k) (Cohen 2008). No
   * standard closed-form interval exists for either; a bootstrap is the usual route.
   */
  effectSizes: EffectSize[];
  /** What the method takes for granted; shown beside the result so readers can judge it. */
  assumptions: readonly string[];
  warnings: string[];
}

/** Kruskal–Wallis rank-sum test with tie correction, as R's kruskal.test (Kruskal & Wallis 1952). */
export function kruskalWallis(samples: readonly (readonly number[])[]): KruskalWallisResult {
  if (samples.length < 2) {
    throw new AppError('validation_failed', `Kruskal–Wallis needs at least 2 groups; got ${samples.length}`, [
      { path: 'groups', message: 'fewer than 2 groups' },
    ]);
  }
  samples.forEach((sample, g) => {
    requireFinite(sample, `groups[${g}]`);
    if (sample.length === 0) {
      throw new AppError('validation_failed', `group ${g + 1} is empty; every group must contain data`, [
        { path: `groups[${g}]`, message: 'empty group' },
      ]);
    }
  });
  const pooled = samples.flat();
  const n = pooled.length;
  const k = samples.length;
  const tieTerm = tieCorrectionSum(pooled);
  if (tieTerm === n * n * n - n) {
    throw new AppError('validation_failed', 'Kruskal–Wallis is undefined when every value is tied', [
      { path: 'values', message: `all ${n} values equal ${pooled[0]}` },
    ]);
  }
  const ranks = averageRanks(pooled);
  let offset = 0;
  let weighted = 0;
  const groupSummaries = samples.map((sample) => {
    let rankSum = 0;
    for (let i = 0; i < sample.length; i++) rankSum += ranks[offset + i] as number;
    offset += sample.length;
    weighted += (rankSum * rankSum) / sample.length;
    return { n: sample.length, meanRank: rankSum / sample.length };
  });
  const statistic = ((12 * weighted) / (n * (n + 1)) - 3 * (n + 1)) / (1 - tieTerm / (n * n * n - n));
  const df = k - 1;
  const warnings: string[] = [];
  if (tieTerm > 0) warnings.push('ties present: H is tie-corrected');
  const smallest = Math.min(...groupSummaries.map((g) => g.n));
  if (n === k) warnings.push('one observation per group: eta squared (H) is not defined and is reported as 0');
  if (smallest < 5) warnings.push(`small group (n = ${smallest}): the chi-square approximation may be poor`);
  return {
    method: 'Kruskal-Wallis rank sum test',
    n,
    groups: k,
    groupSummaries,
    statistic,
    statisticName: 'H',
    df,
    p: chiSquareUpper(statistic, df),
    effectSizes: [
      { name: 'epsilon squared', value: statistic / (n - 1) },
      { name: 'eta squared (H)', value: n > k ? (statistic - k + 1) / (n - k) : 0 },
    ],
    assumptions: KRUSKAL_WALLIS_ASSUMPTIONS,
    warnings,
  };
}
