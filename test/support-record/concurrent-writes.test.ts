import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDerived } from '../../src/app/derived/check-derived.ts';
import { deleteInteraction } from '../../src/app/interactions/delete-interaction.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { restoreInteraction } from '../../src/app/interactions/restore-interaction.ts';
import { updateInteraction } from '../../src/app/interactions/update-interaction.ts';
import { createApiToken } from '../../src/app/accounts/create-api-token.ts';
import { createEngagement } from '../../src/app/engagements/create-engagement.ts';
import { runPraxis } from '../support/cli.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { startServer } from '../support/http.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';
import { januaryEngagement, runMixedWorkload } from './workload.ts';

/**
 * Writes that race. On PostgreSQL the pool runs transactions side by side; on SQLite they share
 * group commits. Either way the rollups must equal a recomputation afterwards. The engagements start
 * mid-month, so two months of each relationship meet in one calendar month: the first interactions of
 * both, logged at the same time, must still count the engagement once in that calendar month.
 */
describe.each(engines)('concurrent writes on %s', (engine) => {
  let t: TestDatabase;
  let orgId: string;
  let actor: string;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const { organization, admin } = await buildOrganization(t.store);
    orgId = organization.id;
    actor = admin.userId;
  });
  afterAll(async () => t.dispose());

  it('leave no trace at organization level of a write that fails among writes that share its commit', async () => {
    const engagement = (await buildEngagement(t.store, orgId, actor, '2023-05-01')).engagement;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        t.store.transaction(async (tx) => {
          const logged = await logInteraction(
            tx,
            orgId,
            typicalInteraction(engagement.id, { date: `2023-05-${String(10 + i).padStart(2, '0')}` }),
            actor,
          );
          if (i === 3) throw new Error('this write is abandoned after its rollups changed');
          return logged;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const tenant = t.store.tenant(orgId);
    expect(await checkDerived(tenant)).toEqual([]);
    expect((await tenant.dose.organizationByCalendarMonth()).find((m) => m.calendarMonth === '2023-05')).toMatchObject({
      interactions: 7,
      engagements: 1,
    });
    const practice = (await tenant.slices.of(null)).practiceTotals({ fromMonth: '2023-05', toMonth: '2023-05' });
    expect(practice.interactions).toBe(7);
    expect(practice.modes.reduce((n, m) => n + m.interactions, 0)).toBe(7);
  });

  it('keep every rollup equal to a recomputation when the first interactions of two relationship months race', async () => {
    const engagements = [];
    for (let i = 0; i < 12; i++)
      engagements.push((await buildEngagement(t.store, orgId, actor, '2024-01-15')).engagement);
    const logged = await Promise.all(
      engagements.flatMap((e) =>
        ['2024-02-10', '2024-02-20'].map((date) =>
          logInteraction(t.store, orgId, typicalInteraction(e.id, { date }), actor),
        ),
      ),
    );
    const tenant = t.store.tenant(orgId);
    expect(await checkDerived(tenant)).toEqual([]);
    expect((await tenant.dose.organizationByCalendarMonth()).find((m) => m.calendarMonth === '2024-02')).toMatchObject({
      interactions: 24,
      engagements: 12,
    });

    // Then remove, move and bring back at the same time: each engagement's February loses one month of the relationship.
    const [early, late] = [logged.filter((_, i) => i % 2 === 0), logged.filter((_, i) => i % 2 === 1)];
    await Promise.all([
      ...early.slice(0, 6).map((x) => deleteInteraction(t.store, orgId, x.id, x.version, actor)),
      ...late
        .slice(0, 6)
        .map((x) =>
          updateInteraction(
            t.store,
            orgId,
            x.id,
            x.version,
            typicalInteraction(x.engagementId, { date: '2024-03-20' }),
            actor,
          ),
        ),
    ]);
    expect(await checkDerived(tenant)).toEqual([]);
    await Promise.all(early.slice(0, 6).map((x) => restoreInteraction(t.store, orgId, x.id, actor)));
    expect(await checkDerived(tenant)).toEqual([]);
    expect((await tenant.dose.organizationByCalendarMonth()).find((m) => m.calendarMonth === '2024-02')).toMatchObject({
      interactions: 18,
      engagements: 12,
    });
  });

  it('fail none of many racing writes that list the same components in different orders', async () => {
    const pair = [
      (await buildEngagement(t.store, orgId, actor, '2024-01-01')).engagement,
      (await buildEngagement(t.store, orgId, actor, '2024-01-01')).engagement,
    ];
    const components = [
      { componentId: 'relating', minutes: 20, activityIds: ['agree-roles'] },
      { componentId: 'assessing', minutes: 40, activityIds: ['review-data'] },
      { componentId: 'co-designing', minutes: 25, activityIds: ['set-goals'] },
    ];
    const results = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) =>
        logInteraction(
          t.store,
          orgId,
          typicalInteraction(pair[i % 2]!.id, {
            date: `2024-05-${String(1 + (i % 20)).padStart(2, '0')}`,
            components: i % 3 === 0 ? components : [...components].reverse(),
          }),
          actor,
        ),
      ),
    );
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([]);
    expect(await checkDerived(t.store.tenant(orgId))).toEqual([]);
  });

  it('let one bad write fail alone while the writes around it land', async () => {
    const { engagement } = await buildEngagement(t.store, orgId, actor, '2024-01-15');
    const results = await Promise.allSettled([
      logInteraction(t.store, orgId, typicalInteraction(engagement.id, { date: '2024-04-02' }), actor),
      logInteraction(
        t.store,
        orgId,
        typicalInteraction(engagement.id, {
          date: '2024-04-03',
          components: [{ componentId: 'no-such-component', minutes: 10, activityIds: [] }],
        }),
        actor,
      ),
      logInteraction(t.store, orgId, typicalInteraction(engagement.id, { date: '2024-04-04' }), actor),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason.details?.[0]?.path)).toContain('components[0]');
    const tenant = t.store.tenant(orgId);
    expect((await tenant.interactions.list({ engagementId: engagement.id }, 10)).items.map((i) => i.date)).toEqual([
      '2024-04-04',
      '2024-04-02',
    ]);
    expect(await checkDerived(tenant)).toEqual([]);
  });

  it(
    'keep every rollup true under 10 clients creating, editing, deleting and restoring interactions and engagements and changing stages over HTTP',
    { timeout: 120_000 },
    async () => {
      const { partner, engagement: first } = await buildEngagement(t.store, orgId, actor, '2023-01-15');
      const engagementIds = [first.id];
      for (const day of [20, 31])
        engagementIds.push(
          (await createEngagement(t.store, orgId, januaryEngagement(partner.id, [actor], day), actor)).id,
        );
      const { token } = await createApiToken(t.store, orgId, { name: 'racing clients', role: 'admin' }, actor);
      const server = await startServer(t.store, t.env.DATA_DIR!);
      try {
        const { statuses, failures } = await runMixedWorkload({
          baseUrls: [server.baseUrl],
          organizationId: orgId,
          token,
          engagementIds,
          clients: 10,
          operationsPerClient: 40,
          seed: 1,
        });
        expect(failures).toEqual([]);
        // The race happened: engagements went away under writes of their interactions, and came back.
        for (const done of ['log 201', 'delete 200', 'restore 200', 'delete-engagement 200', 'restore-engagement 200'])
          expect(statuses.get(done), `${done} in ${JSON.stringify([...statuses])}`).toBeGreaterThan(0);
      } finally {
        await server.close();
      }
      const check = await runPraxis(['check', '--org', orgId], t.env);
      expect(check.stdout).toContain('rollups match raw data');
      expect(check.code).toBe(0);
    },
  );

  // PostgreSQL only: SQLite's one writer at a time cannot deadlock or race between processes.
  if (engine === 'postgres')
    it('run a transaction PostgreSQL aborted to break a deadlock again, so both writers succeed', async () => {
      const [a, b] = [
        (await buildEngagement(t.store, orgId, actor)).engagement.id,
        (await buildEngagement(t.store, orgId, actor)).engagement.id,
      ];
      // The first run of each takes one lock, waits until the other holds its own, then asks for the
      // other's: a deadlock. PostgreSQL aborts one of them (or, when both detect it at once, both); a run
      // again takes both locks in one order, as the application's writes do.
      let holding = 0;
      let release = () => {};
      const bothHolding = new Promise<void>((resolve) => (release = resolve));
      let runs = 0;
      const crossing = (first: string, second: string) =>
        t.store.transaction(async (tx) => {
          runs += 1;
          const engagements = tx.tenant(orgId).engagements;
          if (runs > 2) return engagements.lockForWrite([first, second]);
          await engagements.lockForWrite([first]);
          holding += 1;
          if (holding === 2) release();
          await bothHolding;
          await engagements.lockForWrite([second]);
        });
      const outcomes = await Promise.allSettled([crossing(a!, b!), crossing(b!, a!)]);
      expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : o.status))).toEqual([
        'fulfilled',
        'fulfilled',
      ]);
      expect(runs).toBeGreaterThanOrEqual(3);
    });
});
