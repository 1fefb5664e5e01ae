import { describe, expect, it } from 'vitest';
import { defaultSignalSettings, type SignalSettings } from '../../domain/signals/schemas.ts';
import { engagementSignals, overdueBefore, type EngagementFacts } from './signals.ts';

const foundational = new Set(['relating', 'assessing']);

const facts = (overrides: Partial<EngagementFacts> = {}): EngagementFacts => ({
  engagementId: 'e1',
  startDate: '2024-01-01',
  endDate: null,
  stages: [{ stageId: 'readiness', startedOn: '2024-01-01' }],
  lastContact: null,
  componentMonths: [],
  plans: [],
  scores: [],
  overdueNextSteps: { count: 0, oldest: null },
  ...overrides,
});

/** Only `rule` on, with its settings changed by `change`. */
function only(rule: keyof SignalSettings, change: Partial<SignalSettings[typeof rule]> = {}): SignalSettings {
  const settings = structuredClone(defaultSignalSettings);
  for (const key of Object.keys(settings) as (keyof SignalSettings)[]) settings[key].enabled = key === rule;
  Object.assign(settings[rule], change);
  return settings;
}

const keys = (f: EngagementFacts, settings: SignalSettings, today: string) =>
  engagementSignals(f, { today, settings, foundational }).map((s) => s.key);

describe('signal rules at the edges of their thresholds', () => {
  it('no contact: fires at exactly N weeks, not a day before', () => {
    const f = facts({ lastContact: '2024-03-01' });
    const settings = only('noContact', { weeks: 2 });
    expect(keys(f, settings, '2024-03-14')).toEqual([]);
    expect(keys(f, settings, '2024-03-15')).toEqual(['noContact']);
    const [fired] = engagementSignals(f, { today: '2024-03-15', settings, foundational });
    expect(fired!.explanation).toBe('The last interaction was on 2024-03-01, 14 days ago.');
    expect(fired!.ruleText).toBe('Fires when no interaction has been logged for 2 weeks or more.');
  });

  it('no foundational components: judged once the first M months are over', () => {
    const coachingOnly = facts({
      componentMonths: [{ calendarMonth: '2024-02', relationshipMonth: 2, componentId: 'coaching', minutes: 60 }],
    });
    const settings = only('noFoundational', { months: 3 });
    expect(keys(coachingOnly, settings, '2024-03-31')).toEqual([]);
    expect(keys(coachingOnly, settings, '2024-04-01')).toEqual(['noFoundational']);
    const withRelating = facts({
      componentMonths: [{ calendarMonth: '2024-03', relationshipMonth: 3, componentId: 'relating', minutes: 10 }],
    });
    expect(keys(withRelating, settings, '2024-04-01')).toEqual([]);
    const tooLate = facts({
      componentMonths: [{ calendarMonth: '2024-04', relationshipMonth: 4, componentId: 'relating', minutes: 10 }],
    });
    expect(keys(tooLate, settings, '2024-04-01')).toEqual(['noFoundational']);
  });

  it('planned component unused: fires after M whole months without it, once the stage has run that long', () => {
    const plan = {
      stageId: 'readiness',
      emphasis: [
        { componentId: 'relating', minutesPerMonth: 60 },
        { componentId: 'coaching', minutesPerMonth: 0 },
      ],
      activities: [],
    };
    const settings = only('plannedComponentUnused', { months: 2 });
    const used = (month: string) =>
      facts({
        plans: [plan],
        componentMonths: [{ calendarMonth: month, relationshipMonth: 1, componentId: 'relating', minutes: 30 }],
      });
    // Window for 2024-05-10: 2024-03 and 2024-04.
    expect(keys(used('2024-03'), settings, '2024-05-10')).toEqual([]);
    expect(keys(used('2024-02'), settings, '2024-05-10')).toEqual(['plannedComponentUnused:relating']);
    // A stage begun inside the window is not judged yet.
    const lateStage = facts({ plans: [plan], stages: [{ stageId: 'readiness', startedOn: '2024-03-02' }] });
    expect(keys(lateStage, settings, '2024-05-10')).toEqual([]);
    const onTime = facts({ plans: [plan], stages: [{ stageId: 'readiness', startedOn: '2024-03-01' }] });
    expect(keys(onTime, settings, '2024-05-10')).toEqual(['plannedComponentUnused:relating']);
  });

  it('score fell: more than the drop between waves, or below the level', () => {
    const series = (previous: number, last: number) =>
      facts({
        scores: [
          {
            label: 'AIM',
            waves: [
              { on: '2024-01-10', value: previous },
              { on: '2024-06-10', value: last },
            ],
          },
        ],
      });
    const settings = only('scoreFell', { drop: 0.5, below: 3 });
    expect(keys(series(4, 3.5), settings, '2024-07-01')).toEqual([]);
    expect(keys(series(4, 3.49), settings, '2024-07-01')).toEqual(['scoreFell:AIM:fell']);
    expect(keys(series(3.2, 3), settings, '2024-07-01')).toEqual([]);
    expect(keys(series(3.2, 2.99), settings, '2024-07-01')).toEqual(['scoreFell:AIM:below']);
    expect(keys(series(4, 2), settings, '2024-07-01')).toEqual(['scoreFell:AIM:fell', 'scoreFell:AIM:below']);
  });

  it('next steps overdue: due before today minus D days, so more than D days past the due date', () => {
    // A step due on 2024-03-10 is overdue on the 11th with D = 0, and on the 18th (not the 17th) with D = 7.
    expect(overdueBefore('2024-03-10', 0)).toBe('2024-03-10');
    expect('2024-03-10' < overdueBefore('2024-03-11', 0)).toBe(true);
    expect('2024-03-10' < overdueBefore('2024-03-17', 7)).toBe(false);
    expect('2024-03-10' < overdueBefore('2024-03-18', 7)).toBe(true);
    expect(overdueBefore('2024-03-01', 1)).toBe('2024-02-29');
    const none = facts();
    expect(keys(none, only('nextStepsOverdue'), '2024-03-11')).toEqual([]);
    const two = facts({ overdueNextSteps: { count: 2, oldest: { text: 'Send the survey', dueDate: '2024-03-10' } } });
    const [fired] = engagementSignals(two, {
      today: '2024-03-18',
      settings: only('nextStepsOverdue', { days: 7 }),
      foundational,
    });
    expect(fired).toMatchObject({
      key: 'nextStepsOverdue',
      title: '2 next steps overdue',
      explanation: 'The oldest, "Send the survey", was due on 2024-03-10.',
      ruleText: 'Fires when an open next step is more than 7 days past its due date.',
    });
  });

  it('dose far from plan: last whole month outside ±P %', () => {
    const plan = {
      stageId: 'readiness',
      emphasis: [{ componentId: 'relating', minutesPerMonth: 100 }],
      activities: [],
    };
    const logged = (minutes: number) =>
      facts({
        plans: [plan],
        componentMonths: [{ calendarMonth: '2024-04', relationshipMonth: 4, componentId: 'relating', minutes }],
      });
    const settings = only('doseFromPlan', { percent: 50 });
    expect(keys(logged(150), settings, '2024-05-02')).toEqual([]);
    expect(keys(logged(151), settings, '2024-05-02')).toEqual(['doseFromPlan']);
    expect(keys(logged(50), settings, '2024-05-02')).toEqual([]);
    expect(keys(logged(49), settings, '2024-05-02')).toEqual(['doseFromPlan']);
    expect(engagementSignals(logged(49), { today: '2024-05-02', settings, foundational })[0]!.title).toBe(
      '2024-04: 49 minutes against 100 planned (-51 %)',
    );
  });

  it('gives nothing for a rule switched off, or an engagement ended or not yet started', () => {
    const silent = facts({ lastContact: '2023-01-01', startDate: '2023-01-01' });
    const off = only('noContact', { enabled: false });
    expect(keys(silent, off, '2024-03-15')).toEqual([]);
    expect(keys({ ...silent, endDate: '2024-03-14' }, only('noContact'), '2024-03-15')).toEqual([]);
    expect(keys({ ...silent, startDate: '2024-03-16' }, only('noContact'), '2024-03-15')).toEqual([]);
  });
});
