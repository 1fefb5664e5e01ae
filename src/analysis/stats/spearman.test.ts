import { describe, expect, it } from 'vitest';
import cases from '../../../test/fixtures/stats/spearman.json' with { type: 'json' };
import { expectCloseToR } from '../../../test/fixtures/stats/expect-close.ts';
import type { Alternative } from './result.ts';
import { spearman } from './spearman.ts';

describe('spearman against R cor.test(method = "spearman")', () => {
  for (const c of cases) {
    for (const r of c.results) {
      it(`${c.name}, ${r.alternative} — ${c.branch}`, () => {
        const result = spearman(c.x, c.y, { alternative: r.alternative as Alternative });
        expectCloseToR(result.estimate.value, r.estimate, 'rho');
        expectCloseToR(result.statistic, r.statistic, 'S');
        expectCloseToR(result.p, r.p, 'p');
        expect(c.branch.startsWith(result.pBranch.replace(' (AS 89)', ''))).toBe(true);
      });
    }
  }
});

describe('spearman edge cases', () => {
  it('refuses fewer than 3 pairs', () => {
    expect(() => spearman([1, 2], [2, 1])).toThrow(/at least 3 pairs/);
  });
  it('refuses a constant variable instead of returning NaN', () => {
    expect(() => spearman([1, 2, 3, 4], [5, 5, 5, 5])).toThrow(/every value of y is tied/);
  });
  it('gives rho = 1 and a finite interval for a perfect monotone relation', () => {
    const result = spearman([1, 2, 3, 4, 5], [10, 20, 30, 40, 50]);
    expect(result.estimate.value).toBe(1);
    expect(result.p).toBeCloseTo(2 / 120, 12);
    expect(result.estimate.ci?.upper).toBe(1);
  });
});
