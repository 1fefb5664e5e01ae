import { describe, expect, it } from 'vitest';
import fixtures from '../../../test/fixtures/stats/agreement.json' with { type: 'json' };
import { expectCloseToR } from '../../../test/fixtures/stats/expect-close.ts';
import { crossedVarianceComponents, type RatingCell } from './crossed-reml.ts';
import { intraclassCorrelation } from './intraclass-correlation.ts';

describe('intraclassCorrelation against psych::ICC (lmer = TRUE, lme4 run to convergence)', () => {
  for (const c of fixtures.icc) {
    it(c.name, () => {
      const result = intraclassCorrelation(c.ratings);
      expect(result.targets).toBe(c.nObs);
      expect(result.raters).toBe(c.nJudge);
      expect(result.rows.map((r) => r.type)).toEqual(c.types);
      const [target, rater, residual] = c.variance as [number, number, number];
      expectCloseToR(result.variance.target, target, 'target variance');
      expectCloseToR(result.variance.rater, rater, 'rater variance');
      expectCloseToR(result.variance.residual, residual, 'residual variance');
      result.rows.forEach((row, i) => {
        expectCloseToR(row.value, c.icc[i], `${row.type}`);
        expectCloseToR(row.F, c.F[i], `${row.type} F`);
        expect(row.df1).toBe(c.df1[i]);
        expect(row.df2).toBe(c.df2[i]);
        expectCloseToR(row.p, c.p[i], `${row.type} p`);
        expectCloseToR(row.lower, c.lower[i], `${row.type} lower`);
        expectCloseToR(row.upper, c.upper[i], `${row.type} upper`);
      });
    });
  }

  it('is within 1e-4 of psych::ICC as it runs by default (lme4 stops short of the optimum)', () => {
    for (const c of fixtures.icc) {
      const result = intraclassCorrelation(c.ratings);
      result.rows.forEach((row, i) => expect(Math.abs(row.value - c.psychDefault.icc[i]!)).toBeLessThan(1e-4));
    }
  });
});

describe('crossed REML', () => {
  it('numerical REML on a complete table agrees with the closed form', () => {
    for (const c of fixtures.icc.filter((f) => f.ratings.every((row) => row.every((v) => v !== null)))) {
      const cells: RatingCell[] = c.ratings.flatMap((row, target) =>
        row.map((value, rater) => ({ target, rater, value: value as number })),
      );
      const closed = crossedVarianceComponents(cells, c.ratings.length, c.ratings[0]!.length);
      // A rater with no ratings changes no likelihood but makes the table incomplete, so the same data
      // go through the numerical path.
      const numerical = crossedVarianceComponents(cells, c.ratings.length, c.ratings[0]!.length + 1);
      expect(closed.method).toBe('closed form (balanced REML)');
      expect(numerical.method).toBe('numerical REML');
      expectCloseToR(numerical.target, closed.target, `${c.name} target`);
      expectCloseToR(numerical.rater, closed.rater, `${c.name} rater`);
      expectCloseToR(numerical.residual, closed.residual, `${c.name} residual`);
    }
  });
});

describe('intraclassCorrelation input', () => {
  it('refuses fewer than 2 targets or raters, ragged rows and non-finite ratings', () => {
    expect(() => intraclassCorrelation([[1, 2]])).toThrow(/at least 2 targets/);
    expect(() => intraclassCorrelation([[1], [2]])).toThrow(/at least 2 targets and 2 raters/);
    expect(() => intraclassCorrelation([[1, 2], [3]])).toThrow(/target 2 has 1 ratings/);
    expect(() =>
      intraclassCorrelation([
        [1, 2],
        [3, Number.NaN],
      ]),
    ).toThrow(/target 2 by rater 2/);
  });
  it('refuses ratings that leave no residual variance', () => {
    expect(() =>
      intraclassCorrelation([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toThrow(/no residual variance/);
  });
});
