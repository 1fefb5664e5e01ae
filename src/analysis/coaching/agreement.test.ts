import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../stats/cohen-kappa.ts';
import { intraclassCorrelation } from '../stats/intraclass-correlation.ts';
import { coachPairs, raterAgreement, selfCoachPairs, type CoachRating } from './agreement.ts';

const rating = (
  unitId: string,
  raterId: string,
  quality: number,
  date: string,
  componentId = 'relating',
  practitionerId = 'p1',
): CoachRating => ({ unitId, raterId, practitionerId, componentId, date, quality });

describe('rater agreement on coaching records', () => {
  it('pairs the first two coaches of each interaction and component, skipping a coach who rates again', () => {
    const pairs = coachPairs([
      rating('i1', 'c1', 4, '2024-01-01'),
      rating('i1', 'c1', 5, '2024-01-02'),
      rating('i1', 'c2', 3, '2024-01-03'),
      rating('i1', 'c3', 1, '2024-01-04'),
      rating('i2', 'c1', 2, '2024-01-01'),
      rating('i1', 'c2', 2, '2024-01-03', 'assessing'),
    ]);
    expect(pairs).toEqual([{ componentId: 'relating', x: 4, y: 3 }]);
  });

  it('pairs each latest self-rating with the latest coach rating of the same practitioner and component', () => {
    const pairs = selfCoachPairs(
      [
        rating('i1', 'c1', 4, '2024-01-01'),
        rating('i2', 'c1', 2, '2024-03-01'),
        rating('i3', 'c1', 5, '2024-01-01', 'assessing', 'p2'),
      ],
      [
        { practitionerId: 'p1', componentId: 'relating', date: '2024-01-01', rating: 1 },
        { practitionerId: 'p1', componentId: 'relating', date: '2024-02-01', rating: 3 },
        { practitionerId: 'p2', componentId: 'relating', date: '2024-02-01', rating: 3 },
      ],
    );
    expect(pairs).toEqual([{ componentId: 'relating', x: 3, y: 2 }]);
  });

  it('reports psych-equal kappa and ICC per component and overall, and says why a figure is missing', () => {
    const x = [1, 2, 3, 4, 5, 3, 2, 4];
    const y = [1, 3, 3, 4, 4, 2, 2, 5];
    const coach = x.flatMap((q, i) => [
      rating(`i${i}`, 'c1', q, '2024-01-01'),
      rating(`i${i}`, 'c2', y[i]!, '2024-01-02'),
    ]);
    coach.push(rating('j', 'c1', 3, '2024-01-01', 'assessing'), rating('j', 'c2', 3, '2024-01-02', 'assessing'));
    const result = raterAgreement(['relating', 'assessing', 'coaching'], coach, []);
    const relating = result.coachVsCoach.byComponent[0]!;
    const kappa = cohenKappa(x, y);
    const icc = intraclassCorrelation(x.map((v, i) => [v, y[i]!]));
    expect(relating).toMatchObject({ componentId: 'relating', pairs: 8, notes: [] });
    expect(relating.kappa).toBe(kappa.unweighted.value);
    expect(relating.weightedKappa).toBe(kappa.weighted.value);
    expect(relating.icc21).toEqual({ value: icc.icc21.value, lower: icc.icc21.lower, upper: icc.icc21.upper });
    expect(relating.icc31?.value).toBe(icc.icc31.value);
    const assessing = result.coachVsCoach.byComponent[1]!;
    expect(assessing).toMatchObject({ pairs: 1, kappa: null, icc21: null });
    expect(assessing.notes.join(' ')).toMatch(/same category/);
    expect(result.coachVsCoach.byComponent[2]).toMatchObject({ pairs: 0, notes: ['no pairs of ratings'] });
    expect(result.coachVsCoach.overall.pairs).toBe(9);
    expect(result.selfVsCoach.overall.pairs).toBe(0);
    expect(result.methods.kappa).toContain('psych::cohen.kappa');
    expect(result.methods.icc).toContain('Shrout & Fleiss (1979)');
  });
});
