import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceUse } from '../../src/analysis/descriptives/practice-use.ts';
import { practiceUseFromTotals } from '../../src/analysis/dose/practice-totals.ts';
import { eisToc } from '../../src/model/builtin/index.ts';
import { organizationPracticeUse, selectedEngagements } from '../../src/app/analysis/descriptives.ts';
import { deleteInteraction } from '../../src/app/interactions/delete-interaction.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { updateInteraction } from '../../src/app/interactions/update-interaction.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

/** Practice totals of a selection (null: the whole organization) over a period, as the analysis pages sum them. */
const totalsOf = async (
  tenant: ReturnType<TestDatabase['store']['tenant']>,
  engagementIds: readonly string[] | null,
  period: { fromMonth?: string; toMonth?: string } = {},
) => (await tenant.slices.of(engagementIds)).practiceTotals(period);

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
    const log = (id: string, overrides = {}) =>
      logInteraction(t.store, orgId, typicalInteraction(id, overrides), actor);
    await log(engagementId);
    await log(engagementId, {
      date: '2020-03-04',
      mode: 'phone',
      durationMinutes: 30,
      components: [{ componentId: 'relating', minutes: 30, activityIds: ['check-in'] }],
      principles: [{ principleId: 'strengths-based', rating: null }],
    });
    const edited = await log(engagementId, {
      date: '2020-04-01',
      mode: 'email',
      durationMinutes: 10,
      components: [{ componentId: 'assessing', minutes: 10, activityIds: [] }],
    });
    await updateInteraction(
      t.store,
      orgId,
      edited.id,
      edited.version,
      typicalInteraction(engagementId, {
        date: '2020-04-01',
        mode: 'in-person',
        durationMinutes: 45,
        components: [{ componentId: 'assessing', minutes: 45, activityIds: ['review-data'] }],
      }),
      actor,
    );
    const gone = await log(engagementId, { date: '2020-05-01', mode: 'other' });
    await deleteInteraction(t.store, orgId, gone.id, gone.version, actor);
    await log(other, { mode: 'other' });
  });
  afterAll(async () => t.dispose());

  it('sum modes and practice activities in the database to what the live interactions give', async () => {
    const tenant = t.store.tenant(orgId);
    const [totals, interactions] = await Promise.all([
      totalsOf(tenant, [engagementId]),
      tenant.interactions.allLive(engagementId),
    ]);
    expect(interactions).toHaveLength(3);
    expect(totals.interactions).toBe(3);
    expect(totals.modes).toEqual([
      { mode: 'in-person', interactions: 1, minutes: 45 },
      { mode: 'phone', interactions: 1, minutes: 30 },
      { mode: 'video', interactions: 1, minutes: 90 },
    ]);
    expect(totals.activities).toContainEqual({ componentId: 'relating', activityId: 'check-in', uses: 2 });
    expect(totals.activities).toContainEqual({ componentId: 'assessing', activityId: 'review-data', uses: 2 });
    expect(practiceUseFromTotals(totals, eisToc)).toEqual(practiceUse(interactions, eisToc));
  });

  it('keep to the engagements and calendar months asked for', async () => {
    const tenant = t.store.tenant(orgId);
    const all = await tenant.interactions.allLive();
    const engagementIds = [...new Set(all.map((i) => i.engagementId))];
    expect(engagementIds).toHaveLength(2);
    const inPeriod = all.filter((i) => i.date >= '2020-02-01' && i.date <= '2020-03-31');
    expect(new Set(inPeriod.map((i) => i.engagementId)).size).toBe(2);
    const totals = await totalsOf(tenant, engagementIds, { fromMonth: '2020-02', toMonth: '2020-03' });
    expect(totals.interactions).toBe(inPeriod.length);
    expect(practiceUseFromTotals(totals, eisToc)).toEqual(practiceUse(inPeriod, eisToc));
    expect(await totalsOf(tenant, [])).toEqual({
      interactions: 0,
      modes: [],
      principles: [],
      components: [],
      activities: [],
    });
  });

  it('sum the whole organization to what every live interaction gives', async () => {
    const tenant = t.store.tenant(orgId);
    const all = await tenant.interactions.allLive();
    const whole = await totalsOf(tenant, null);
    expect(whole.interactions).toBe(all.length);
    expect(practiceUseFromTotals(whole, eisToc)).toEqual(practiceUse(all, eisToc));
    // The same sums as the engagement-level rows of every engagement give, with or without a period.
    const engagementIds = [...new Set(all.map((i) => i.engagementId))];
    expect(whole).toEqual(await totalsOf(tenant, engagementIds));
    const period = { fromMonth: '2020-03', toMonth: '2020-04' };
    expect(await totalsOf(tenant, null, period)).toEqual(await totalsOf(tenant, engagementIds, period));
  });

  it('sum a selection of most engagements to what their interactions give', async () => {
    const tenant = t.store.tenant(orgId);
    const actor = (await tenant.members.list())[0]!.userId;
    const third = (await buildEngagement(t.store, orgId, actor)).engagement.id;
    await logInteraction(
      t.store,
      orgId,
      typicalInteraction(third, {
        date: '2020-03-10',
        mode: 'phone',
        durationMinutes: 20,
        components: [{ componentId: 'relating', minutes: 20, activityIds: ['check-in'] }],
      }),
      actor,
    );
    const all = await tenant.interactions.allLive();
    const selected = [engagementId, third];
    const theirs = all.filter((i) => selected.includes(i.engagementId));
    expect(theirs.length).toBeLessThan(all.length);
    const totals = await totalsOf(tenant, selected);
    expect(totals.interactions).toBe(theirs.length);
    expect(practiceUseFromTotals(totals, eisToc)).toEqual(practiceUse(theirs, eisToc));
    // The same within a period: no key is left with nothing.
    const inPeriod = theirs.filter((i) => i.date >= '2020-03-01' && i.date <= '2020-03-31');
    const march = await totalsOf(tenant, selected, { fromMonth: '2020-03', toMonth: '2020-03' });
    expect(practiceUseFromTotals(march, eisToc)).toEqual(practiceUse(inPeriod, eisToc));
    expect(march.modes.every((m) => m.interactions > 0)).toBe(true);
    expect(practiceUseFromTotals(await totalsOf(tenant, [third]), eisToc)).toEqual(
      practiceUse(
        all.filter((i) => i.engagementId === third),
        eisToc,
      ),
    );
  });

  it('serve the organization practice use of a filter as the definition gives it from the interactions', async () => {
    const tenant = t.store.tenant(orgId);
    const filter = { fromMonth: '2020-03', toMonth: '2020-12' };
    const served = await organizationPracticeUse(tenant, filter, '2021-01-01');
    const selected = new Set((await selectedEngagements(tenant, filter, '2021-01-01')).map((e) => e.id));
    const inPeriod = (await tenant.interactions.allLive()).filter(
      (i) => selected.has(i.engagementId) && i.date >= '2020-03-01' && i.date <= '2020-12-31',
    );
    expect(inPeriod.length).toBeGreaterThan(0);
    const { engagements: _count, vocabulary, ...use } = served;
    expect(use).toEqual(practiceUse(inPeriod, vocabulary));
  });
});
