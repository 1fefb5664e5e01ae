import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits, overLimitMessage } from '../../src/model/limits.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

describe.each(engines)('limits on lists a request can grow, on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let admin: Client;
  let orgId: string;
  let org: string;
  let engagementId: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    const built = await buildOrganization(t.store);
    orgId = built.organization.id;
    org = `/api/orgs/${orgId}`;
    engagementId = (await buildEngagement(t.store, orgId, built.admin.userId)).engagement.id;
    admin = new Client(server.baseUrl);
    await admin.login(built.admin.email, testPassword);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('refuses a stage change past the limit of an engagement, saves nothing, and reads on', async () => {
    const { max } = limits.engagementStages;
    let version = (await admin.get(`${org}/engagements/${engagementId}`)).body.version as number;
    // The engagement starts with one stage; each change appends one.
    for (let stages = 1; stages < max; stages += 1) {
      const moved = await admin.post(`${org}/engagements/${engagementId}/stages`, {
        stageId: stages % 2 === 0 ? 'readiness-exploration' : 'capacity-development',
        startedOn: '2020-02-01',
        reason: 'Moving back and forth to fill the stage history',
        version,
      });
      expect(moved.status).toBe(200);
      version = moved.body.version;
    }
    const refused = await admin.post(`${org}/engagements/${engagementId}/stages`, {
      stageId: 'capacity-development',
      startedOn: '2020-03-01',
      reason: 'One more',
      version,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { path: 'stages', message: overLimitMessage(limits.engagementStages) },
    ]);
    expect(refused.body.error.details[0].message).toBe(`must hold at most ${max} stage changes`);
    const engagement = await admin.get(`${org}/engagements/${engagementId}`);
    expect(engagement.status).toBe(200);
    expect(engagement.body).toMatchObject({ version });
    expect(engagement.body.stages).toHaveLength(max);
    expect((await admin.get(`${org}/engagements`)).status).toBe(200);
    expect((await admin.get(`${org}/engagements/${engagementId}/overview`)).status).toBe(200);
    expect((await admin.get(`${org}/engagements/${engagementId}/history`)).body.items).toHaveLength(max);
  });

  it('refuses a body with a list past its limit, naming the field and the limit', async () => {
    const { max } = limits.interactionNextSteps;
    const steps = Array.from({ length: max + 1 }, (_, i) => ({ text: `Step ${i}` }));
    const interaction = await admin.post(`${org}/interactions`, {
      ...typicalInteraction(engagementId),
      nextSteps: steps,
    });
    expect(interaction.status).toBe(400);
    expect(interaction.body.error.details).toEqual([
      { path: 'nextSteps', message: `must hold at most ${max} next steps` },
    ]);

    // A list that had no limit before: the items of an instrument.
    const items = Array.from({ length: limits.instrumentItems.max + 1 }, (_, i) => ({
      id: `q${i}`,
      text: `Question ${i}`,
      type: 'free-text',
    }));
    const published = await admin.post(`${org}/instruments`, {
      document: { id: 'long-survey', version: '1.0.0', name: 'Long survey', items },
    });
    expect(published.status).toBe(400);
    expect(published.body.error.details).toEqual([
      { path: 'items', message: `must hold at most ${limits.instrumentItems.max} items` },
    ]);
    expect((await admin.get(`${org}/instruments/long-survey`)).status).toBe(404);
  });

  it('refuses a query repeating a parameter past its limit', async () => {
    const { max } = limits.descriptivesEngagements;
    const query = Array.from({ length: max + 1 }, (_, i) => `engagementId=e${i}`).join('&');
    const reply = await admin.get(`${org}/analysis/descriptives?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      { path: 'query.engagementId', message: `must hold at most ${max} engagements` },
    ]);
  });
});

describe('the README', () => {
  it('lists every limit, and only those', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split('\n## Limits\n')[1]?.split('\n## ')[0] ?? '';
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .slice(2) // the header and its rule
      .map((line) => line.split('|').map((cell) => cell.trim().replace(/[`,]/g, '')))
      .map(([, record, field, max]) => `${record} ${field} ${max}`);
    expect(rows.sort()).toEqual(
      Object.values(limits)
        .map((l) => `${l.record} ${l.field} ${l.max}`)
        .sort(),
    );
  });
});
