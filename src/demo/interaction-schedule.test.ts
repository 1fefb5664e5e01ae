import { describe, expect, it } from 'vitest';
import { eisToc } from '../model/builtin/index.ts';
import type { DemoEngagement } from './dataset.ts';
import { scheduleInteractions } from './interaction-schedule.ts';
import { createRandom } from './random.ts';
import { isWeekend } from './calendar.ts';

const engagement = (key: string, startDate: string, endDate: string | null = null): DemoEngagement => ({
  key,
  partnerKey: `partner-${key}`,
  supportTeamKeys: ['isp-1'],
  name: key,
  startDate,
  endDate,
  modelId: eisToc.id,
  modelVersion: eisToc.version,
  stages: [],
  goals: [],
});

describe('scheduleInteractions', () => {
  const window = { start: '2016-11-01', end: '2021-12-31', fadingStageId: null };
  const engagements = [
    engagement('a', '2016-11-01'),
    engagement('b', '2017-06-15', '2019-03-31'),
    engagement('c', '2018-02-28'),
  ];

  it('schedules exactly the total asked for, on working days inside each engagement', () => {
    for (const total of [1, 7, 749, 5_000]) {
      const schedule = scheduleInteractions(createRandom(total), engagements, window, total);
      expect(schedule).toHaveLength(total);
      for (const { engagement: e, date } of schedule) {
        expect(date >= e.startDate && date <= (e.endDate ?? window.end)).toBe(true);
        expect(isWeekend(date)).toBe(false);
      }
    }
    expect(scheduleInteractions(createRandom(1), engagements, window, 0)).toEqual([]);
    expect(scheduleInteractions(createRandom(1), [], window, 10)).toEqual([]);
  });

  it('contacts partners more often in the first months of a relationship than later', () => {
    const schedule = scheduleInteractions(createRandom(9), [engagement('a', '2016-11-01')], window, 300);
    const inMonths = (from: number, to: number) =>
      schedule.filter((s) => s.relationshipMonth >= from && s.relationshipMonth <= to).length / (to - from + 1);
    expect(inMonths(1, 6)).toBeGreaterThan(1.5 * inMonths(25, 36));
  });

  it('lets support fade in the fading stage', () => {
    const staged = {
      ...engagement('a', '2016-11-01'),
      stages: [
        { stageId: 'early', startedOn: '2016-11-01' },
        { stageId: 'late', startedOn: '2019-01-01' },
      ],
    };
    const shareInLate = (fadingStageId: string | null) => {
      const schedule = scheduleInteractions(createRandom(5), [staged], { ...window, fadingStageId }, 400);
      return schedule.filter((s) => s.date >= '2019-01-01').length / schedule.length;
    };
    expect(shareInLate('late')).toBeLessThan(shareInLate(null) * 0.85);
    expect(shareInLate('not-reached')).toBe(shareInLate(null));
  });
});
