import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildDerived } from '../../src/app/derived/rebuild-derived.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { openDatabase } from '../../src/store/database.ts';
import { Store } from '../../src/store/store.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

/**
 * The analysis slices sum derived rows held in memory per open database (`SummaryCache`). Whatever
 * changes the rows — a write of this process, of another process on the same database, a rebuild — the
 * next slice must sum the committed rows, and a write that fails must change nothing.
 */
describe.each(engines)('slices held in memory on %s', (engine) => {
  let t: TestDatabase;
  let other: Store;
  let orgId: string;
  let actor: string;
  let engagementIds: string[];
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    // A second handle on the same database, as another server or a `praxis` command would open it.
    other = new Store(
      await openDatabase({
        dataDir: t.env.DATA_DIR!,
        databaseUrl: t.env.DATABASE_URL,
        databaseSchema: t.env.DATABASE_SCHEMA,
      }),
    );
    const { organization, admin } = await buildOrganization(t.store);
    orgId = organization.id;
    actor = admin.userId;
    engagementIds = [
      (await buildEngagement(t.store, orgId, actor)).engagement.id,
      (await buildEngagement(t.store, orgId, actor)).engagement.id,
    ];
    for (const engagementId of engagementIds)
      await logInteraction(t.store, orgId, typicalInteraction(engagementId), actor);
  });
  afterAll(async () => {
    await other.close();
    await t.dispose();
  });

  /** What rows read afresh give: a transaction reads into a cache of its own. */
  const afresh = (store: Store) => store.transaction((tx) => tx.tenant(orgId).slices.of(null));
  const interactionsIn = async (store: Store) => (await store.tenant(orgId).slices.of(null)).practiceTotals({});

  it('sum what another process on the same database wrote', async () => {
    const before = (await interactionsIn(t.store)).interactions;
    expect((await interactionsIn(other)).interactions).toBe(before);
    await logInteraction(other, orgId, typicalInteraction(engagementIds[0]!, { date: '2020-03-03' }), actor);
    expect((await interactionsIn(t.store)).interactions).toBe(before + 1);
    await logInteraction(t.store, orgId, typicalInteraction(engagementIds[1]!, { date: '2020-04-04' }), actor);
    expect((await interactionsIn(other)).interactions).toBe(before + 2);
    expect(await interactionsIn(other)).toEqual((await afresh(other)).practiceTotals({}));
  });

  it('sum the rows a rebuild wrote', async () => {
    const held = await interactionsIn(t.store);
    // Rows made wrong behind the application's back are not seen until a rebuild rewrites them.
    await sql`update mode_month_use set interactions = interactions + 100 where organization_id = ${orgId}`.execute(
      t.store.database.db,
    );
    expect(await interactionsIn(t.store)).toEqual(held);
    expect((await afresh(t.store)).practiceTotals({})).not.toEqual(held);
    await rebuildDerived(other, orgId);
    expect(await interactionsIn(t.store)).toEqual(held);
    expect((await afresh(t.store)).practiceTotals({})).toEqual(held);
  });

  it('keep what they hold when a write fails', async () => {
    const held = await interactionsIn(t.store);
    const versions = () =>
      t.store.database.db.selectFrom('derived_versions').selectAll().where('organization_id', '=', orgId).execute();
    const before = await versions();
    await expect(
      t.store.transaction(async (tx) => {
        await logInteraction(tx, orgId, typicalInteraction(engagementIds[0]!, { date: '2020-05-05' }), actor);
        throw new Error('this write is abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await versions()).toEqual(before);
    expect(await interactionsIn(t.store)).toEqual(held);
    expect((await afresh(t.store)).practiceTotals({})).toEqual(held);
  });
});
