import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';

describe('HTTP contract: errors, headers, health and OpenAPI', () => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let client: Client;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    server = await startServer(t.store, t.env.DATA_DIR!, { BODY_LIMIT: '2048' });
    const { organization, admin } = await buildOrganization(t.store);
    orgId = organization.id;
    client = new Client(server.baseUrl);
    await client.login(admin.email, testPassword);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  const expectErrorShape = (body: any) => {
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toEqual({
      code: expect.any(String),
      message: expect.any(String),
      details: expect.any(Array),
      requestId: expect.any(String),
    });
  };

  it('answers malformed JSON with 400', async () => {
    const reply = await client.request('POST', `/api/orgs/${orgId}/invitations`, '{"email": ');
    expect(reply.status).toBe(400);
    expectErrorShape(reply.body);
    expect(reply.body.error.details[0].path).toBe('body');
  });

  it('names unknown fields and wrong types by path', async () => {
    const unknown = await client.post(`/api/orgs/${orgId}/invitations`, {
      email: 'x@example.org',
      role: 'lead',
      shoeSize: 44,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ path: 'shoeSize', message: 'is not a known field' }]);
    const wrongType = await client.post(`/api/orgs/${orgId}/tokens`, {
      name: 'n',
      role: 'lead',
      expiresInDays: 'soon',
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.map((d: { path: string }) => d.path)).toEqual(['expiresInDays']);
    const badRole = await client.post(`/api/orgs/${orgId}/tokens`, { name: 'n', role: 'king' });
    expect(badRole.body.error.details[0].path).toBe('role');
  });

  it('refuses oversized bodies with 413 and other content types with 415', async () => {
    const big = await client.post(`/api/orgs/${orgId}/tokens`, { name: 'x'.repeat(5000), role: 'lead' });
    expect(big.status).toBe(413);
    expectErrorShape(big.body);
    const xml = await client.request('POST', `/api/orgs/${orgId}/tokens`, '<token/>', {
      'content-type': 'application/xml',
    });
    expect(xml.status).toBe(415);
    expectErrorShape(xml.body);
  });

  it('answers unknown routes and ids with 404 in the error shape', async () => {
    const route = await client.get('/api/nothing-here');
    expect(route.status).toBe(404);
    expectErrorShape(route.body);
    const member = await client.get(`/api/orgs/${orgId}/members/no-such-user`);
    expect(member.status).toBe(404);
  });

  it('sends security headers and a request id', async () => {
    const reply = await client.get('/api/session');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(reply.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(reply.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });

  it('reports liveness and readiness', async () => {
    expect((await client.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await client.get('/readyz')).body).toEqual({ status: 'ready', engine: 'sqlite' });
  });

  it('publishes an OpenAPI 3 document with every route, and interactive docs', async () => {
    const doc = await client.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/auth/login',
      '/api/session',
      '/api/orgs',
      '/api/orgs/{orgId}/members',
      '/api/orgs/{orgId}/tokens/{tokenId}',
    ]) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    expect(doc.body.paths['/api/auth/login'].post.requestBody).toBeDefined();
    const ui = await fetch(`${server.baseUrl}/api/docs/`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('lets anyone signed in create an organization they then administer', async () => {
    const created = await client.post('/api/orgs', { name: 'Coastal Collaborative' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Coastal Collaborative', slug: 'coastal-collaborative', role: 'admin' });
    const taken = await client.post('/api/orgs', { name: 'Again', slug: 'coastal-collaborative' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details[0].path).toBe('slug');
  });
});
