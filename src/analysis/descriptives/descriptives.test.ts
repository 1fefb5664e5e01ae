import { describe, expect, it } from 'vitest';
import { dominantTransitions, diversityByEngagementMonth, earlyVersusLater, shannonEntropy } from './diversity.ts';
import { componentMixOverRelationship, doseByRelationshipMonthAcrossEngagements } from './dose-trajectory.ts';
import { quantileType7 } from './quantiles.ts';

// Reference values from R 4: quantile(c(0, 15, 30, 30, 45, 90, 120), c(.25, .5, .75)) and
// p <- c(20, 40, 25) / 85; -sum(p * log(p)).
describe('descriptives against R', () => {
  it('computes type-7 quantiles as R does', () => {
    const x = [0, 15, 30, 30, 45, 90, 120];
    expect([0.25, 0.5, 0.75].map((p) => quantileType7(x, p))).toEqual([22.5, 30, 67.5]);
    expect([0.25, 0.5, 0.75].map((p) => quantileType7([0, 0, 10, 60], p))).toEqual([0, 5, 22.5]);
    expect(() => quantileType7([], 0.5)).toThrow('empty');
  });

  it('computes Shannon entropy as R does', () => {
    expect(shannonEntropy([20, 40, 25])).toBeCloseTo(1.05510161816864, 12);
    expect(shannonEntropy([30, 0])).toBe(0);
    expect(shannonEntropy([])).toBe(0);
    expect(shannonEntropy([10, 10, 10, 10])).toBeCloseTo(Math.log(4), 14);
  });
});

const em = (engagementId: string, relationshipMonth: number, minutes: number) => ({
  engagementId,
  calendarMonth: '2020-01',
  relationshipMonth,
  interactions: 1,
  minutes,
});
const cm = (engagementId: string, relationshipMonth: number, componentId: string, minutes: number) => ({
  ...em(engagementId, relationshipMonth, minutes),
  componentId,
  activityUses: 1,
});

describe('dose trajectory across engagements', () => {
  it('counts months without contact as zero, over engagements that reached the month', () => {
    const months = [em('a', 1, 60), em('b', 1, 120), em('a', 2, 30), em('c', 1, 0)].filter((m) => m.minutes > 0);
    const reached = new Map([
      ['a', 3],
      ['b', 1],
      ['c', 2],
    ]);
    const result = doseByRelationshipMonthAcrossEngagements(months, reached);
    expect(result.map((r) => [r.month, r.engagements, r.withContact, r.mean, r.median, r.q1, r.q3])).toEqual([
      [1, 3, 2, 60, 60, 30, 90],
      [2, 2, 1, 15, 15, 7.5, 22.5],
      [3, 1, 0, 0, 0, 0, 0],
    ]);
  });

  it('pools the component mix per month, optionally by group', () => {
    const months = [cm('a', 1, 'relating', 30), cm('b', 1, 'assessing', 10), cm('a', 2, 'coaching', 20)];
    expect(componentMixOverRelationship(months)).toEqual([
      { month: 1, totalMinutes: 40, shares: { relating: 0.75, assessing: 0.25 } },
      { month: 2, totalMinutes: 20, shares: { coaching: 1 } },
    ]);
    const group = (id: string) => (id === 'coaching' ? 'capacity-building' : 'foundational');
    expect(componentMixOverRelationship(months, group)[0]!.shares).toEqual({ foundational: 1 });
  });
});

describe('sequence and pattern', () => {
  const months = [
    cm('a', 1, 'relating', 60),
    cm('a', 1, 'assessing', 20),
    cm('a', 2, 'assessing', 45),
    cm('a', 8, 'coaching', 30),
    cm('a', 8, 'teaching', 30),
    cm('a', 8, 'improving', 30),
    cm('b', 1, 'relating', 10),
  ];

  it('measures diversity per engagement-month and finds the dominant component', () => {
    const diversity = diversityByEngagementMonth(months);
    expect(diversity.map((d) => [d.engagementId, d.relationshipMonth, d.componentsUsed, d.dominantComponent])).toEqual([
      ['a', 1, 2, 'relating'],
      ['a', 2, 1, 'assessing'],
      ['a', 8, 3, 'coaching'],
      ['b', 1, 1, 'relating'],
    ]);
    expect(diversity[2]!.entropy).toBeCloseTo(Math.log(3), 14);
  });

  it('counts transitions between dominant components within an engagement only', () => {
    expect(dominantTransitions(diversityByEngagementMonth(months))).toEqual([
      { from: 'assessing', to: 'coaching', count: 1 },
      { from: 'relating', to: 'assessing', count: 1 },
    ]);
  });

  it('compares early with later months', () => {
    const [early, later] = earlyVersusLater(diversityByEngagementMonth(months));
    expect(early).toMatchObject({ period: 'early', engagementMonths: 3, meanComponentsUsed: 4 / 3 });
    expect(later).toMatchObject({ period: 'later', engagementMonths: 1, meanComponentsUsed: 3 });
    expect(later!.meanEntropy!).toBeGreaterThan(early!.meanEntropy!);
  });
});
