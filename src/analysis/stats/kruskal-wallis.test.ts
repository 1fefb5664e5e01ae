import { describe, expect, it } from 'vitest';
import cases from '../../../test/fixtures/stats/kruskal-wallis.json' with { type: 'json' };
import { expectCloseToR } from '../../../test/fixtures/stats/expect-close.ts';
import { kruskalWallis } from './kruskal-wallis.ts';

describe('kruskalWallis against R kruskal.test', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = kruskalWallis(c.groups);
      expectCloseToR(result.statistic, c.statistic, 'H');
      expectCloseToR(result.p, c.p, 'p');
      expect(result.df).toBe(c.parameter);
      expect(result.n).toBe(c.groups.flat().length);
      expect(result.effectSizes[0]?.value).toBeCloseTo(c.statistic / (result.n - 1), 12);
    });
  }
});

describe('kruskalWallis edge cases', () => {
  it('refuses an empty group, naming it', () => {
    expect(() => kruskalWallis([[1, 2], [], [3]])).toThrow(/group 2 is empty/);
  });
  it('refuses a single group', () => {
    expect(() => kruskalWallis([[1, 2, 3]])).toThrow(/at least 2 groups/);
  });
  it('refuses all-tied data instead of dividing by zero', () => {
    expect(() =>
      kruskalWallis([
        [2, 2],
        [2, 2, 2],
      ]),
    ).toThrow(/every value is tied/);
  });
  it('warns about small groups', () => {
    expect(
      kruskalWallis([
        [1, 2],
        [3, 4, 5],
      ]).warnings.join(),
    ).toMatch(/small group/);
  });
});
