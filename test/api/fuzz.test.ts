import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../src/app/accounts/add-member.ts';
import { changeRole } from '../../src/app/accounts/change-role.ts';
import { createApiToken } from '../../src/app/accounts/create-api-token.ts';
import { setPassword } from '../../src/app/accounts/set-password.ts';
import {
  describeRequest,
  fieldHints,
  requestArbitrary,
  send,
  type Answer,
  type FuzzRequest,
} from '../support/api-fuzzer.ts';
import { runPraxis } from '../support/cli.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { testPassword } from '../support/factories.ts';
import { startServer } from '../support/http.ts';
import { documentedOperations } from '../support/openapi.ts';
import { buildPopulatedOrganization, type PopulatedOrganization } from '../support/populated-organization.ts';

/**
 * The API fuzzer: requests drawn from the OpenAPI document by fast-check — valid ones and malformed
 * ones (wrong types, missing and extra fields, huge strings and arrays, NUL and other hostile text,
 * bad numbers and dates, malformed JSON, wrong content types, bad path and query parameters, odd
 * headers) — sent as an administrator of an organization with real records. No answer may be a 5xx,
 * every refusal must be in the one error shape, and afterwards `praxis check` must find every derived
 * row right.
 *
 * PRAXIS_FUZZ_SEED replays a run; PRAXIS_FUZZ_REQUESTS sets the number of requests per engine.
 */
const seed = Number(process.env.PRAXIS_FUZZ_SEED ?? 20_261_127);
const requestCount = Number(process.env.PRAXIS_FUZZ_REQUESTS ?? 2_000);

/**
 * Operations drawn less often than the others (weight 10) because each request costs far more: an
 * import starts a reading thread, a diagram lays out the model's graph, the research export zips
 * every table.
 */
const costlyOperations: Record<string, number> = {
  'POST /api/orgs/{orgId}/interactions/import': 2,
  'POST /api/orgs/{orgId}/interactions/import/preview': 2,
  'POST /api/orgs/{orgId}/interactions/import/mapped': 2,
  'GET /api/orgs/{orgId}/models/{modelId}/diagram.svg': 3,
  'GET /api/orgs/{orgId}/exports/research': 5,
};

/**
 * Whether a body is the one error shape. Every 4xx has it but 431, which Node's HTTP parser answers
 * (headers too large) before a request exists.
 */
function hasErrorShape(body: string): boolean {
  try {
    const { error } = JSON.parse(body) as { error?: Record<string, unknown> };
    return (
      typeof error?.code === 'string' &&
      typeof error.message === 'string' &&
      Array.isArray(error.details) &&
      typeof error.requestId === 'string'
    );
  } catch {
    return false;
  }
}

/** Operations that can end or change the caller's own access; after each, the fuzzer's access is restored. */
const touchesAccess = /^\w+ \/api\/(auth|me|orgs\/\{orgId\}\/(members|tokens))/;

describe.each(engines)('the API fuzzer on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let org: PopulatedOrganization;
  let cookie = '';
  let csrfToken = '';
  let bearer = '';

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, {
      LOGIN_RATE_LIMIT: '100000',
      SURVEY_READ_RATE_LIMIT: '100000',
      SURVEY_SAVE_RATE_LIMIT: '100000',
      SURVEY_SUBMIT_RATE_LIMIT: '100000',
    });
    org = await buildPopulatedOrganization(t.store, 'Fuzzmark');
    bearer = org.adminToken;
    await restoreAccess();
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  const call = (method: string, url: string, headers: Record<string, string> = {}, body?: string) =>
    send(server.baseUrl, { method, url, headers, ...(body === undefined ? {} : { body }) });

  async function logIn(): Promise<Answer> {
    const answer = await call(
      'POST',
      '/api/auth/login',
      { 'content-type': 'application/json' },
      JSON.stringify({ email: org.admin.email, password: testPassword }),
    );
    if (answer.status === 200) {
      cookie = String(answer.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
      csrfToken = (JSON.parse(answer.body) as { csrfToken: string }).csrfToken;
    }
    return answer;
  }

  /** Gives the fuzzer back what a fuzzed request may have taken: membership, role, password, session, token. */
  async function restoreAccess(): Promise<void> {
    const { organizationId, admin } = org;
    const member = await t.store.tenant(organizationId).members.find(admin.userId);
    if (!member)
      await addMember(t.store, organizationId, { email: admin.email, name: admin.name, role: 'admin' }, null);
    else if (member.role !== 'admin') await changeRole(t.store, organizationId, admin.userId, 'admin', null);
    if ((await call('GET', '/api/session', { cookie })).status !== 200 && (await logIn()).status !== 200) {
      await setPassword(t.store, admin.userId, testPassword, null);
      expect((await logIn()).status).toBe(200);
    }
    const probe = await call('GET', `/api/orgs/${organizationId}`, { authorization: `Bearer ${bearer}` });
    if (probe.status !== 200)
      bearer = (await createApiToken(t.store, organizationId, { name: 'fuzzer', role: 'admin' }, admin.userId)).token;
  }

  const withCredentials = (request: FuzzRequest): Record<string, string> => {
    const headers: Record<string, string> = {};
    if (request.credentials === 'session') {
      headers.cookie = cookie;
      headers['x-csrf-token'] = csrfToken;
    }
    if (request.credentials === 'token') headers.authorization = `Bearer ${bearer}`;
    return { ...headers, ...request.headers };
  };

  it(`answers ${requestCount} generated requests without a 5xx, each refusal in the error shape, and praxis check passes after`, async () => {
    const operations = await documentedOperations(server.baseUrl);
    const admin = { authorization: `Bearer ${bearer}` };
    const orgPath = `/api/orgs/${org.organizationId}`;
    const instrument = JSON.parse(
      (await call('GET', `${orgPath}/instruments/aim-support/export?format=json`, admin)).body,
    );
    const fileBodies = await Promise.all(
      ['long', 'wide'].map(async (format) => ({
        contentType: 'text/csv',
        text: (await call('GET', `${orgPath}/interactions/export?format=${format}`, admin)).body,
      })),
    );
    const hints = fieldHints(org, { ...instrument, id: 'fuzzed-instrument' });
    const arbitraries = operations.map((operation) => requestArbitrary(operation, org, hints, fileBodies));
    const requests = fc.sample(
      fc.oneof(
        ...operations.map((operation, n) => ({
          arbitrary: arbitraries[n]!,
          weight: costlyOperations[operation.key] ?? 10,
        })),
      ),
      { seed, numRuns: requestCount },
    );
    console.log(
      `API fuzzer on ${engine}: seed ${seed}, ${requests.length} requests over ${operations.length} operations ` +
        `(replay with PRAXIS_FUZZ_SEED=${seed})`,
    );

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const [n, request] of requests.entries()) {
      let status: number;
      let body: string;
      try {
        ({ status, body } = await send(server.baseUrl, { ...request, headers: withCredentials(request) }));
      } catch (error) {
        status = 0;
        body = String(error);
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500 || status === 0)
        failures.push(`#${n} answered ${status || 'nothing'}: ${body.slice(0, 300)}\n${describeRequest(request)}`);
      else if (status >= 400 && status !== 431 && !hasErrorShape(body))
        failures.push(
          `#${n} answered ${status} outside the error shape: ${body.slice(0, 300)}\n${describeRequest(request)}`,
        );
      const ownCredentials =
        request.credentials !== 'none' && !('cookie' in request.headers) && !('authorization' in request.headers);
      if ((status < 400 && touchesAccess.test(request.operation)) || (status === 401 && ownCredentials))
        await restoreAccess();
    }
    console.log(
      `API fuzzer on ${engine}: statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(failures, `seed ${seed}: ${failures.length} requests failed\n\n${failures.join('\n\n')}`).toEqual([]);

    const check = await runPraxis(['check'], t.env);
    expect({ code: check.code, stdout: check.stdout, stderr: check.stderr }).toMatchObject({ code: 0 });
  }, 600_000);
});
