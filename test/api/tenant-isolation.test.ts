import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/server/accounts/operations.ts';
import { logInteraction } from '../../src/server/interactions/operations.ts';
import { inviteMember } from '../../src/server/invitations/operations.ts';
import { createContact } from '../../src/server/partners/operations.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';

describe.each(engines)('tenant isolation and roles over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let a: Awaited<ReturnType<typeof buildOrganization>>;
  let b: Awaited<ReturnType<typeof buildOrganization>>;
  let bTokenId: string;
  let bInvitationId: string;
  let bRecords: { partnerId: string; engagementId: string; interactionId: string; contactId: string };
  let adminOfA: Client;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    a = await buildOrganization(t.store, 'Organization A');
    b = await buildOrganization(t.store, 'Organization B');
    bTokenId = (await createApiToken(t.store, b.organization.id, { name: 'B script', role: 'admin' }, b.admin.userId))
      .apiToken.id;
    bInvitationId = (
      await inviteMember(t.store, b.organization.id, { email: 'guest@example.org', role: 'lead' }, b.admin.userId, 14)
    ).invitation.id;
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
      { partnerId: partner.id, name: 'B person', email: '', level: 'individual', role: '' },
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

  const resourcesOfB = () => {
    const org = `/api/orgs/${b.organization.id}`;
    return [
      ['GET', org],
      ['GET', `${org}/members`],
      ['GET', `${org}/members/${b.admin.userId}`],
      ['PATCH', `${org}/members/${b.admin.userId}`, { role: 'lead' }],
      ['DELETE', `${org}/members/${b.admin.userId}`],
      ['GET', `${org}/invitations`],
      ['POST', `${org}/invitations`, { email: 'spy@example.org', role: 'admin' }],
      ['DELETE', `${org}/invitations/${bInvitationId}`],
      ['GET', `${org}/tokens`],
      ['POST', `${org}/tokens`, { name: 'stolen', role: 'admin' }],
      ['DELETE', `${org}/tokens/${bTokenId}`],
      ['GET', `${org}/models`],
      ['GET', `${org}/models/eis-toc`],
      ['GET', `${org}/models/eis-toc/diagram.svg`],
      ['POST', `${org}/models`, { document: {} }],
      ['GET', `${org}/partners`],
      ['GET', `${org}/partners/${bRecords.partnerId}`],
      ['GET', `${org}/partners/${bRecords.partnerId}/history`],
      ['DELETE', `${org}/partners/${bRecords.partnerId}`],
      ['GET', `${org}/contacts`],
      ['GET', `${org}/contacts/${bRecords.contactId}`],
      ['GET', `${org}/engagements`],
      ['GET', `${org}/engagements/${bRecords.engagementId}`],
      [
        'POST',
        `${org}/engagements/${bRecords.engagementId}/stages`,
        { stageId: 'capacity-development', startedOn: '2021-01-01', version: 1 },
      ],
      ['GET', `${org}/interactions`],
      ['GET', `${org}/interactions/${bRecords.interactionId}`],
      ['GET', `${org}/interactions/${bRecords.interactionId}/history`],
      [
        'PUT',
        `${org}/interactions/${bRecords.interactionId}`,
        { ...typicalInteraction(bRecords.engagementId), version: 1 },
      ],
      ['DELETE', `${org}/interactions/${bRecords.interactionId}`],
      ['POST', `${org}/interactions/${bRecords.interactionId}/restore`],
    ] as const;
  };

  it('answers 404 to a member of A for every resource of B, by id and by listing', async () => {
    for (const [method, url, body] of resourcesOfB()) {
      const reply = await adminOfA.request(method, url, body);
      expect({ method, url, status: reply.status }).toEqual({ method, url, status: 404 });
    }
    const listed = await adminOfA.get('/api/orgs');
    expect(listed.body.items.map((o: { id: string }) => o.id)).toEqual([a.organization.id]);
    expect(await t.store.tenant(b.organization.id).members.find(b.admin.userId)).toMatchObject({ role: 'admin' });
    expect((await t.store.tenant(b.organization.id).tokens.find(bTokenId))?.revokedAt).toBeNull();
    expect((await t.store.tenant(b.organization.id).invitations.require(bInvitationId)).status).toBe('pending');
    expect(await t.store.tenant(b.organization.id).invitations.listPending('spy@example.org')).toEqual([]);
    expect((await t.store.tenant(b.organization.id).interactions.require(bRecords.interactionId)).version).toBe(1);
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

  it('answers 404 to an API token of A for every resource of B', async () => {
    const scripted = new Client(server.baseUrl);
    scripted.bearer = (
      await createApiToken(t.store, a.organization.id, { name: 'A script', role: 'admin' }, a.admin.userId)
    ).token;
    expect((await scripted.get(`/api/orgs/${a.organization.id}/members`)).status).toBe(200);
    for (const [method, url, body] of resourcesOfB()) {
      expect((await scripted.request(method, url, body)).status).toBe(404);
    }
    expect((await scripted.get('/api/orgs')).body.items.map((o: { id: string }) => o.id)).toEqual([a.organization.id]);
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
