import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

const csvType = 'text/csv';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const nul = 'must not contain the NUL character (U+0000)';

describe.each(engines)('what a request may carry, on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let admin: Client;
  let orgId: string;
  let engagementId: string;
  let org: string;

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

  const interactionCount = async () => (await t.store.tenant(orgId).interactions.list({}, 1000)).items.length;

  describe('content types', () => {
    it('answers a text/plain body with 415, naming JSON', async () => {
      const reply = await admin.request('POST', `${org}/partners`, '{"name":"Plain","kind":"team"}', {
        'content-type': 'text/plain',
      });
      expect(reply.status).toBe(415);
      expect(reply.body.error).toMatchObject({
        code: 'unsupported_media_type',
        details: [{ path: 'content-type', message: 'must be application/json' }],
      });
      expect((await t.store.tenant(orgId).partners.list()).map((p) => p.name)).not.toContain('Plain');
    });

    it('answers an import sent as JSON, or with no body, with 415 naming the file types it reads', async () => {
      const expected = {
        code: 'unsupported_media_type',
        details: [{ path: 'content-type', message: `must be ${csvType} or ${xlsxType}` }],
      };
      const json = await admin.post(`${org}/interactions/import`, {});
      expect(json.status).toBe(415);
      expect(json.body.error).toMatchObject(expected);
      const empty = await admin.request('POST', `${org}/interactions/import`);
      expect(empty.status).toBe(415);
      expect(empty.body.error).toMatchObject(expected);
      const plain = await admin.request('POST', `${org}/interactions/import`, 'engagement_id\n', {
        'content-type': 'text/plain',
      });
      expect(plain.status).toBe(415);
      expect(plain.body.error).toMatchObject(expected);
    });
  });

  describe('the NUL character', () => {
    it('is refused in body fields, at any depth, naming each field', async () => {
      const partner = await admin.post(`${org}/partners`, { name: 'Nul\u0000 County', kind: 'organization' });
      expect(partner.status).toBe(400);
      expect(partner.body.error).toMatchObject({
        code: 'validation_failed',
        message: 'Invalid request body',
        details: [{ path: 'name', message: nul }],
      });
      const before = await interactionCount();
      const interaction = await admin.post(
        `${org}/interactions`,
        typicalInteraction(engagementId, {
          notes: 'fine',
          nextSteps: [{ text: 'Call \u0000back', owner: '', dueDate: null, done: false }],
        }),
      );
      expect(interaction.status).toBe(400);
      expect(interaction.body.error.details).toEqual([{ path: 'nextSteps[0].text', message: nul }]);
      expect(await interactionCount()).toBe(before);
    });

    it('is refused in path parameters', async () => {
      const record = await admin.get(`${org}/partners/%00`);
      expect(record.status).toBe(400);
      expect(record.body.error.details).toEqual([{ path: 'params.id', message: nul }]);
      const organization = await admin.get(`/api/orgs/a%00b/partners`);
      expect(organization.status).toBe(400);
      expect(organization.body.error.details).toEqual([{ path: 'params.orgId', message: nul }]);
    });

    it('is refused in query parameters', async () => {
      const reply = await admin.get(`${org}/engagements?partnerId=x%00y`);
      expect(reply.status).toBe(400);
      expect(reply.body.error).toMatchObject({
        message: 'Invalid request query',
        details: [{ path: 'query.partnerId', message: nul }],
      });
    });

    it('is reported by row and column in an imported file, and nothing is written', async () => {
      const before = await interactionCount();
      const csv = [
        'engagement_id,date,time,duration_minutes,mode,notes,minutes_relating,activities_relating',
        `${engagementId},2020-02-03,10:00,60,video,clean,20,check-in`,
        `${engagementId},2020-02-04,10:00,60,video,with \u0000 inside,20,check-in`,
        `${engagementId}\u0000,2020-02-05,10:00,60,video,clean,20,check-in`,
      ].join('\n');
      const reply = await admin.request('POST', `${org}/interactions/import`, csv, { 'content-type': csvType });
      expect(reply.status).toBe(400);
      expect(reply.body.error.details).toEqual([
        { path: 'row 3: notes', message: nul },
        { path: 'row 4: engagement_id', message: nul },
      ]);
      expect(await interactionCount()).toBe(before);
      // The long layout: the NUL is on the second row of an interaction, which is refused as a whole.
      const long = [
        'interaction_key,engagement_id,date,time,duration_minutes,mode,component_id,component_minutes,activity_ids',
        `a,${engagementId},2020-03-02,10:00,60,video,relating,20,check-in`,
        `a,${engagementId},2020-03-02,10:00,60,video,assessing,30,review-data\u0000`,
      ].join('\n');
      const dryRun = await admin.request('POST', `${org}/interactions/import?dryRun=true`, long, {
        'content-type': csvType,
      });
      expect(dryRun.status).toBe(400);
      expect(dryRun.body.error.details).toEqual([{ path: 'row 3: activity_ids', message: nul }]);
      expect(await interactionCount()).toBe(before);
    });
  });
});
