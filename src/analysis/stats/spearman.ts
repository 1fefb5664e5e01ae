import { AppError } from '../../domain/errors.ts';
import { normalQuantile, tCdf } from './distributions.ts';
import { averageRanks, hasTies } from './ranks.ts';
import type { Alternative, ConfidenceInterval } from './result.ts';
import { SPEARMAN_EXACT_MAX_N, spearmanTail } from './spearman-distribution.ts';
import { requireConfidenceLevel, requireFinite, requireSameLength } from './validation.ts';

const SPEARMAN_ASSUMPTIONS = ['independent pairs', 'a monotone (not necessarily linear) association'] as const;

/** Largest n for which R's cor.test uses AS 89 rather than the t approximation. */
const AS89_MAX_N = 1290;

export type SpearmanPBranch = 'exact enumeration (AS 89)' | 'Edgeworth series (AS 89)' | 't approximation';

export interface SpearmanOptions {
  alternative?: Alternative;
  /** By default AS 89 is used whenever there are no ties and n ≤ 1290, as R (exact = NULL). */
  exact?: boolean;
  confLevel?: number;
}

export interface SpearmanResult {
  method: "Spearman's rank correlation rho";
  n: number;
  /** R's S = (n³ − n)(1 − ρ)/6, the sum of squared rank differences when there are no ties. */
  statistic: number;
  statisticName: 'S';
  p: number;
  /** Which of R's three p-value routes was taken; see spearman-distribution.ts. */
  pBranch: SpearmanPBranch;
  alternative: Alternative;
  estimate: {
    name: 'rho';
    value: number;
    /** Fisher-z interval with the Bonett & Wright (2000) variance (1 + ρ²/2)/(n − 3); null for n ≤ 3. R's cor.test gives none. */
    ci: ConfidenceInterval | null;
  };
  /** What the method takes for granted; shown beside the result so readers can judge it. */
  assumptions: readonly string[];
  warnings: string[];
}

/**
 * Spearman's rank correlation test, as R's cor.test(x, y, method = "spearman"): AS 89 (Best &
 * Roberts 1975) without ties for n ≤ 1290 — exact for n ≤ 9, Edgeworth series above — and otherwise
 * the t approximation t = r·√((n − 2)/(1 − r²)) on n − 2 df.
 */
export function spearman(x: readonly number[], y: readonly number[], options: SpearmanOptions = {}): SpearmanResult {
  const alternative = options.alternative ?? 'two.sided';
  const confLevel = options.confLevel ?? 0.95;
  requireConfidenceLevel(confLevel);
  requireSameLength(x, y, 'x', 'y');
  requireFinite(x, 'x');
  requireFinite(y, 'y');
  const n = x.length;
  if (n < 3) {
    throw new AppError('validation_failed', `Spearman correlation needs at least 3 pairs; got ${n}`, [
      { path: 'x', message: `${n} pairs` },
    ]);
  }
  const rankX = averageRanks(x);
  const rankY = averageRanks(y);
  const rho = pearson(rankX, rankY);
  if (rho === null) {
    const constant = rankX.every((r) => r === rankX[0]) ? 'x' : 'y';
    throw new AppError('validation_failed', `Spearman correlation is undefined: every value of ${constant} is tied`, [
      { path: constant, message: 'zero variance' },
    ]);
  }
  const warnings: string[] = [];
  const ties = hasTies(x) || hasTies(y);
  const wantExact = options.exact ?? true;
  if (wantExact && ties) warnings.push('ties present: p-value from the t approximation');
  const useAs89 = wantExact && !ties && n <= AS89_MAX_N;
  const statistic = ((n * n * n - n) * (1 - rho)) / 6;

  const tail = (q: number, lowerTail: boolean): number => {
    if (useAs89) return spearmanTail(n, Math.round(q) + (lowerTail ? 2 : 0), lowerTail);
    const r = 1 - q / ((n * (n * n - 1)) / 6);
    const t = r / Math.sqrt((1 - r * r) / (n - 2));
    // Lower tail of S is the upper tail of r.
    return lowerTail ? tCdf(-t, n - 2) : tCdf(t, n - 2);
  };
  let p: number;
  if (alternative === 'greater') p = tail(statistic, true);
  else if (alternative === 'less') p = tail(statistic, false);
  else p = Math.min(1, 2 * (statistic > (n * n * n - n) / 6 ? tail(statistic, false) : tail(statistic, true)));

  const pBranch: SpearmanPBranch = !useAs89
    ? 't approximation'
    : n <= SPEARMAN_EXACT_MAX_N
      ? 'exact enumeration (AS 89)'
      : 'Edgeworth series (AS 89)';
  return {
    method: "Spearman's rank correlation rho",
    n,
    statistic,
    statisticName: 'S',
    p,
    pBranch,
    alternative,
    estimate: { name: 'rho', value: rho, ci: fisherInterval(rho, n, confLevel, alternative) },
    assumptions: SPEARMAN_ASSUMPTIONS,
    warnings,
  };
}

/** Pearson correlation with centred sums; null when either variable is constant. */
function pearson(a: readonly number[], b: readonly number[]): number | null {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i] as number;
    meanB += b[i] as number;
  }
  meanA /= n;
  meanB /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - meanA;
    const db = (b[i] as number) - meanB;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return null;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}

function fisherInterval(
  rho: number,
  n: number,
  confLevel: number,
  alternative: Alternative,
): ConfidenceInterval | null {
  if (n <= 3) return null;
  const z = Math.atanh(rho);
  const se = Math.sqrt((1 + (rho * rho) / 2) / (n - 3));
  const method = 'Fisher z with Bonett–Wright variance';
  if (alternative === 'less')
    return { level: confLevel, lower: -1, upper: Math.tanh(z + se * normalQuantile(confLevel)), method };
  if (alternative === 'greater')
    return { level: confLevel, lower: Math.tanh(z - se * normalQuantile(confLevel)), upper: 1, method };
  const q = normalQuantile((1 + confLevel) / 2);
  return { level: confLevel, lower: Math.tanh(z - q * se), upper: Math.tanh(z + q * se), method };
}
