import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../src/demo/random.ts';
import { createApiToken } from '../../src/app/accounts/create-api-token.ts';
import { createEngagement } from '../../src/app/engagements/create-engagement.ts';
import { killHard, runPraxis, startPraxisServer } from '../support/cli.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { Client } from '../support/http.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';
import { januaryEngagement, runMixedWorkload } from './workload.ts';

/**
 * Real `praxis serve` processes writing the support record: two at once on one PostgreSQL database,
 * and one killed with `kill -9` in the middle of logging. Afterwards `praxis check` must find the
 * rollups equal to a recomputation from the raw interactions, and nothing acknowledged may be lost.
 */
describe.each(engines)('praxis serve processes on %s', { timeout: 180_000 }, (engine) => {
  let t: TestDatabase;
  let orgId: string;
  let actor: string;
  let token: string;
  let partnerId: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const { organization, admin } = await buildOrganization(t.store);
    orgId = organization.id;
    actor = admin.userId;
    token = (await createApiToken(t.store, orgId, { name: 'scripted writers', role: 'admin' }, actor)).token;
    partnerId = (await buildEngagement(t.store, orgId, actor, '2023-01-15')).partner.id;
  });
  afterAll(async () => t.dispose());

  const newEngagements = async (days: number[]): Promise<string[]> => {
    const ids = [];
    for (const day of days)
      ids.push((await createEngagement(t.store, orgId, januaryEngagement(partnerId, [actor], day), actor)).id);
    return ids;
  };

  const checkPasses = async () => {
    const check = await runPraxis(['check', '--org', orgId], t.env);
    expect(check.stdout).toContain('rollups match raw data');
    expect(check.code).toBe(0);
  };

  // PostgreSQL only: SQLite's one writer at a time cannot deadlock or race between processes.
  if (engine === 'postgres')
    it('keep the rollups true when two servers on one database race over the same engagements', async () => {
      const engagementIds = await newEngagements([15, 20, 31]);
      const servers = await Promise.all([startPraxisServer(t.env), startPraxisServer(t.env)]);
      try {
        const { statuses, failures } = await runMixedWorkload({
          baseUrls: servers.map((s) => s.url),
          organizationId: orgId,
          token,
          engagementIds,
          clients: 10,
          operationsPerClient: 30,
          seed: 2,
        });
        expect(failures).toEqual([]);
        for (const done of ['log 201', 'delete 200', 'restore 200', 'delete-engagement 200', 'restore-engagement 200'])
          expect(statuses.get(done), `${done} in ${JSON.stringify([...statuses])}`).toBeGreaterThan(0);
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
      await checkPasses();
    });

  it('keep every acknowledged write and true rollups when the server is killed with kill -9 while logging', async () => {
    const engagementIds = await newEngagements([10, 25]);
    const org = `/api/orgs/${orgId}`;
    let server = await startPraxisServer(t.env);
    const logged: string[] = [];
    const deleted: string[] = [];
    const failures: { status: number; body: unknown }[] = [];
    let killed = false;
    // Ten clients log as fast as they can and delete every third interaction they logged, until the server dies.
    const clients = Array.from({ length: 10 }, async (_, i) => {
      const client = new Client(server.url);
      client.bearer = token;
      const random = createRandom(100 + i);
      for (let n = 0; !killed && failures.length === 0; n += 1) {
        try {
          const date = new Date(Date.UTC(2023, 1, 1) + random.int(0, 200) * 86_400_000).toISOString().slice(0, 10);
          const reply = await client.post(
            `${org}/interactions`,
            typicalInteraction(random.pick(engagementIds), { date }),
          );
          if (reply.status !== 201) failures.push(reply);
          else logged.push(reply.body.id);
          if (n % 3 !== 2 || logged.length === 0) continue;
          const id = random.pick(logged);
          const removed = await client.delete(`${org}/interactions/${id}`);
          if (removed.status === 200) deleted.push(id);
          else if (removed.status !== 404) failures.push(removed);
        } catch {
          return; // the server is gone: this request was never answered
        }
      }
    });
    // Wait until enough writes were acknowledged, with more in flight, then kill.
    while (logged.length < 120 && failures.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await killHard(server.child);
    killed = true;
    await Promise.all(clients);
    expect(failures).toEqual([]);

    server = await startPraxisServer(t.env);
    try {
      const reader = new Client(server.url);
      reader.bearer = token;
      const lost: string[] = [];
      const undeleted: string[] = [];
      for (const id of logged) {
        const reply = await reader.get(`${org}/interactions/${id}`);
        if (reply.status !== 200) lost.push(id);
        else if (deleted.includes(id) && reply.body.deletedAt === null) undeleted.push(id);
      }
      expect(lost).toEqual([]);
      expect(undeleted).toEqual([]);
      expect(deleted.length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
    await checkPasses();
  });
});
