import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSignalSettings } from '../../src/domain/signals/schemas.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

describe.each(engines)('responsive signals over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let isp: Client;
  let admin: Client;
  let org: string;
  let orgId: string;
  let engagementId: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    const built = await buildOrganization(t.store);
    orgId = built.organization.id;
    org = `/api/orgs/${orgId}`;
    const practitioner = await buildMember(t.store, orgId, 'practitioner');
    engagementId = (await buildEngagement(t.store, orgId, practitioner.userId)).engagement.id;
    isp = new Client(server.baseUrl);
    await isp.login(practitioner.email, testPassword);
    admin = new Client(server.baseUrl);
    await admin.login(built.admin.email, testPassword);
    const logged = await isp.post(
      `${org}/interactions`,
      typicalInteraction(engagementId, {
        nextSteps: [{ text: 'Send the readiness survey', owner: 'ISP', dueDate: '2020-02-10', done: false }],
      }),
    );
    expect(logged.status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('explains each signal of an engagement with its rule, and lists them for the organization', async () => {
    const reply = await isp.get(`${org}/engagements/${engagementId}/signals`);
    expect(reply.status).toBe(200);
    const byKey = new Map(reply.body.items.map((s: { key: string }) => [s.key, s]));
    expect(byKey.get('noContact')).toMatchObject({
      rule: 'noContact',
      engagementId,
      explanation: expect.stringMatching(/^The last interaction was on 2020-02-03, \d+ days ago\.$/),
      ruleText: 'Fires when no interaction has been logged for 4 weeks or more.',
      acknowledgement: null,
    });
    expect(byKey.get('nextStepsOverdue')).toMatchObject({
      title: '1 next step overdue',
      explanation: 'The oldest, "Send the readiness survey", was due on 2020-02-10.',
    });
    const all = await isp.get(`${org}/signals`);
    expect(all.body.items.map((s: { key: string }) => s.key)).toEqual(
      reply.body.items.map((s: { key: string }) => s.key),
    );
    expect((await isp.get(`${org}/engagements/nobody/signals`)).status).toBe(404);
  });

  it('keeps an acknowledgement with its note and shows it on the signal', async () => {
    const missing = await isp.post(`${org}/engagements/${engagementId}/signals/acknowledgements`, {
      key: 'noContact',
      note: '  ',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('note');
    const acknowledged = await isp.post(`${org}/engagements/${engagementId}/signals/acknowledgements`, {
      key: 'noContact',
      note: 'The partner paused for the summer; we meet again in September.',
    });
    expect(acknowledged.status).toBe(201);
    const signals = (await isp.get(`${org}/engagements/${engagementId}/signals`)).body.items;
    expect(signals.find((s: { key: string }) => s.key === 'noContact').acknowledgement).toMatchObject({
      note: 'The partner paused for the summer; we meet again in September.',
    });
    const history = await t.store.tenant(orgId).history('signal_acknowledgement', acknowledged.body.id);
    expect(history.map((h) => h.action)).toEqual(['create']);
  });

  it('lets an administrator change thresholds within range, switch a rule off, and refuses a stale save', async () => {
    const settings = structuredClone(defaultSignalSettings);
    settings.noContact.weeks = 53;
    const outOfRange = await admin.request('PUT', `${org}/signal-settings`, { settings, version: 0 });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.error.details).toContainEqual({
      path: 'settings.noContact.weeks',
      message: 'must be at most 52 weeks',
    });
    settings.noContact = { enabled: false, weeks: 4 };
    expect((await isp.request('PUT', `${org}/signal-settings`, { settings, version: 0 })).status).toBe(403);
    const saved = await admin.request('PUT', `${org}/signal-settings`, { settings, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    const stale = await admin.request('PUT', `${org}/signal-settings`, { settings, version: 0 });
    expect(stale.status).toBe(409);
    expect((await isp.get(`${org}/signal-settings`)).body.settings.noContact.enabled).toBe(false);
    const keys = (await isp.get(`${org}/engagements/${engagementId}/signals`)).body.items.map(
      (s: { key: string }) => s.key,
    );
    expect(keys).not.toContain('noContact');
    expect(keys).toContain('nextStepsOverdue');
    const history = await t.store.tenant(orgId).history('signal_settings', orgId);
    expect(history[0]!.changes).toEqual({
      noContact: [
        { enabled: true, weeks: 4 },
        { enabled: false, weeks: 4 },
      ],
    });
  });
});
