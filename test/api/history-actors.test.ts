import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';

describe.each(engines)('who changed a record, by name, over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;

  const signedIn = async (email: string): Promise<Client> => {
    const client = new Client(server.baseUrl);
    expect((await client.login(email, testPassword)).status).toBe(200);
    return client;
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('names a member, an API token and a member who has left, and documents actorName', async () => {
    const { organization, admin } = await buildOrganization(t.store);
    const org = `/api/orgs/${organization.id}`;
    const practitioner = await buildMember(t.store, organization.id, 'practitioner');
    const adminClient = await signedIn(admin.email);

    const token = await adminClient.post(`${org}/tokens`, { name: 'Nightly import', role: 'practitioner' });
    expect(token.status).toBe(201);
    const script = new Client(server.baseUrl);
    script.bearer = token.body.token as string;
    const created = await script.post(`${org}/partners`, { name: 'Lakeside County', kind: 'system' });
    expect(created.status).toBe(201);

    const practitionerClient = await signedIn(practitioner.email);
    const edited = await practitionerClient.request('PUT', `${org}/partners/${created.body.id}`, {
      name: 'Lakeside County',
      kind: 'system',
      region: 'North',
      version: 1,
    });
    expect(edited.status).toBe(200);
    const renamed = await adminClient.request('PUT', `${org}/partners/${created.body.id}`, {
      name: 'Lakeside',
      kind: 'system',
      region: 'North',
      version: 2,
    });
    expect(renamed.status).toBe(200);

    const before = await adminClient.get(`${org}/partners/${created.body.id}/history`);
    expect(before.body.items.map((entry: { actorName: string | null }) => entry.actorName)).toEqual([
      'API token Nightly import',
      practitioner.name,
      admin.name,
    ]);

    expect((await adminClient.delete(`${org}/members/${practitioner.userId}`)).status).toBe(204);
    const after = await adminClient.get(`${org}/partners/${created.body.id}/history`);
    expect(after.body.items.map((entry: { actor: string; actorName: string | null }) => entry.actorName)).toEqual([
      'API token Nightly import',
      'a former member',
      admin.name,
    ]);
    // The id stays in the history whatever becomes of the account.
    expect(after.body.items[1].actor).toBe(practitioner.userId);

    const openapi = await adminClient.get('/api/openapi.json');
    const path = openapi.body.paths['/api/orgs/{orgId}/partners/{id}/history'].get;
    const entry = path.responses['200'].content['application/json'].schema.properties.items.items;
    const properties = entry.properties ?? openapi.body.components.schemas[entry.$ref.split('/').pop()].properties;
    expect(properties.actorName).toBeDefined();
  });
});
