import { describe, expect, it } from 'vitest';
import { competencySeries, practiceKey, sixMonthsBefore, teamCompetency, type CoachRatingPoint } from './competency.ts';

const point = (date: string, quality: number, componentId = 'relating', practitionerId = 'p1'): CoachRatingPoint => ({
  practitionerId,
  componentId,
  date,
  quality,
  source: 'review',
  sourceId: `${date}-${componentId}`,
});

describe('competency over time', () => {
  it('orders each component series by date and keeps only its practitioner', () => {
    const [relating] = competencySeries(
      'p1',
      ['relating'],
      [point('2024-05-01', 4), point('2024-01-01', 2), point('2024-03-01', 5, 'relating', 'p2')],
      [{ practitionerId: 'p1', componentId: 'relating', date: '2024-02-01', rating: 3 }],
      [{ practitionerId: 'p1', componentId: 'relating', month: '2024-01', minutes: 30 }],
    );
    expect(relating!.coachRatings.map((p) => [p.date, p.quality])).toEqual([
      ['2024-01-01', 2],
      ['2024-05-01', 4],
    ]);
    expect(relating!.selfRatings).toEqual([{ date: '2024-02-01', rating: 3 }]);
    expect(relating!.minutesByMonth).toEqual([{ month: '2024-01', minutes: 30 }]);
  });

  it('gives each team cell its latest rating, the change since the previous one and the recent minutes', () => {
    const cells = teamCompetency(
      ['p1', 'p2'],
      ['relating', 'assessing'],
      [point('2024-01-01', 2), point('2024-05-01', 4), point('2024-03-01', 3), point('2024-02-01', 5, 'assessing')],
      [
        { practitionerId: 'p1', componentId: 'relating', date: '2024-01-01', rating: 2 },
        { practitionerId: 'p1', componentId: 'relating', date: '2024-06-01', rating: 4 },
      ],
      new Map([[practiceKey('p1', 'relating'), 120]]),
    );
    expect(cells).toHaveLength(4);
    expect(cells[0]).toEqual({
      practitionerId: 'p1',
      componentId: 'relating',
      latestRating: 4,
      latestDate: '2024-05-01',
      change: 1,
      ratings: 3,
      latestSelfRating: 4,
      recentMinutes: 120,
    });
    expect(cells[1]).toMatchObject({ componentId: 'assessing', latestRating: 5, change: null, recentMinutes: 0 });
    expect(cells[2]).toMatchObject({ practitionerId: 'p2', latestRating: null, change: null, ratings: 0 });
  });

  it('starts the six-month window on the same day six months back, clamped to the month end', () => {
    expect(sixMonthsBefore('2024-07-15')).toBe('2024-01-15');
    expect(sixMonthsBefore('2024-08-31')).toBe('2024-02-29');
    expect(sixMonthsBefore('2024-03-01')).toBe('2023-09-01');
  });
});
