import { describe, expect, it } from 'vitest';
import cases from '../../../test/fixtures/stats/p-adjust.json' with { type: 'json' };
import reading from '../../../test/fixtures/stats/reading.json' with { type: 'json' };
import { expectCloseToR } from '../../../test/fixtures/stats/expect-close.ts';
import { adjustPValues } from './p-adjust.ts';

describe('adjustPValues against R p.adjust', () => {
  cases.forEach((c, k) => {
    for (const method of ['holm', 'bh'] as const) {
      it(`set ${k + 1} (${c.p.length} p-values), ${method}`, () => {
        const result = adjustPValues(c.p, method);
        const expected = method === 'holm' ? c.holm : c.bh;
        result.adjusted.forEach((value, i) => expectCloseToR(value, expected[i], `p[${i}]`));
      });
    }
  });
});

describe('adjustPValues with missing p-values, against R p.adjust', () => {
  for (const method of ['holm', 'bh'] as const) {
    it(`keeps NA in place and adjusts over the rest (n = non-missing), ${method}`, () => {
      const { p, holm, bh } = reading.p_adjust_na;
      const result = adjustPValues(p, method);
      expect(result.n).toBe(p.filter((value) => value !== null).length);
      (method === 'holm' ? holm : bh).forEach((expected, i) => expectCloseToR(result.adjusted[i], expected, `p[${i}]`));
      expect(result.warnings).toContain('2 missing p-values kept in place; 4 adjusted together');
    });
  }
  it('gives every value missing back when all are missing', () => {
    expect(adjustPValues([null, null], 'bh')).toMatchObject({ n: 0, adjusted: [null, null] });
  });
});

describe('adjustPValues edge cases', () => {
  it('refuses an empty list and values outside [0, 1]', () => {
    expect(() => adjustPValues([], 'holm')).toThrow(/at least one/);
    expect(() => adjustPValues([0.1, 1.2], 'bh')).toThrow(/p-value 2/);
    expect(() => adjustPValues([0.1, Number.NaN], 'bh')).toThrow(/p-value 2/);
  });
  it('returns a single p-value unchanged', () => {
    expect(adjustPValues([0.03], 'holm').adjusted).toEqual([0.03]);
  });
});
