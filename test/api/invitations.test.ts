import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteMember } from '../../src/app/invitations/invite-member.ts';
import { digestSecret } from '../../src/app/accounts/secrets.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';

/** The shape of a JSON value: every leaf replaced by its type, so two answers can be compared field by field. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]));
  return value === null ? 'null' : typeof value;
}

describe.each(engines)('invitations over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let a: Awaited<ReturnType<typeof buildOrganization>>;
  let b: Awaited<ReturnType<typeof buildOrganization>>;
  let adminOfB: Client;
  const logLines: string[] = [];
  let counter = 0;
  const newEmail = () => `invitee-${engine}-${Date.now().toString(36)}-${(counter += 1)}@example.org`;
  const orgB = () => `/api/orgs/${b.organization.id}`;

  const signedIn = async (email: string, password = testPassword): Promise<Client> => {
    const client = new Client(server.baseUrl);
    expect((await client.login(email, password)).status).toBe(200);
    return client;
  };
  const anonymous = () => new Client(server.baseUrl);
  const membersOfB = async () => (await t.store.tenant(b.organization.id).members.list()).map((m) => m.email);

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(
      t.store,
      t.env.DATA_DIR!,
      { LOGIN_RATE_LIMIT: '1000', LOG_LEVEL: 'info' },
      {
        write: (line) => void logLines.push(line),
      },
    );
    a = await buildOrganization(t.store, `Invitations A ${engine}`);
    b = await buildOrganization(t.store, `Invitations B ${engine}`);
    adminOfB = await signedIn(b.admin.email);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('answers an invitation of another organization’s member exactly as one of an unknown email, and adds no one', async () => {
    const known = await adminOfB.post(`${orgB()}/invitations`, { email: a.admin.email, role: 'lead' });
    const unknown = await adminOfB.post(`${orgB()}/invitations`, { email: newEmail(), role: 'lead' });
    expect(known.status).toBe(201);
    expect(unknown.status).toBe(201);
    expect(shapeOf(known.body)).toEqual(shapeOf(unknown.body));
    expect(Object.keys(known.body.invitation).sort()).toEqual(Object.keys(unknown.body.invitation).sort());
    for (const leak of [a.admin.userId, a.admin.name]) expect(JSON.stringify(known.body)).not.toContain(leak);
    expect(known.body.invitation).toMatchObject({ email: a.admin.email, role: 'lead', status: 'pending' });
    expect(known.body.path).toBe(`/invitation/${known.body.token}`);
    // The old direct addition is gone: it neither answers nor adds.
    const direct = await adminOfB.post(`${orgB()}/members`, { email: a.admin.email, name: 'x', role: 'lead' });
    expect(direct.status).toBe(404);
    expect(await membersOfB()).not.toContain(a.admin.email);
  });

  it('creates the membership with the invited role only when the invitee accepts', async () => {
    const sent = await adminOfB.post(`${orgB()}/invitations`, {
      email: a.admin.email.toUpperCase(),
      role: 'researcher',
    });
    const token = sent.body.token as string;
    const invitee = await signedIn(a.admin.email);
    const view = await invitee.get(`/api/invitations/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toEqual({
      organizationName: b.organization.name,
      email: a.admin.email,
      role: 'researcher',
      invitedByName: b.admin.name,
      expiresAt: sent.body.invitation.expiresAt,
    });
    expect(await membersOfB()).not.toContain(a.admin.email);

    const accepted = await invitee.post(`/api/invitations/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ organizationId: b.organization.id, role: 'researcher' });
    expect(await t.store.tenant(b.organization.id).members.find(a.admin.userId)).toMatchObject({ role: 'researcher' });
    expect((await invitee.get('/api/session')).body.organizations.map((o: { id: string }) => o.id)).toContain(
      b.organization.id,
    );
    const history = await t.store.tenant(b.organization.id).history('invitation', sent.body.invitation.id);
    expect(history.map((h) => [h.action, h.actor])).toEqual([
      ['create', b.admin.userId],
      ['update', a.admin.userId],
    ]);
    expect(history[1]!.changes).toMatchObject({ status: ['pending', 'accepted'] });
    const membership = await t.store.tenant(b.organization.id).history('membership', a.admin.userId);
    expect(membership.map((h) => h.action)).toEqual(['create']);

    // Used once: the link says so, and neither accepting again nor declining works.
    const again = await invitee.post(`/api/invitations/${token}/accept`);
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual([{ path: 'token', message: 'has been used' }]);
    expect((await anonymous().get(`/api/invitations/${token}`)).status).toBe(409);
    expect((await anonymous().post(`/api/invitations/${token}/decline`)).status).toBe(409);
    // Inviting someone who is now a member says so (the administrator sees the members anyway).
    const member = await adminOfB.post(`${orgB()}/invitations`, { email: a.admin.email, role: 'lead' });
    expect(member.status).toBe(409);
    expect(member.body.error.details[0].path).toBe('email');
  });

  it('lets a new person create the invited account through the link, then accept', async () => {
    const email = newEmail();
    const sent = await adminOfB.post(`${orgB()}/invitations`, { email, role: 'practitioner' });
    const token = sent.body.token as string;
    const browser = anonymous();
    expect((await browser.post(`/api/invitations/${token}/accept`)).status).toBe(401);

    const weak = await browser.post(`/api/invitations/${token}/account`, { name: 'Nia', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.map((d: { path: string }) => d.path)).toEqual(['password']);

    const created = await browser.post(`/api/invitations/${token}/account`, {
      name: 'Nia Newcomer',
      password: 'a long new password',
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email, name: 'Nia Newcomer' });
    expect(created.body.organizations).toEqual([]);
    browser.csrfToken = created.body.csrfToken;
    // Making the account is not joining: the membership waits for acceptance.
    expect(await membersOfB()).not.toContain(email);
    const twice = await anonymous().post(`/api/invitations/${token}/account`, {
      name: 'X',
      password: 'another password',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.details).toEqual([{ path: 'email', message: 'is already registered' }]);

    expect((await browser.post(`/api/invitations/${token}/accept`)).status).toBe(200);
    expect((await t.store.tenant(b.organization.id).members.list()).find((m) => m.email === email)).toMatchObject({
      name: 'Nia Newcomer',
      role: 'practitioner',
    });
    expect((await signedIn(email, 'a long new password')).csrfToken).not.toBe('');
  });

  it('creates nothing when the invitee declines, and the link is used up', async () => {
    const email = newEmail();
    const sent = await adminOfB.post(`${orgB()}/invitations`, { email, role: 'lead' });
    const token = sent.body.token as string;
    expect((await anonymous().post(`/api/invitations/${token}/decline`)).status).toBe(204);
    expect(await t.store.users.findByEmail(email)).toBeUndefined();
    expect(await membersOfB()).not.toContain(email);
    const view = await anonymous().get(`/api/invitations/${token}`);
    expect(view.status).toBe(409);
    expect(view.body.error.message).toMatch(/already been declined/);
    expect(
      (await anonymous().post(`/api/invitations/${token}/account`, { name: 'X', password: 'long password' })).status,
    ).toBe(409);
    expect(await t.store.users.findByEmail(email)).toBeUndefined();
    const listed = await adminOfB.get(`${orgB()}/invitations`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(sent.body.invitation.id);
  });

  it('refuses a revoked link and an expired one with a clear error', async () => {
    const email = newEmail();
    const sent = await adminOfB.post(`${orgB()}/invitations`, { email, role: 'lead' });
    const listed = await adminOfB.get(`${orgB()}/invitations`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((i: { id: string }) => i.id === sent.body.invitation.id)).toEqual(
      sent.body.invitation,
    );
    expect(JSON.stringify(listed.body)).not.toContain(sent.body.token);

    expect((await adminOfB.delete(`${orgB()}/invitations/${sent.body.invitation.id}`)).status).toBe(204);
    const revoked = await anonymous().get(`/api/invitations/${sent.body.token}`);
    expect(revoked.status).toBe(403);
    expect(revoked.body.error).toMatchObject({
      message: 'This invitation has been withdrawn by the organization that sent it',
      details: [{ path: 'token', message: 'has been revoked' }],
    });
    expect((await anonymous().post(`/api/invitations/${sent.body.token}/decline`)).status).toBe(403);
    expect((await adminOfB.get(`${orgB()}/invitations`)).body.items.map((i: { id: string }) => i.id)).not.toContain(
      sent.body.invitation.id,
    );

    const lapsed = await inviteMember(
      t.store,
      b.organization.id,
      { email: newEmail(), role: 'partner' },
      b.admin.userId,
      14,
      new Date(Date.now() - 15 * 86_400_000),
    );
    const expired = await anonymous().get(`/api/invitations/${lapsed.token}`);
    expect(expired.status).toBe(403);
    expect(expired.body.error.details).toEqual([{ path: 'token', message: 'has expired' }]);
    expect(expired.body.error.message).toContain(`expired on ${lapsed.invitation.expiresAt.slice(0, 10)}`);
    const pending = (await adminOfB.get(`${orgB()}/invitations`)).body.items;
    expect(pending.find((i: { id: string }) => i.id === lapsed.invitation.id)?.status).toBe('expired');

    const unknown = await anonymous().get(`/api/invitations/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details).toEqual([{ path: 'token', message: 'matches no invitation' }]);
  });

  it('does not let someone signed in with another email accept', async () => {
    const email = newEmail();
    const sent = await adminOfB.post(`${orgB()}/invitations`, { email, role: 'admin' });
    const other = await buildMember(t.store, a.organization.id, 'practitioner');
    const reply = await (await signedIn(other.email)).post(`/api/invitations/${sent.body.token}/accept`);
    expect(reply.status).toBe(403);
    expect(reply.body.error.details).toEqual([{ path: 'email', message: 'is not the invited email' }]);
    expect(await t.store.tenant(b.organization.id).members.find(other.userId)).toBeUndefined();
    // The administrator of B, holding the link, cannot accept for the invitee either.
    expect((await adminOfB.post(`/api/invitations/${sent.body.token}/accept`)).status).toBe(403);
    expect((await anonymous().get(`/api/invitations/${sent.body.token}`)).status).toBe(200);
  });

  it('answers 404 to an outsider listing, sending or revoking invitations, and 403 to a member who is no administrator', async () => {
    const sent = await adminOfB.post(`${orgB()}/invitations`, { email: newEmail(), role: 'lead' });
    // A's administrator joined B in an earlier test; C's never did.
    const c = await buildOrganization(t.store);
    const outsider = await signedIn(c.admin.email);
    expect((await outsider.get(`/api/orgs/${c.organization.id}/invitations`)).status).toBe(200);
    const id = sent.body.invitation.id as string;
    const attempts = [
      await outsider.get(`${orgB()}/invitations`),
      await outsider.post(`${orgB()}/invitations`, { email: newEmail(), role: 'admin' }),
      await outsider.delete(`${orgB()}/invitations/${id}`),
      // An id of B's through C's own organization finds nothing either.
      await outsider.delete(`/api/orgs/${c.organization.id}/invitations/${id}`),
    ];
    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    const lead = await buildMember(t.store, b.organization.id, 'lead');
    const leadClient = await signedIn(lead.email);
    expect((await leadClient.get(`${orgB()}/invitations`)).status).toBe(403);
    expect((await leadClient.delete(`${orgB()}/invitations/${id}`)).status).toBe(403);
    expect((await t.store.tenant(b.organization.id).invitations.require(id)).status).toBe('pending');
  });

  it('keeps only the newest link of an email working', async () => {
    const email = newEmail();
    const first = await adminOfB.post(`${orgB()}/invitations`, { email, role: 'lead' });
    const second = await adminOfB.post(`${orgB()}/invitations`, { email, role: 'researcher' });
    expect((await anonymous().get(`/api/invitations/${first.body.token}`)).status).toBe(403);
    expect((await anonymous().get(`/api/invitations/${second.body.token}`)).body.role).toBe('researcher');
    const pending = (await adminOfB.get(`${orgB()}/invitations`)).body.items.filter(
      (i: { email: string }) => i.email === email,
    );
    expect(pending.map((i: { id: string }) => i.id)).toEqual([second.body.invitation.id]);
  });

  it('never stores or logs the secret of a link', async () => {
    const email = newEmail();
    const sent = await adminOfB.post(`${orgB()}/invitations`, { email, role: 'lead' });
    const token = sent.body.token as string;
    const browser = anonymous();
    await browser.get(`/api/invitations/${token}`);
    const created = await browser.post(`/api/invitations/${token}/account`, {
      name: 'Quiet',
      password: 'long password!',
    });
    browser.csrfToken = created.body.csrfToken;
    expect((await browser.post(`/api/invitations/${token}/accept`)).status).toBe(200);

    const db = t.store.database.db;
    const rows = await db.selectFrom('invitations').selectAll().where('id', '=', sent.body.invitation.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(digestSecret(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const history = JSON.stringify(await db.selectFrom('history').selectAll().execute());
    expect(history).not.toContain(token);
    expect(history).not.toContain(digestSecret(token));

    const logs = logLines.join('\n');
    expect(logs).toContain('/api/invitations/[redacted]');
    expect(logs).not.toContain(token);
  });

  it('documents every invitation route in the OpenAPI document', async () => {
    const doc = (await anonymous().get('/api/openapi.json')).body;
    const routes = [
      ['/api/orgs/{orgId}/invitations', 'get'],
      ['/api/orgs/{orgId}/invitations', 'post'],
      ['/api/orgs/{orgId}/invitations/{invitationId}', 'delete'],
      ['/api/invitations/{token}', 'get'],
      ['/api/invitations/{token}/account', 'post'],
      ['/api/invitations/{token}/accept', 'post'],
      ['/api/invitations/{token}/decline', 'post'],
    ] as const;
    for (const [path, method] of routes) expect(doc.paths[path]?.[method]?.tags).toEqual(['invitations']);
    expect(doc.paths['/api/orgs/{orgId}/members']?.post).toBeUndefined();
  });
});
