import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldHints, jsonText } from '../support/api-fuzzer.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import {
  documentedOperations,
  fillPath,
  alwaysHinted,
  isOrganizationScoped,
  pathParameterValues,
  percentEncode,
  validValue,
  type Operation,
} from '../support/openapi.ts';
import { buildPopulatedOrganization, type PopulatedOrganization } from '../support/populated-organization.ts';

/**
 * The routes outside any organization, each with why, the status a member of another organization
 * gets with a session and with an API token, and the body sent (naming A's administrator where a
 * body names anyone). A route the OpenAPI document adds outside `/api/orgs/{orgId}` fails the
 * coverage test until it is listed here.
 */
const outsideOrganizations: Record<
  string,
  { why: string; session: number; token: number; body?: (a: PopulatedOrganization) => unknown }
> = {
  'GET /healthz': { why: 'liveness: public, no data', session: 200, token: 200 },
  'GET /api/demo': {
    why: 'whether this server holds the demo organization, and its demo logins: public, names only demo accounts',
    session: 200,
    token: 200,
  },
  'GET /readyz': { why: 'readiness: public, the engine name only', session: 200, token: 200 },
  'POST /api/auth/login': {
    why: 'signs in; tried with A’s administrator and a wrong password',
    session: 401,
    token: 401,
    body: (a) => ({ email: a.admin.email, password: 'not the password at all' }),
  },
  'POST /api/auth/logout': { why: 'ends the caller’s own session', session: 204, token: 204 },
  'GET /api/session': { why: 'the caller’s own session; a token has none', session: 200, token: 403 },
  'PATCH /api/me': {
    why: 'renames the caller; a token acts for no person',
    session: 200,
    token: 403,
    body: () => ({ name: 'Renamed member of B' }),
  },
  'POST /api/me/password': {
    why: 'changes the caller’s own password (a wrong current one here); a token acts for no person',
    session: 400,
    token: 403,
    body: () => ({ currentPassword: 'not the password at all', newPassword: 'a brand new password' }),
  },
  'GET /api/orgs': { why: 'the caller’s organizations only', session: 200, token: 200 },
  'POST /api/orgs': {
    why: 'creates an organization the caller administers; a token acts for no person',
    session: 201,
    token: 403,
    body: () => ({ name: 'Another organization of B' }),
  },
  'GET /api/calendar/{feed}': {
    why: 'public calendar feed: its secret address is the credential, whoever holds it (calendar feed tests cover its rules); an unknown address',
    session: 404,
    token: 404,
  },
  'POST /api/email/unsubscribe/{token}': {
    why: 'public unsubscribe link: its token is the credential, whoever holds it (email tests cover its rules); an unknown token',
    session: 404,
    token: 404,
    body: () => ({}),
  },
  'GET /api/surveys/{token}': {
    why: 'public survey link: its token is the credential, whoever holds it (survey tests cover its rules); an unknown token',
    session: 404,
    token: 404,
  },
  'PUT /api/surveys/{token}/answers': {
    why: 'public survey link, as above; an unknown token',
    session: 404,
    token: 404,
    body: () => ({ answers: {} }),
  },
  'POST /api/surveys/{token}/submit': {
    why: 'public survey link, as above; an unknown token',
    session: 404,
    token: 404,
    body: () => ({ answers: {} }),
  },
  'GET /api/invitations/{token}': {
    why: 'public invitation link: its token is the credential (invitation tests cover its rules); an unknown token',
    session: 404,
    token: 404,
  },
  'POST /api/invitations/{token}/account': {
    why: 'creates the invited person’s account, as above; an unknown token',
    session: 404,
    token: 404,
    body: () => ({ name: 'Someone of B', password: 'a long enough password' }),
  },
  'POST /api/invitations/{token}/accept': {
    why: 'accepts as the signed-in invitee, as above; an unknown token; a token acts for no person',
    session: 404,
    token: 403,
  },
  'POST /api/invitations/{token}/decline': {
    why: 'declines, as above; an unknown token',
    session: 404,
    token: 404,
  },
};

/** Path parameters that name the organization's own records (model and instrument ids are shared names). */
const recordParameters = new Set(['id', 'userId', 'tokenId', 'invitationId']);

type Credentials = 'session' | 'token';

/** An id no organization has. */
const nowhere = '01a00000-0000-7000-8000-000000000000';

const isEqual = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);

describe.each(engines)('a member of another organization, over every documented route, on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let operations: Operation[];
  let a: PopulatedOrganization;
  let b: PopulatedOrganization;
  let importFile: string;
  const callers = {} as Record<Credentials, Client>;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    a = await buildPopulatedOrganization(t.store, 'Alphamark');
    b = await buildPopulatedOrganization(t.store, 'Betamark');
    operations = await documentedOperations(server.baseUrl);
    callers.session = new Client(server.baseUrl);
    await callers.session.login(b.admin.email, testPassword);
    callers.token = new Client(server.baseUrl);
    callers.token.bearer = b.adminToken;
    const adminOfA = new Client(server.baseUrl);
    adminOfA.bearer = a.adminToken;
    importFile = await (await adminOfA.raw(`/api/orgs/${a.organizationId}/interactions/export?format=long`)).text();
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  /** A's ids and the word in every name and text of A that a body contains. */
  const leaksOfA = (body: unknown): string[] => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return [a.marker, ...a.ids].filter((value) => text.includes(value));
  };

  /** A valid request to an operation: path parameters from `values`, a body drawn from its schema with the ids of `bodyOf`. */
  const validRequest = (
    operation: Operation,
    values: (parameter: string) => string,
    bodyOf: PopulatedOrganization = a,
  ): { path: string; body: string | undefined; headers: Record<string, string> } => {
    const hints = alwaysHinted(fieldHints(bodyOf, {}));
    const draw = (arbitrary: fc.Arbitrary<unknown>) => fc.sample(arbitrary, { seed: 1, numRuns: 1 })[0];
    const query = operation.queryParameters
      .filter((p) => p.required)
      .map((p) => `${p.name}=${percentEncode(String(draw(validValue(p.schema, hints, p.name))))}`);
    const path =
      fillPath(
        operation.path,
        Object.fromEntries(operation.pathParameters.map((p) => [p.name, percentEncode(values(p.name))])),
      ) + (query.length > 0 ? `?${query.join('&')}` : '');
    if (operation.body) {
      return { path, body: jsonText(draw(validValue(operation.body.schema, hints))), headers: {} };
    }
    if (operation.method === 'POST' && operation.path.endsWith('/import'))
      return { path, body: importFile, headers: { 'content-type': 'text/csv' } };
    return { path, body: undefined, headers: {} };
  };

  const valueOfA = (operation: Operation) => (parameter: string) =>
    pathParameterValues(operation.path, parameter, a)![0]!;

  it('exercises every route inside an organization and lists every route outside one', () => {
    const unfillable = operations
      .filter(isOrganizationScoped)
      .flatMap((o) =>
        o.pathParameters
          .filter((p) => !pathParameterValues(o.path, p.name, a)?.length)
          .map((p) => `${o.key} {${p.name}}`),
      );
    expect(unfillable, 'path parameters with no record of A to send: add one to buildPopulatedOrganization').toEqual(
      [],
    );
    const outside = operations.filter((o) => !isOrganizationScoped(o)).map((o) => o.key);
    expect(outside.sort()).toEqual(Object.keys(outsideOrganizations).sort());
  });

  it.each(['session', 'token'] as const)(
    'answers a member of B (%s) 404 under A’s organization, and under B’s with A’s record ids, and leaks nothing',
    async (credentials) => {
      const caller = callers[credentials];
      const before = await snapshotOfA();
      const wrong: unknown[] = [];
      let sent = 0;
      for (const operation of operations.filter(isOrganizationScoped)) {
        const send = async (request: ReturnType<typeof validRequest>) => {
          sent += 1;
          return caller.request(operation.method, request.path, request.body, request.headers);
        };
        // Under A's organization: 404 before anything else is looked at.
        const underA = await send(validRequest(operation, valueOfA(operation)));
        if (underA.status !== 404 || leaksOfA(underA.body).length > 0)
          wrong.push({ operation: operation.key, under: 'A', status: underA.status, body: underA.body });
        if (!operation.pathParameters.some((p) => recordParameters.has(p.name))) continue;
        // Under B's organization, a body valid in B and A's record in the path: 404, or, where the body
        // is refused first, the very answer an id that exists nowhere gets.
        const inB = (record: (parameter: string) => string) => (parameter: string) =>
          recordParameters.has(parameter) ? record(parameter) : pathParameterValues(operation.path, parameter, b)![0]!;
        const withAsId = await send(validRequest(operation, inB(valueOfA(operation)), b));
        const withNoOnesId = await send(
          validRequest(
            operation,
            inB(() => nowhere),
            b,
          ),
        );
        const refusal = (reply: typeof withAsId) => ({
          status: reply.status,
          error: { ...(reply.body as { error?: object })?.error, requestId: undefined },
        });
        if (
          (withAsId.status !== 404 && !isEqual(refusal(withAsId), refusal(withNoOnesId))) ||
          withAsId.status < 400 ||
          leaksOfA(withAsId.body).length > 0
        )
          wrong.push({
            operation: operation.key,
            under: 'B with A’s record ids',
            status: withAsId.status,
            body: withAsId.body,
            withNoOnesId: withNoOnesId.body,
          });
      }
      expect(wrong).toEqual([]);
      expect(sent).toBeGreaterThan(operations.length);
      expect(await snapshotOfA()).toEqual(before);
    },
  );

  it.each(['session', 'token'] as const)(
    'answers a member of B (%s) on every route outside organizations as listed, and leaks nothing',
    async (credentials) => {
      const wrong: unknown[] = [];
      for (const operation of operations.filter((o) => !isOrganizationScoped(o))) {
        const expected = outsideOrganizations[operation.key]!;
        // A fresh session for each: logging out or changing a password ends it.
        const caller = new Client(server.baseUrl);
        if (credentials === 'session') await caller.login(b.admin.email, testPassword);
        else caller.bearer = b.adminToken;
        const path = fillPath(operation.path, { token: 'an-unknown-link-token-of-no-one' });
        const reply = await caller.request(operation.method, path, expected.body?.(a));
        const leaked = leaksOfA(reply.body);
        if (reply.status !== expected[credentials] || leaked.length > 0)
          wrong.push({ operation: operation.key, status: reply.status, expected: expected[credentials], leaked });
      }
      expect(wrong).toEqual([]);
    },
  );

  /**
   * The partner matrix. A's partner member is attached to A's intake team (their partner); the county
   * agency above it is another partner, whose engagement the first record of every kind belongs to.
   * Over every route inside the organization, with the agency's records in the path, the partner
   * member gets 404; no answer carries a support record id beyond their own engagement and partner;
   * nothing changes. Their own engagement is served by the partner view.
   */
  it('answers a partner member of one partner 404 for another partner’s engagement on every route', async () => {
    const [, agency, team] = a.records.partners;
    const [ofAgency, ofTeam] = a.records.engagements;
    const admin = new Client(server.baseUrl);
    admin.bearer = a.adminToken;
    const attached = await admin.request(
      'PUT',
      `/api/orgs/${a.organizationId}/members/${a.members.partner.userId}/partner`,
      {
        partnerId: team,
      },
    );
    expect(attached.status).toBe(200);
    const partner = new Client(server.baseUrl);
    await partner.login(a.members.partner.email, testPassword);
    const own = new Set([ofTeam, team]);
    const notTheirs = a.supportRecordIds.filter((id) => !own.has(id));
    expect(notTheirs).toContain(ofAgency);
    expect(notTheirs).toContain(agency);
    const before = await snapshotOfA();
    const wrong: unknown[] = [];
    let namingRecords = 0;
    for (const operation of operations.filter(isOrganizationScoped)) {
      const request = validRequest(operation, valueOfA(operation));
      const reply = await partner.request(operation.method, request.path, request.body, request.headers);
      const text = JSON.stringify(reply.body);
      const leaked = notTheirs.filter((id) => text.includes(id));
      const namesRecord = operation.pathParameters.some((p) => recordParameters.has(p.name));
      if (namesRecord) namingRecords += 1;
      if ((namesRecord && reply.status !== 404) || reply.status >= 500 || leaked.length > 0)
        wrong.push({ operation: operation.key, status: reply.status, leaked });
    }
    expect(wrong).toEqual([]);
    expect(namingRecords).toBeGreaterThan(50);
    expect(await snapshotOfA()).toEqual(before);

    const view = await partner.get(`/api/orgs/${a.organizationId}/partner-view/engagements/${ofTeam}`);
    expect(view.status).toBe(200);
    expect(view.body.engagement).toMatchObject({ id: ofTeam, partnerId: team });
    const list = await partner.get(`/api/orgs/${a.organizationId}/partner-view/engagements`);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([ofTeam]);
  });

  /** What A holds, read by A's administrator: a request from B must change none of it. */
  async function snapshotOfA(): Promise<unknown[]> {
    const admin = new Client(server.baseUrl);
    admin.bearer = a.adminToken;
    const org = `/api/orgs/${a.organizationId}`;
    const lists = [
      `${org}`,
      `${org}/members`,
      `${org}/tokens`,
      `${org}/partners?includeDeleted=true`,
      `${org}/contacts?includeDeleted=true`,
      `${org}/engagements?includeDeleted=true`,
      `${org}/interactions?includeDeleted=true&limit=500`,
      `${org}/hypotheses`,
      ...a.records.waves.map((id) => `${org}/waves/${id}/responses`),
      ...a.records.engagements.map((id) => `${org}/engagements/${id}/plans`),
      `${org}/coaching/practitioners/${a.members.practitioner.userId}`,
    ];
    return Promise.all(lists.map(async (url) => (await admin.get(url)).body));
  }
});
