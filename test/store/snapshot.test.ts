import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

/** A snapshot is one consistent view: what others write while it is open stays out of it. */
describe.each(engines)('reading from a snapshot on %s', (engine) => {
  let t: TestDatabase;
  let orgId: string;
  let actor: string;
  let engagementId: string;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const { organization, admin } = await buildOrganization(t.store);
    orgId = organization.id;
    actor = admin.userId;
    engagementId = (await buildEngagement(t.store, orgId, actor)).engagement.id;
    await logInteraction(t.store, orgId, typicalInteraction(engagementId, { date: '2020-02-03' }), actor);
  });
  afterAll(async () => t.dispose());

  it('keeps seeing the data as it was while others write, and lets them write', async () => {
    const count = async (store: typeof t.store) => (await store.tenant(orgId).interactions.allLive()).length;
    const [before, during] = await t.store.snapshot(async (snapshot) => {
      const first = await count(snapshot);
      await logInteraction(t.store, orgId, typicalInteraction(engagementId, { date: '2020-02-04' }), actor);
      expect(await count(t.store)).toBe(first + 1);
      return [first, await count(snapshot)];
    });
    expect(during).toBe(before);
    expect(await count(t.store)).toBe(before + 1);
  });

  it('refuses to write', async () => {
    await expect(
      t.store.snapshot((snapshot) =>
        logInteraction(snapshot, orgId, typicalInteraction(engagementId, { date: '2020-02-05' }), actor),
      ),
    ).rejects.toThrow(/read.?only/i);
  });
});
