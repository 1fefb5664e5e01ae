import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eisToc } from '../../src/model/builtin/index.ts';
import { practiceUse } from '../../src/analysis/descriptives/practice-use.ts';
import { practiceUseFromTotals } from '../../src/analysis/dose/practice-totals.ts';
import { deleteEngagement } from '../../src/app/engagements/delete-engagement.ts';
import { restoreEngagement } from '../../src/app/engagements/restore-engagement.ts';
import { updateEngagement } from '../../src/app/engagements/update-engagement.ts';
import { checkDerived } from '../../src/app/derived/check-derived.ts';
import { deleteInteraction } from '../../src/app/interactions/delete-interaction.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { restoreInteraction } from '../../src/app/interactions/restore-interaction.ts';
import { updateInteraction } from '../../src/app/interactions/update-interaction.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

const componentUse = fc.constantFrom(...eisToc.components).chain((c) =>
  fc.record({
    componentId: fc.constant(c.id),
    minutes: fc.integer({ min: 1, max: 30 }),
    activityIds: fc.subarray(
      c.activities.map((a) => a.id),
      { maxLength: 3 },
    ),
  }),
);
const components = fc.uniqueArray(componentUse, { selector: (c) => c.componentId, maxLength: 4 });
const principles = fc.uniqueArray(
  fc.record({
    principleId: fc.constantFrom(...eisToc.principles.map((p) => p.id)),
    rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  }),
  { selector: (p) => p.principleId, maxLength: 3 },
);
const nextSteps = fc.array(
  fc.record({
    text: fc.constantFrom('Send the notes', 'Plan the next session'),
    owner: fc.constant('ISP'),
    dueDate: fc.option(fc.constant('2020-03-01'), { nil: null }),
    done: fc.boolean(),
  }),
  { maxLength: 2 },
);
const date = fc
  .integer({ min: 0, max: 700 })
  .map((d) => new Date(Date.UTC(2020, 1, 1) + d * 86_400_000).toISOString().slice(0, 10));

interface Content {
  date: string;
  components: { componentId: string; minutes: number; activityIds: string[] }[];
  principles: { principleId: string; rating: number | null }[];
  nextSteps: { text: string; owner: string; dueDate: string | null; done: boolean }[];
}
type Step =
  | ({ kind: 'create'; engagement: number } & Content)
  | ({ kind: 'edit'; target: number; engagement: number } & Content)
  | { kind: 'delete'; target: number }
  | { kind: 'restore'; target: number }
  | { kind: 'move-start'; engagement: number; days: number }
  | { kind: 'delete-engagement' | 'restore-engagement'; engagement: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      engagement: fc.nat(1),
      date,
      components,
      principles,
      nextSteps,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      target: fc.nat(),
      engagement: fc.nat(1),
      date,
      components,
      principles,
      nextSteps,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), target: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move-start' as const),
      engagement: fc.nat(1),
      days: fc.integer({ min: 0, max: 20 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('delete-engagement' as const, 'restore-engagement' as const),
      engagement: fc.nat(1),
    }),
  },
);

describe.each(engines)('dose rollups on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t.dispose());

  it('always equal a recomputation from raw interactions, at engagement and organization level, under any sequence of create, edit, delete, restore, start-date changes and engagement deletes and restores', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const { organization, admin } = await buildOrganization(t.store);
        const orgId = organization.id;
        const actor = admin.userId;
        const engagements = [
          (await buildEngagement(t.store, orgId, actor, '2020-01-15')).engagement,
          (await buildEngagement(t.store, orgId, actor, '2020-01-31')).engagement,
        ];
        const ids: string[] = [];
        for (const s of steps) {
          const tenant = t.store.tenant(orgId);
          // The slices held in memory are read before every step, so each kind of write must make them stale.
          await tenant.slices.of(null);
          const content = (c: Content) => ({
            date: c.date,
            components: c.components,
            principles: c.principles,
            nextSteps: c.nextSteps,
            durationMinutes: 150,
          });
          const engagement =
            'engagement' in s ? await tenant.engagements.find(engagements[s.engagement]!.id) : undefined;
          if (s.kind === 'create') {
            if (!engagement) continue;
            ids.push((await logInteraction(t.store, orgId, typicalInteraction(engagement.id, content(s)), actor)).id);
          } else if (s.kind === 'delete-engagement') {
            if (engagement) await deleteEngagement(t.store, orgId, engagement.id, engagement.version, actor);
          } else if (s.kind === 'restore-engagement') {
            if (!engagement) await restoreEngagement(t.store, orgId, engagements[s.engagement]!.id, actor);
          } else if (s.kind === 'move-start') {
            if (!engagement) continue;
            const e = engagement;
            const { id, version, createdAt: _c, updatedAt: _u, deletedAt: _d, ...input } = e;
            const start = new Date(Date.UTC(2020, 0, 1) + s.days * 86_400_000).toISOString().slice(0, 10);
            engagements[s.engagement] = await updateEngagement(
              t.store,
              orgId,
              id,
              version,
              { ...input, startDate: start, stages: [{ stageId: 'readiness-exploration', startedOn: start }] },
              actor,
            );
          } else if ('target' in s && ids.length > 0) {
            const id = ids[s.target % ids.length]!;
            const current = await tenant.interactions.require(id, { includeDeleted: true });
            const live = (await tenant.engagements.find(current.engagementId)) !== undefined;
            if (s.kind === 'edit' && current.deletedAt === null && engagement) {
              await updateInteraction(
                t.store,
                orgId,
                id,
                current.version,
                typicalInteraction(engagement.id, content(s)),
                actor,
              );
            } else if (s.kind === 'delete' && current.deletedAt === null)
              await deleteInteraction(t.store, orgId, id, current.version, actor);
            else if (s.kind === 'restore' && current.deletedAt !== null && live)
              await restoreInteraction(t.store, orgId, id, actor);
          }
        }
        expect(await checkDerived(t.store.tenant(orgId))).toEqual([]);
        // What the held slices sum equals what the live interactions give, and what rows read afresh
        // (a transaction reads into a cache of its own) give, with and without a period.
        const tenant = t.store.tenant(orgId);
        const held = await tenant.slices.of(null);
        const fresh = await t.store.transaction((tx) => tx.tenant(orgId).slices.of(null));
        const liveEngagements = new Set((await tenant.engagements.list()).map((e) => e.id));
        const live = (await tenant.interactions.allLive()).filter((i) => liveEngagements.has(i.engagementId));
        expect(practiceUseFromTotals(held.practiceTotals({}), eisToc)).toEqual(practiceUse(live, eisToc));
        for (const period of [{}, { fromMonth: '2020-02', toMonth: '2020-05' }]) {
          expect(held.practiceTotals(period)).toEqual(fresh.practiceTotals(period));
          expect(held.relationshipMonthsInPeriod(period)).toEqual(fresh.relationshipMonthsInPeriod(period));
          expect(held.componentTotalsInPeriod(period)).toEqual(fresh.componentTotalsInPeriod(period));
          expect(held.calendarMonthTotals(period)).toEqual(fresh.calendarMonthTotals(period));
        }
      }),
      { numRuns: engine === 'sqlite' ? 40 : 15 },
    );
  });
});
