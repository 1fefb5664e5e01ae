import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngagements } from '../../src/analysis/descriptives/organization-descriptives.ts';
import { vocabularyOf } from '../../src/analysis/descriptives/vocabulary.ts';
import { createRandom } from '../../src/demo/random.ts';
import { eisToc } from '../../src/model/builtin/index.ts';
import { computeDose } from '../../src/domain/support/rollups.ts';
import {
  descriptivesOf,
  modelsOf,
  selectedEngagements,
  type DescriptivesFilter,
} from '../../src/app/analysis/descriptives.ts';
import { deleteInteraction } from '../../src/app/interactions/delete-interaction.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { updateInteraction } from '../../src/app/interactions/update-interaction.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

/**
 * The organization's descriptives come from sums made in the database and the diversity stored per
 * engagement-month; they must equal the same views computed from the raw interactions (their
 * engagement-month and component rows recomputed by `computeDose`, then `describeEngagements`), for
 * every filter, including periods whose edges cut a month of the relationship in two, and selections.
 */
describe.each(engines)('organization descriptives from the rollups on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t.dispose());

  it('equal the views computed from every rollup row, with and without filters', { timeout: 120_000 }, async () => {
    const { organization, admin } = await buildOrganization(t.store);
    const orgId = organization.id;
    const actor = admin.userId;
    const random = createRandom(7);
    const engagements = [];
    for (const start of ['2020-01-15', '2020-02-01', '2020-03-31', '2020-01-10'])
      engagements.push((await buildEngagement(t.store, orgId, actor, start)).engagement);
    const ids: string[] = [];
    for (let i = 0; i < 90; i++) {
      const engagement = random.pick(engagements);
      const date = new Date(Date.UTC(2020, 3, 1) + random.int(0, 400) * 86_400_000).toISOString().slice(0, 10);
      const components = eisToc.components
        .filter(() => random.next() < 0.4)
        .slice(0, 4)
        .map((c) => ({
          componentId: c.id,
          minutes: random.int(1, 3) * 10,
          activityIds: c.activities.slice(0, random.int(0, 2)).map((a) => a.id),
        }));
      ids.push(
        (
          await logInteraction(
            t.store,
            orgId,
            typicalInteraction(engagement.id, { date, durationMinutes: 150, components, nextSteps: [] }),
            actor,
          )
        ).id,
      );
    }
    const tenant = t.store.tenant(orgId);
    for (const id of ids.slice(0, 10)) {
      const current = await tenant.interactions.require(id);
      await updateInteraction(
        t.store,
        orgId,
        id,
        current.version,
        typicalInteraction(current.engagementId, {
          date: '2020-06-20',
          components: [{ componentId: 'teaching', minutes: 15, activityIds: [] }],
          nextSteps: [],
        }),
        actor,
      );
    }
    for (const id of ids.slice(10, 20))
      await deleteInteraction(t.store, orgId, id, (await tenant.interactions.require(id)).version, actor);

    const today = '2021-12-01';
    const filters: DescriptivesFilter[] = [
      {},
      { fromMonth: '2020-06', toMonth: '2020-11' },
      { fromMonth: '2020-09' },
      { toMonth: '2020-07' },
      { fromMonth: '2020-08', toMonth: '2020-08' },
      { engagementIds: [engagements[0]!.id, engagements[2]!.id], fromMonth: '2020-05' },
      { partnerId: engagements[1]!.partnerId },
      { engagementIds: [] },
      // Half the engagements, with and without a period.
      { engagementIds: [engagements[1]!.id, engagements[3]!.id] },
      { engagementIds: [engagements[1]!.id, engagements[3]!.id], fromMonth: '2020-05', toMonth: '2021-01' },
    ];
    // Recomputed from the raw interactions, not read from the derived tables.
    const { engagementMonths, componentMonths } = computeDose(
      await tenant.interactions.allLive(),
      new Map(engagements.map((e) => [e.id, e.startDate])),
    );
    expect(engagementMonths.reduce((n, m) => n + m.interactions, 0)).toBe(80);
    for (const filter of filters) {
      const selected = await selectedEngagements(tenant, filter, today);
      const vocabulary = vocabularyOf(await modelsOf(tenant, selected));
      const groupOf = new Map(vocabulary.components.map((c) => [c.id, c.group]));
      const expected = describeEngagements({
        engagements: selected,
        engagementMonths,
        componentMonths,
        fromMonth: filter.fromMonth,
        toMonth: filter.toMonth,
        groupOf: (id) => groupOf.get(id) ?? 'other',
        stageOrder: vocabulary.stages.map((s) => s.id),
        today,
      });
      const { vocabulary: _v, ...stored } = await descriptivesOf(tenant, selected, filter, today);
      expect(stored, JSON.stringify(filter)).toEqual(expected);
      if (filter.fromMonth === undefined && filter.engagementIds === undefined)
        expect(stored.diversityByRelationshipMonth.length).toBeGreaterThan(5);
    }
  });
});
