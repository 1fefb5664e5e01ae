import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/accounts/create-api-token.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { createContact } from '../../src/app/partners/create-contact.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';

// Every route against another organization's ids is covered by cross-organization.test.ts.
describe.each(engines)('tenant isolation and roles over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let a: Awaited<ReturnType<typeof buildOrganization>>;
  let b: Awaited<ReturnType<typeof buildOrganization>>;
  let bRecords: { partnerId: string; engagementId: string; interactionId: string; contactId: string };
  let adminOfA: Client;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    a = await buildOrganization(t.store, 'Organization A');
    b = await buildOrganization(t.store, 'Organization B');
    const { partner, engagement } = await buildEngagement(t.store, b.organization.id, b.admin.userId);
    const interaction = await logInteraction(
      t.store,
      b.organization.id,
      typicalInteraction(engagement.id),
      b.admin.userId,
    );
    const contact = await createContact(
      t.store,
      b.organization.id,
      { partnerId: partner.id, name: 'B person', email: '', level: 'individual', role: '', language: null },
      b.admin.userId,
    );
    bRecords = {
      partnerId: partner.id,
      engagementId: engagement.id,
      interactionId: interaction.id,
      contactId: contact.id,
    };
    adminOfA = new Client(server.baseUrl);
    await adminOfA.login(a.admin.email, testPassword);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('does not let A reference B’s records from its own organization', async () => {
    const org = `/api/orgs/${a.organization.id}`;
    const reply = await adminOfA.post(`${org}/interactions`, typicalInteraction(bRecords.engagementId));
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      { path: 'engagementId', message: `no engagement "${bRecords.engagementId}" in this organization` },
    ]);
    const contact = await adminOfA.post(`${org}/contacts`, {
      partnerId: bRecords.partnerId,
      name: 'Spy',
      level: 'individual',
    });
    expect(contact.body.error.details[0].path).toBe('partnerId');
  });

  it('lets roles do only what the policy grants', async () => {
    const practitioner = await buildMember(t.store, a.organization.id, 'practitioner');
    const client = new Client(server.baseUrl);
    await client.login(practitioner.email, testPassword);
    expect((await client.get(`/api/orgs/${a.organization.id}`)).body.role).toBe('practitioner');
    expect((await client.get(`/api/orgs/${a.organization.id}/members`)).status).toBe(403);
    expect((await client.post(`/api/orgs/${a.organization.id}/tokens`, { name: 'x', role: 'admin' })).status).toBe(403);
    expect(
      (await client.patch(`/api/orgs/${a.organization.id}/members/${practitioner.userId}`, { role: 'admin' })).status,
    ).toBe(403);
    expect((await t.store.tenant(a.organization.id).members.find(practitioner.userId))?.role).toBe('practitioner');
  });

  it('refuses revoked tokens and unknown bearer values with 401', async () => {
    const created = await createApiToken(
      t.store,
      a.organization.id,
      { name: 'short-lived', role: 'researcher' },
      a.admin.userId,
    );
    const scripted = new Client(server.baseUrl);
    scripted.bearer = created.token;
    expect((await scripted.get(`/api/orgs/${a.organization.id}`)).status).toBe(200);
    expect((await adminOfA.delete(`/api/orgs/${a.organization.id}/tokens/${created.apiToken.id}`)).status).toBe(204);
    expect((await scripted.get(`/api/orgs/${a.organization.id}`)).status).toBe(401);
    scripted.bearer = 'prx_madeup';
    expect((await scripted.get(`/api/orgs/${a.organization.id}`)).status).toBe(401);
  });

  it('manages members and tokens end to end as an administrator', async () => {
    const org = `/api/orgs/${a.organization.id}`;
    const email = `new-${engine}@example.org`;
    const invited = await adminOfA.post(`${org}/invitations`, { email, role: 'researcher' });
    expect(invited.status).toBe(201);
    const newcomer = new Client(server.baseUrl);
    const account = await newcomer.post(`/api/invitations/${invited.body.token}/account`, {
      name: 'New Person',
      password: 'initial password',
    });
    expect(account.status).toBe(201);
    newcomer.csrfToken = account.body.csrfToken;
    expect((await newcomer.post(`/api/invitations/${invited.body.token}/accept`)).status).toBe(200);
    const userId = account.body.user.id as string;
    expect((await adminOfA.patch(`${org}/members/${userId}`, { role: 'lead' })).body.role).toBe('lead');
    expect((await adminOfA.post(`${org}/invitations`, { email, role: 'lead' })).status).toBe(409);
    expect((await adminOfA.delete(`${org}/members/${userId}`)).status).toBe(204);
    const token = await adminOfA.post(`${org}/tokens`, {
      name: 'nightly export',
      role: 'researcher',
      expiresInDays: 30,
    });
    expect(token.status).toBe(201);
    expect(token.body.token).toMatch(/^prx_/);
    const listed = await adminOfA.get(`${org}/tokens`);
    expect(JSON.stringify(listed.body)).not.toContain(token.body.token);
    expect(listed.body.items.find((x: { id: string }) => x.id === token.body.apiToken.id)).toMatchObject({
      name: 'nightly export',
      revokedAt: null,
    });
  });
});
