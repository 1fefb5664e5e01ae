import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceUse } from '../../src/analysis/descriptives/practice-use.ts';
import { practiceUseFromTotals } from '../../src/analysis/dose/practice-totals.ts';
import { eisToc } from '../../src/model/builtin/index.ts';
import { deleteInteraction, logInteraction, updateInteraction } from '../../src/server/interactions/operations.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

describe.each(engines)('practice totals of an engagement on %s', (engine) => {
  let t: TestDatabase;
  let orgId: string;
  let engagementId: string;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const { organization, admin } = await buildOrganization(t.store);
    orgId = organization.id;
    const actor = admin.userId;
    engagementId = (await buildEngagement(t.store, orgId, actor)).engagement.id;
    const other = (await buildEngagement(t.store, orgId, actor)).engagement.id;
    const log = (id: string, overrides = {}) => logInteraction(t.store, orgId, typicalInteraction(id, overrides), actor);
    await log(engagementId);
    await log(engagementId, { date: '2020-03-04', mode: 'phone', durationMinutes: 30, components: [{ componentId: 'relating', minutes: 30, activityIds: ['check-in'] }], principles: [{ principleId: 'strengths-based', rating: null }] });
    const edited = await log(engagementId, { date: '2020-04-01', mode: 'email', durationMinutes: 10, components: [{ componentId: 'assessing', minutes: 10, activityIds: [] }] });
    await updateInteraction(t.store, orgId, edited.id, edited.version, typicalInteraction(engagementId, { date: '2020-04-01', mode: 'in-person', durationMinutes: 45, components: [{ componentId: 'assessing', minutes: 45, activityIds: ['review-data'] }] }), actor);
    const gone = await log(engagementId, { date: '2020-05-01', mode: 'other' });
    await deleteInteraction(t.store, orgId, gone.id, gone.version, actor);
    await log(other, { mode: 'other' });
  });
  afterAll(async () => t.dispose());

  it('sum modes and practice activities in the database to what the live interactions give', async () => {
    const tenant = t.store.tenant(orgId);
    const [modes, activities, principles, components, interactions] = await Promise.all([
      tenant.practiceTotals.modeTotals(engagementId),
      tenant.practiceTotals.activityTotals(engagementId),
      tenant.dose.principleTotals(engagementId),
      tenant.dose.componentMonths(engagementId),
      tenant.interactions.allLive(engagementId),
    ]);
    expect(interactions).toHaveLength(3);
    expect(modes).toEqual([
      { mode: 'in-person', interactions: 1, minutes: 45 },
      { mode: 'phone', interactions: 1, minutes: 30 },
      { mode: 'video', interactions: 1, minutes: 90 },
    ]);
    expect(activities).toContainEqual({ componentId: 'relating', activityId: 'check-in', uses: 2 });
    expect(activities).toContainEqual({ componentId: 'assessing', activityId: 'review-data', uses: 2 });
    expect(practiceUseFromTotals({ interactions: interactions.length, modes, principles, components, activities }, eisToc)).toEqual(practiceUse(interactions, eisToc));
  });
});
