import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';

describe.each(engines)('the people of an organization over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let a: Awaited<ReturnType<typeof buildOrganization>>;
  let b: Awaited<ReturnType<typeof buildOrganization>>;

  const signedIn = async (email: string): Promise<Client> => {
    const client = new Client(server.baseUrl);
    expect((await client.login(email, testPassword)).status).toBe(200);
    return client;
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    a = await buildOrganization(t.store, 'People A');
    b = await buildOrganization(t.store, 'People B');
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('names every member by id and name, sorted by name, to a researcher who may not manage members', async () => {
    const practitioner = await buildMember(t.store, a.organization.id, 'practitioner');
    const researcher = await buildMember(t.store, a.organization.id, 'researcher');
    const client = await signedIn(researcher.email);
    expect((await client.get(`/api/orgs/${a.organization.id}/members`)).status).toBe(403);

    const reply = await client.get(`/api/orgs/${a.organization.id}/people`);
    expect(reply.status).toBe(200);
    const expected = [a.admin, practitioner, researcher]
      .map(({ userId, name }) => ({ userId, name }))
      .sort((x, y) => x.name.localeCompare(y.name));
    expect(reply.body).toEqual({ items: expected });
    expect(JSON.stringify(reply.body)).not.toContain('@example.org');
  });

  it('refuses a partner with 403', async () => {
    const partner = await buildMember(t.store, a.organization.id, 'partner');
    const reply = await (await signedIn(partner.email)).get(`/api/orgs/${a.organization.id}/people`);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('forbidden');
  });

  it('answers 404 to a member of another organization and never lists its people', async () => {
    const outsider = await signedIn(b.admin.email);
    const reply = await outsider.get(`/api/orgs/${a.organization.id}/people`);
    expect(reply.status).toBe(404);
    const own = await outsider.get(`/api/orgs/${b.organization.id}/people`);
    expect(own.body.items).toEqual([{ userId: b.admin.userId, name: b.admin.name }]);
  });

  it('refuses an anonymous caller with 401', async () => {
    expect((await new Client(server.baseUrl).get(`/api/orgs/${a.organization.id}/people`)).status).toBe(401);
  });
});
