import { describe, expect, it } from 'vitest';
import cases from '../../../test/fixtures/stats/random-cases.json' with { type: 'json' };
import { expectCloseToR, intervalFromR } from '../../../test/fixtures/stats/expect-close.ts';
import { fitRandomInterceptModel } from './linear-mixed-model.ts';
import { mannWhitney } from './mann-whitney.ts';
import { olsClusterRobust } from './ols-cluster-robust.ts';
import type { Alternative, ConfidenceInterval } from './result.ts';
import { spearman } from './spearman.ts';
import { wilcoxonSignedRank } from './wilcoxon-signed-rank.ts';

interface RTest {
  method: string;
  statistic: number;
  p: number;
  estimate?: number;
  conf_int?: (number | null)[];
  conf_level?: number;
}

/** R reports an interval it cannot compute as NaN with level 0; Praxis documents it as "not available". */
function expectIntervalLikeR(ci: ConfidenceInterval, r: RTest): void {
  if (r.conf_level === 0 && r.conf_int?.every((end) => end === null)) {
    expect(ci.level).toBe(0);
    expect(ci.method).toBe('not available');
    return;
  }
  const [lower, upper] = intervalFromR(r.conf_int ?? [null, null]);
  expectCloseToR(ci.lower, lower, 'CI lower');
  expectCloseToR(ci.upper, upper, 'CI upper');
  expectCloseToR(ci.level, r.conf_level, 'CI level');
}

describe('randomised cases against R (test/fixtures/stats/generate.R, seeds 1–40)', () => {
  for (const c of cases) {
    const alternative = c.alternative as Alternative;
    describe(`seed ${c.seed} (${alternative})`, () => {
      const rankSum = c.rank_sum as RTest | null;
      if (rankSum) {
        it(`rank sum, n = ${c.x.length} + ${c.y.length}`, () => {
          const result = mannWhitney(c.x, c.y, { alternative });
          expect(result.method).toBe(rankSum.method);
          expectCloseToR(result.statistic, rankSum.statistic, 'W');
          expectCloseToR(result.p, rankSum.p, 'p');
          expectCloseToR(result.estimate.value, rankSum.estimate, 'estimate');
          expectIntervalLikeR(result.estimate.ci, rankSum);
        });
      }
      const signedRank = c.signed_rank as RTest | null;
      if (signedRank) {
        it(`signed rank, ${c.before.length} pairs`, () => {
          const result = wilcoxonSignedRank(c.before, c.after, { alternative });
          expect(result.method).toBe(signedRank.method);
          expectCloseToR(result.statistic, signedRank.statistic, 'V');
          expectCloseToR(result.p, signedRank.p, 'p');
          expectCloseToR(result.estimate.value, signedRank.estimate, 'estimate');
          expectIntervalLikeR(result.estimate.ci, signedRank);
        });
      }
      const rho = c.spearman as RTest | null;
      if (rho) {
        it(`Spearman, n = ${c.sx.length}`, () => {
          const result = spearman(c.sx, c.sy, { alternative });
          expectCloseToR(result.estimate.value, rho.estimate, 'rho');
          expectCloseToR(result.statistic, rho.statistic, 'S');
          expectCloseToR(result.p, rho.p, 'p');
        });
      }
      const predictors = [
        { name: 'dose', values: c.panel.dose },
        { name: 'wave', values: c.panel.wave },
      ];
      it(`OLS CR1 and REML mixed model, ${c.panel.y.length} observations`, () => {
        const ols = olsClusterRobust({ outcome: c.panel.y, predictors, cluster: c.panel.group });
        ols.coefficients.forEach((k, i) => {
          expectCloseToR(k.estimate, c.ols.estimate[i], `OLS ${k.term}`);
          expectCloseToR(k.se, c.ols.se[i], `OLS ${k.term} se`);
        });
        const lmm = fitRandomInterceptModel({ outcome: c.panel.y, predictors, group: c.panel.group });
        lmm.fixedEffects.forEach((k, i) => {
          expectCloseToR(k.estimate, c.lmm.estimate[i], `LMM ${k.term}`);
          expectCloseToR(k.se, c.lmm.se[i], `LMM ${k.term} se`);
        });
        expectCloseToR(lmm.variance.group, c.lmm.group_variance, 'group variance');
        expectCloseToR(lmm.variance.residual, c.lmm.residual_variance, 'residual variance');
        expectCloseToR(lmm.logLikelihood, c.lmm.log_likelihood, 'REML log-likelihood');
        lmm.fixedEffects.forEach((k, i) => {
          expectCloseToR(k.df, c.lmm.satterthwaite.df[i], `LMM ${k.term} Satterthwaite df`);
          expectCloseToR(k.p, c.lmm.satterthwaite.p[i], `LMM ${k.term} p`);
        });
      });
    });
  }
});
