import { describe, expect, it } from 'vitest';
import { selectEngagements } from './engagement-selection.ts';
import { describeEngagements } from './organization-descriptives.ts';
import { practiceUse } from './practice-use.ts';
import { stageSpells, stageTiming } from './stage-timing.ts';

const model = {
  components: [
    { id: 'relating', activities: [{ id: 'check-in' }, { id: 'agree-roles' }] },
    { id: 'coaching', activities: [{ id: 'observe' }] },
  ],
  principles: [{ id: 'humble' }, { id: 'equitable' }],
};

const interaction = (
  mode: 'video' | 'phone',
  minutes: number,
  activities: string[],
  principles: { principleId: string; rating: number | null }[],
) => ({
  durationMinutes: minutes,
  mode,
  components: [{ componentId: 'relating', minutes, activityIds: activities }],
  principles,
});

describe('practice use', () => {
  it('gives mode mix, principle rates and activity rates against their denominators', () => {
    const use = practiceUse(
      [
        interaction('video', 60, ['check-in'], [{ principleId: 'humble', rating: 4 }]),
        interaction('video', 30, ['check-in', 'agree-roles'], [{ principleId: 'humble', rating: null }]),
        interaction('phone', 15, [], []),
      ],
      model,
    );
    expect(use.interactions).toBe(3);
    expect(use.modeMix.find((m) => m.mode === 'video')).toEqual({
      mode: 'video',
      interactions: 2,
      minutes: 90,
      share: 2 / 3,
    });
    expect(use.modeMix.find((m) => m.mode === 'email')).toEqual({
      mode: 'email',
      interactions: 0,
      minutes: 0,
      share: 0,
    });
    expect(use.principles).toEqual([
      { principleId: 'humble', interactions: 2, rate: 2 / 3, ratings: 1, meanRating: 4 },
      { principleId: 'equitable', interactions: 0, rate: 0, ratings: 0, meanRating: null },
    ]);
    expect(use.activities).toEqual([
      { componentId: 'relating', activityId: 'check-in', uses: 2, componentInteractions: 3, rate: 2 / 3 },
      { componentId: 'relating', activityId: 'agree-roles', uses: 1, componentInteractions: 3, rate: 1 / 3 },
      { componentId: 'coaching', activityId: 'observe', uses: 0, componentInteractions: 0, rate: null },
    ]);
  });

  it('gives null rates, never NaN, for no interactions', () => {
    const use = practiceUse([], model);
    expect(JSON.stringify(use)).not.toContain('NaN');
    expect(use.modeMix.every((m) => m.share === null)).toBe(true);
    expect(use.principles.every((p) => p.rate === null && p.meanRating === null)).toBe(true);
  });
});

describe('engagement selection', () => {
  const partners = [
    { id: 'county', parentId: null, region: 'North' },
    { id: 'team-a', parentId: 'county', region: 'North' },
    { id: 'other', parentId: null, region: 'South ' },
  ];
  const engagement = (id: string, partnerId: string, team: string[], stageId: string) => ({
    id,
    partnerId,
    supportTeam: team,
    stages: [{ stageId, startedOn: '2020-01-01' }],
  });
  const engagements = [
    engagement('e1', 'county', ['ann'], 'install'),
    engagement('e2', 'team-a', ['bob'], 'explore'),
    engagement('e3', 'other', ['ann'], 'explore'),
  ];
  const ids = (selection: Parameters<typeof selectEngagements>[2]) =>
    selectEngagements(engagements, partners, selection, '2021-01-01').map((e) => e.id);

  it('filters by partner with the partners below it, region, practitioner and current stage', () => {
    expect(ids({})).toEqual(['e1', 'e2', 'e3']);
    expect(ids({ partnerId: 'county' })).toEqual(['e1', 'e2']);
    expect(ids({ partnerId: 'team-a' })).toEqual(['e2']);
    expect(ids({ region: 'south' })).toEqual(['e3']);
    expect(ids({ ispId: 'ann' })).toEqual(['e1', 'e3']);
    expect(ids({ stageId: 'explore', ispId: 'ann' })).toEqual(['e3']);
    expect(ids({ engagementIds: ['e2', 'e3'], region: 'North' })).toEqual(['e2']);
  });
});

describe('stage timing', () => {
  it('dates each stage spell and summarizes entry month and completed length', () => {
    const a = stageSpells(
      {
        startDate: '2020-01-15',
        endDate: null,
        stages: [
          { stageId: 'explore', startedOn: '2020-01-15' },
          { stageId: 'install', startedOn: '2020-04-15' },
          { stageId: 'later', startedOn: '2030-01-01' },
        ],
      },
      '2020-06-01',
    );
    expect(a).toEqual([
      { stageId: 'explore', startedOn: '2020-01-15', endedOn: '2020-04-15', startMonth: 1, days: 91, current: false },
      { stageId: 'install', startedOn: '2020-04-15', endedOn: '2020-06-01', startMonth: 4, days: 47, current: true },
    ]);
    const b = stageSpells(
      { startDate: '2020-01-01', endDate: '2020-03-01', stages: [{ stageId: 'explore', startedOn: '2020-01-01' }] },
      '2021-01-01',
    );
    expect(stageTiming([a, b], ['explore', 'install', 'sustain'])).toEqual([
      { stageId: 'explore', engagements: 2, current: 1, medianStartMonth: 1, medianDaysCompleted: 91, completed: 1 },
      { stageId: 'install', engagements: 1, current: 1, medianStartMonth: 4, medianDaysCompleted: null, completed: 0 },
      {
        stageId: 'sustain',
        engagements: 0,
        current: 0,
        medianStartMonth: null,
        medianDaysCompleted: null,
        completed: 0,
      },
    ]);
  });
});

describe('descriptives of an empty selection', () => {
  it('has no rows and no NaN', () => {
    const result = describeEngagements({
      engagements: [],
      engagementMonths: [],
      componentMonths: [],
      groupOf: () => 'other',
      stageOrder: ['explore'],
      today: '2024-01-01',
    });
    expect(result.engagements).toBe(0);
    expect(result.doseByRelationshipMonth).toEqual([]);
    expect(result.earlyVersusLater.map((p) => p.meanEntropy)).toEqual([null, null]);
    expect(JSON.stringify(result)).not.toContain('NaN');
  });

  it('counts calendar months and only the selected engagements within the period', () => {
    const month = (engagementId: string, calendarMonth: string, relationshipMonth: number, minutes: number) => ({
      engagementId,
      calendarMonth,
      relationshipMonth,
      interactions: 1,
      minutes,
    });
    const result = describeEngagements({
      engagements: [{ id: 'a', startDate: '2020-01-01', endDate: null, stages: [] }],
      engagementMonths: [
        month('a', '2020-01', 1, 30),
        month('a', '2020-02', 2, 45),
        month('b', '2020-01', 1, 999),
        month('a', '2020-03', 3, 60),
      ],
      componentMonths: [],
      toMonth: '2020-02',
      groupOf: () => 'other',
      stageOrder: [],
      today: '2024-01-01',
    });
    expect(result.doseByCalendarMonth).toEqual([
      { calendarMonth: '2020-01', interactions: 1, minutes: 30, engagements: 1 },
      { calendarMonth: '2020-02', interactions: 1, minutes: 45, engagements: 1 },
    ]);
    expect(result.doseByRelationshipMonth.map((d) => d.month)).toEqual([1, 2]);
    expect(result.totals).toEqual({ interactions: 2, minutes: 75 });
  });
});
