import { describe, expect, it } from 'vitest';
import { eisToc } from '../../model/builtin/index.ts';
import { computeDose, openNextStepRows } from '../../domain/support/rollups.ts';
import type { Interaction } from '../../domain/support/schemas.ts';
import {
  componentMixByRelationshipMonth,
  currentRelationshipMonth,
  doseByRelationshipMonth,
  median,
  openNextSteps,
  principleUse,
  thisMonthDose,
} from './engagement-overview.ts';

const month = (calendarMonth: string, relationshipMonth: number, minutes: number, interactions = 1) => ({
  engagementId: 'e',
  calendarMonth,
  relationshipMonth,
  minutes,
  interactions,
});

describe('engagement overview figures', () => {
  it('fills every relationship month, zero where there was no contact', () => {
    expect(
      doseByRelationshipMonth([month('2020-01', 1, 60), month('2020-03', 3, 30), month('2020-03', 4, 15)], 4),
    ).toEqual([
      { month: 1, interactions: 1, minutes: 60 },
      { month: 2, interactions: 0, minutes: 0 },
      { month: 3, interactions: 1, minutes: 30 },
      { month: 4, interactions: 1, minutes: 15 },
    ]);
  });

  it('takes the median', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  it('compares this month with the median of up to 12 earlier months since the start, empty months as zero', () => {
    const months = [
      month('2020-01', 1, 100),
      month('2020-02', 2, 40),
      month('2020-04', 4, 80),
      month('2020-05', 5, 25),
    ];
    expect(thisMonthDose(months, '2020-01-10', '2020-05-20')).toEqual({
      calendarMonth: '2020-05',
      interactions: 1,
      minutes: 25,
      usualMinutes: 60,
      monthsCompared: 4,
    });
    expect(thisMonthDose(months, '2020-01-10', '2020-01-20')).toMatchObject({ usualMinutes: null, monthsCompared: 0 });
  });

  it('gives each month’s component shares in model order', () => {
    const mix = componentMixByRelationshipMonth(
      [
        { ...month('2020-01', 1, 30), componentId: 'assessing', activityUses: 1 },
        { ...month('2020-01', 1, 90), componentId: 'relating', activityUses: 2 },
      ],
      eisToc,
    );
    expect(mix).toEqual([
      {
        month: 1,
        totalMinutes: 120,
        components: [
          { componentId: 'relating', minutes: 90, share: 0.75 },
          { componentId: 'assessing', minutes: 30, share: 0.25 },
        ],
      },
    ]);
  });

  it('lists open next steps soonest first and flags overdue ones, and summarizes principles', () => {
    const base = {
      id: 'i1',
      engagementId: 'e',
      date: '2020-02-01',
      durationMinutes: 60,
      components: [],
      principles: [
        { principleId: 'strengths-based', rating: 4 },
        { principleId: 'data-informed', rating: null },
      ],
    } as unknown as Interaction;
    const interactions = [
      {
        ...base,
        nextSteps: [
          { text: 'later', owner: '', dueDate: '2020-03-01', done: false },
          { text: 'done', owner: '', dueDate: '2020-01-01', done: true },
        ],
      },
      {
        ...base,
        id: 'i2',
        principles: [{ principleId: 'strengths-based', rating: 2 }],
        nextSteps: [
          { text: 'undated', owner: 'me', dueDate: null, done: false },
          { text: 'soon', owner: '', dueDate: '2020-02-10', done: false },
        ],
      },
    ] as Interaction[];
    expect(openNextSteps(interactions.flatMap(openNextStepRows), '2020-02-15').map((s) => [s.text, s.overdue])).toEqual(
      [
        ['soon', true],
        ['later', false],
        ['undated', false],
      ],
    );
    // Both interactions fall in one month, so the principle rollup's rows are the engagement's totals.
    const principles = principleUse(computeDose(interactions, new Map([['e', '2020-01-15']])).principleMonths, eisToc);
    expect(principles.find((p) => p.principleId === 'strengths-based')).toEqual({
      principleId: 'strengths-based',
      interactions: 2,
      ratings: 2,
      meanRating: 3,
    });
    expect(principles.find((p) => p.principleId === 'data-informed')).toEqual({
      principleId: 'data-informed',
      interactions: 1,
      ratings: 0,
      meanRating: null,
    });
    expect(principles).toHaveLength(8);
  });

  it('knows the current relationship month, stopping at the end date', () => {
    expect(currentRelationshipMonth('2020-01-15', null, '2020-03-14')).toBe(2);
    expect(currentRelationshipMonth('2020-01-15', '2020-02-01', '2021-01-01')).toBe(1);
  });
});
