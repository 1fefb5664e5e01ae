import { describe, expect, it } from 'vitest';
import { practiceUse } from '../descriptives/practice-use.ts';
import { eisToc } from '../../model/builtin/index.ts';
import type { Interaction } from '../../domain/support/schemas.ts';
import { computeDose } from '../../domain/support/rollups.ts';
import { practiceUseFromTotals, type PracticeTotals } from './practice-totals.ts';

const [relating, second] = eisToc.components as [
  (typeof eisToc.components)[number],
  (typeof eisToc.components)[number],
];
const [p1, p2] = eisToc.principles as [(typeof eisToc.principles)[number], (typeof eisToc.principles)[number]];
const interaction = (id: string, date: string, extra: Partial<Interaction>): Interaction => ({
  version: 1,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
  deletedAt: null,
  id,
  engagementId: 'e1',
  date,
  time: null,
  durationMinutes: 60,
  mode: 'video',
  stageId: null,
  participants: { contactIds: [], counts: {} },
  components: [],
  principles: [],
  notes: '',
  nextSteps: [],
  modelId: eisToc.id,
  modelVersion: eisToc.version,
  loggedBy: 'u1',
  ...extra,
});

/** The sums the rollups and the database keep, computed here from the interactions themselves. */
function totalsOf(interactions: Interaction[]): PracticeTotals {
  const dose = computeDose(interactions, new Map([['e1', '2024-01-10']]));
  const modes = new Map<string, { mode: string; interactions: number; minutes: number }>();
  const activities = new Map<string, { componentId: string; activityId: string; uses: number }>();
  const principles = new Map<
    string,
    { principleId: string; interactions: number; ratings: number; ratingSum: number }
  >();
  for (const i of interactions) {
    const mode = modes.get(i.mode) ?? { mode: i.mode, interactions: 0, minutes: 0 };
    mode.interactions += 1;
    mode.minutes += i.durationMinutes;
    modes.set(i.mode, mode);
    for (const c of i.components) {
      for (const activityId of new Set(c.activityIds)) {
        const key = `${c.componentId}|${activityId}`;
        activities.set(key, { componentId: c.componentId, activityId, uses: (activities.get(key)?.uses ?? 0) + 1 });
      }
    }
  }
  for (const m of dose.principleMonths) {
    const p = principles.get(m.principleId) ?? {
      principleId: m.principleId,
      interactions: 0,
      ratings: 0,
      ratingSum: 0,
    };
    principles.set(m.principleId, {
      ...p,
      interactions: p.interactions + m.interactions,
      ratings: p.ratings + m.ratings,
      ratingSum: p.ratingSum + m.ratingSum,
    });
  }
  return {
    interactions: interactions.length,
    modes: [...modes.values()],
    principles: [...principles.values()],
    components: dose.componentMonths,
    activities: [...activities.values()],
  };
}

describe('practiceUseFromTotals', () => {
  it('gives the same mode mix, principle use and activity rates as the interactions themselves', () => {
    const interactions = [
      interaction('i1', '2024-01-15', {
        components: [
          {
            componentId: relating.id,
            minutes: 60,
            activityIds: [relating.activities[0]!.id, relating.activities[1]!.id],
          },
        ],
        principles: [{ principleId: p1.id, rating: 4 }],
      }),
      interaction('i2', '2024-02-20', {
        mode: 'phone',
        durationMinutes: 30,
        components: [
          { componentId: relating.id, minutes: 20, activityIds: [] },
          { componentId: second.id, minutes: 10, activityIds: [second.activities[0]!.id] },
        ],
        principles: [
          { principleId: p1.id, rating: null },
          { principleId: p2.id, rating: 2 },
        ],
      }),
      interaction('i3', '2024-04-02', {
        mode: 'email',
        durationMinutes: 15,
        components: [{ componentId: relating.id, minutes: 15, activityIds: [relating.activities[0]!.id] }],
      }),
    ];
    const fromTotals = practiceUseFromTotals(totalsOf(interactions), eisToc);
    expect(fromTotals).toEqual(practiceUse(interactions, eisToc));
    expect(
      fromTotals.activities.find((a) => a.componentId === relating.id && a.activityId === relating.activities[0]!.id),
    ).toMatchObject({ uses: 2, componentInteractions: 3, rate: 2 / 3 });
  });

  it('gives null rates, never NaN, without interactions', () => {
    const empty = practiceUseFromTotals(
      { interactions: 0, modes: [], principles: [], components: [], activities: [] },
      eisToc,
    );
    expect(empty).toEqual(practiceUse([], eisToc));
    expect(JSON.stringify(empty)).not.toContain('NaN');
  });
});
