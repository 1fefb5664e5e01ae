import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/accounts/create-api-token.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';

/** A body and a query no route accepts: an unknown field in each. */
const badBody = { notAField: '\u0000', version: 'not a number' };
const badQuery = 'notAParameter=1&format=nonsense&version=-1';

describe.each(engines)('outsiders of an organization, on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let a: Awaited<ReturnType<typeof buildOrganization>>;
  let b: Awaited<ReturnType<typeof buildOrganization>>;
  let outsider: Client;
  let scriptOfA: Client;
  let memberOfB: Client;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    a = await buildOrganization(t.store, 'Organization A');
    b = await buildOrganization(t.store, 'Organization B');
    outsider = new Client(server.baseUrl);
    await outsider.login(a.admin.email, testPassword);
    scriptOfA = new Client(server.baseUrl);
    scriptOfA.bearer = (
      await createApiToken(t.store, a.organization.id, { name: 'A script', role: 'admin' }, a.admin.userId)
    ).token;
    memberOfB = new Client(server.baseUrl);
    await memberOfB.login(b.admin.email, testPassword);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  const orgB = () => `/api/orgs/${b.organization.id}`;
  /** The five routes that checked the body or query before membership. */
  const namedRoutes = () =>
    [
      ['GET', `${orgB()}/waves/w1/records.csv?${badQuery}`, undefined],
      ['GET', `${orgB()}/waves/w1/responses/export?${badQuery}`, undefined],
      ['PUT', `${orgB()}/hypotheses/h1`, badBody],
      ['POST', `${orgB()}/hypotheses/h1/lock`, badBody],
      ['POST', `${orgB()}/hypotheses/h1/withdraw`, badBody],
    ] as const;

  it('answers 404 to the routes that read the body or query first, however bad they are', async () => {
    for (const client of [outsider, scriptOfA])
      for (const [method, url, body] of namedRoutes()) {
        const reply = await client.request(method, url, body);
        expect({ method, url, status: reply.status, code: reply.body?.error?.code }).toEqual({
          method,
          url,
          status: 404,
          code: 'not_found',
        });
      }
    // A member of the organization still has the request checked.
    for (const [method, url, body] of namedRoutes())
      expect({ method, url, status: (await memberOfB.request(method, url, body)).status }).toEqual({
        method,
        url,
        status: 400,
      });
  });

  it('answers 404 on every organization route of the API, whatever the body, query or content type', async () => {
    const doc = (await outsider.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/orgs/{orgId}'))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => ({
          method: method.toUpperCase(),
          url: `${path.replace('{orgId}', b.organization.id).replace(/\{\w+\}/g, 'x1')}?${badQuery}`,
        })),
      );
    expect(routes.length).toBeGreaterThan(50);
    for (const { method, url } of routes) {
      const variants: [unknown, Record<string, string>][] =
        method === 'GET' || method === 'DELETE'
          ? [[undefined, {}]]
          : [
              [badBody, {}],
              ['{"broken', {}],
              ['plain text', { 'content-type': 'text/plain' }],
            ];
      for (const [body, headers] of variants) {
        const reply = await outsider.request(method, url, body, headers);
        expect({ method, url, body, status: reply.status }).toEqual({ method, url, body, status: 404 });
      }
    }
  });
});
