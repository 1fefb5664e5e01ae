import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eisToc } from '../../src/model/builtin/index.ts';
import { updateEngagement } from '../../src/server/engagements/operations.ts';
import { checkDose, deleteInteraction, logInteraction, restoreInteraction, updateInteraction } from '../../src/server/interactions/operations.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

const componentUse = fc
  .constantFrom(...eisToc.components)
  .chain((c) => fc.record({ componentId: fc.constant(c.id), minutes: fc.integer({ min: 1, max: 30 }), activityIds: fc.subarray(c.activities.map((a) => a.id), { maxLength: 3 }) }));
const components = fc.uniqueArray(componentUse, { selector: (c) => c.componentId, maxLength: 4 });
const date = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2020, 1, 1) + d * 86_400_000).toISOString().slice(0, 10));

type ComponentUses = { componentId: string; minutes: number; activityIds: string[] }[];
type Step =
  | { kind: 'create'; engagement: number; date: string; components: ComponentUses }
  | { kind: 'edit'; target: number; engagement: number; date: string; components: ComponentUses }
  | { kind: 'delete'; target: number }
  | { kind: 'restore'; target: number }
  | { kind: 'move-start'; engagement: number; days: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), engagement: fc.nat(1), date, components }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), target: fc.nat(), engagement: fc.nat(1), date, components }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move-start' as const), engagement: fc.nat(1), days: fc.integer({ min: 0, max: 20 }) }) },
);

describe.each(engines)('dose rollups on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t.dispose());

  it('always equal a recomputation from raw interactions, under any sequence of create, edit, delete, restore and start-date changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const { organization, admin } = await buildOrganization(t.store);
        const orgId = organization.id;
        const actor = admin.userId;
        const engagements = [(await buildEngagement(t.store, orgId, actor, '2020-01-15')).engagement, (await buildEngagement(t.store, orgId, actor, '2020-01-31')).engagement];
        const ids: string[] = [];
        for (const s of steps) {
          const tenant = t.store.tenant(orgId);
          if (s.kind === 'create') {
            const input = typicalInteraction(engagements[s.engagement]!.id, { date: s.date, components: s.components, durationMinutes: 150 });
            ids.push((await logInteraction(t.store, orgId, input, actor)).id);
          } else if (s.kind === 'move-start') {
            const e = (await tenant.engagements.require(engagements[s.engagement]!.id))!;
            const { id, version, createdAt: _c, updatedAt: _u, deletedAt: _d, ...input } = e;
            const start = new Date(Date.UTC(2020, 0, 1) + s.days * 86_400_000).toISOString().slice(0, 10);
            engagements[s.engagement] = await updateEngagement(t.store, orgId, id, version, { ...input, startDate: start, stages: [{ stageId: 'readiness-exploration', startedOn: start }] }, actor);
          } else if (ids.length > 0) {
            const id = ids[s.target % ids.length]!;
            const current = await tenant.interactions.require(id, { includeDeleted: true });
            if (s.kind === 'edit' && current.deletedAt === null) {
              const input = typicalInteraction(engagements[s.engagement]!.id, { date: s.date, components: s.components, durationMinutes: 150 });
              await updateInteraction(t.store, orgId, id, current.version, input, actor);
            } else if (s.kind === 'delete' && current.deletedAt === null) await deleteInteraction(t.store, orgId, id, current.version, actor);
            else if (s.kind === 'restore' && current.deletedAt !== null) await restoreInteraction(t.store, orgId, id, actor);
          }
        }
        expect(await checkDose(t.store.tenant(orgId))).toEqual([]);
      }),
      { numRuns: engine === 'sqlite' ? 40 : 15 },
    );
  });
});
