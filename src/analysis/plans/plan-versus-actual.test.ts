import { describe, expect, it } from 'vitest';
import { planVersusActual } from './plan-versus-actual.ts';

const activity = (dueDate: string, status: 'planned' | 'done' | 'dropped' = 'planned') => ({
  activityKey: null,
  text: 'Do it',
  ownerId: 'u1',
  dueDate,
  status,
});

describe('planVersusActual', () => {
  const stages = [
    { stageId: 'a', startedOn: '2024-01-10' },
    { stageId: 'b', startedOn: '2024-03-15' },
  ];
  const plans = [
    {
      stageId: 'a',
      emphasis: [
        { componentId: 'relating', minutesPerMonth: 120 },
        { componentId: 'assessing', minutesPerMonth: 60 },
      ],
      activities: [activity('2024-01-20', 'done'), activity('2024-02-10'), activity('2024-02-28', 'dropped')],
    },
    {
      stageId: 'b',
      emphasis: [{ componentId: 'coaching', minutesPerMonth: 90 }],
      activities: [activity('2024-03-30')],
    },
  ];
  const logged = [
    { calendarMonth: '2024-01', componentId: 'relating', minutes: 50 },
    { calendarMonth: '2024-01', componentId: 'relating', minutes: 30 },
    { calendarMonth: '2024-02', componentId: 'teaching', minutes: 45 },
    { calendarMonth: '2024-03', componentId: 'coaching', minutes: 100 },
  ];

  it('sets each month’s logged minutes against the plan of the stage in effect at its end', () => {
    const result = planVersusActual({
      months: ['2023-12', '2024-01', '2024-02', '2024-03'],
      stages,
      plans,
      logged,
      today: '2024-03-01',
    });
    expect(result.months[0]).toMatchObject({ month: '2023-12', stageId: null, planned: false, components: [] });
    expect(result.months[1]).toMatchObject({
      stageId: 'a',
      planned: true,
      components: [
        { componentId: 'relating', planned: 120, logged: 80 },
        { componentId: 'assessing', planned: 60, logged: 0 },
      ],
      plannedMinutes: 180,
      loggedMinutes: 80,
      activities: { done: 1, due: 0, overdue: 0, dropped: 0 },
    });
    expect(result.months[2]!.components).toEqual([
      { componentId: 'relating', planned: 120, logged: 0 },
      { componentId: 'assessing', planned: 60, logged: 0 },
      { componentId: 'teaching', planned: 0, logged: 45 },
    ]);
    expect(result.months[2]!.activities).toEqual({ done: 0, due: 0, overdue: 1, dropped: 1 });
    expect(result.months[3]).toMatchObject({
      stageId: 'b',
      components: [{ componentId: 'coaching', planned: 90, logged: 100 }],
      activities: { done: 0, due: 1, overdue: 0, dropped: 0 },
    });
    expect(result.activities).toEqual({ done: 1, due: 1, overdue: 1, dropped: 1 });
  });

  it('counts an activity due today as due, not overdue', () => {
    const result = planVersusActual({ months: [], stages, plans, logged, today: '2024-02-10' });
    expect(result.activities).toEqual({ done: 1, due: 2, overdue: 0, dropped: 1 });
  });
});
