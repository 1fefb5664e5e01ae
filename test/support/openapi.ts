import fc from 'fast-check';
import type { PopulatedOrganization } from './populated-organization.ts';

/** The part of JSON Schema the API's OpenAPI document uses (zod's output through @fastify/swagger). */
export interface JsonSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the OpenAPI document: a method on a path template such as `/api/orgs/{orgId}/partners/{id}`. */
export interface Operation {
  /** `METHOD /path/{template}`, how tests name an operation. */
  key: string;
  method: string;
  path: string;
  pathParameters: Parameter[];
  queryParameters: Parameter[];
  /** The JSON request body, when the document describes one. */
  body?: { schema: JsonSchema; required: boolean };
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

/** Every operation the server documents, read from its own `/api/openapi.json`. */
export async function documentedOperations(baseUrl: string): Promise<Operation[]> {
  const response = await fetch(`${baseUrl}/api/openapi.json`);
  if (!response.ok) throw new Error(`GET /api/openapi.json answered ${response.status}`);
  const document = (await response.json()) as OpenApiDocument;
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const json = operation.requestBody?.content['application/json'];
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParameters: parameters.filter((p) => p.in === 'path'),
        queryParameters: parameters.filter((p) => p.in === 'query'),
        ...(json ? { body: { schema: json.schema, required: operation.requestBody?.required ?? false } } : {}),
      };
    }),
  );
}

/** Whether an operation acts inside one organization, under `/api/orgs/{orgId}`. */
export const isOrganizationScoped = (operation: Operation): boolean => operation.path.startsWith('/api/orgs/{orgId}');

/**
 * The organization's ids a path parameter takes: `{id}` by the collection before it (`/partners/{id}`
 * takes partner ids), the others by name. Undefined for a parameter the organization has no record for.
 */
export function pathParameterValues(
  path: string,
  parameter: string,
  organization: PopulatedOrganization,
): readonly string[] | undefined {
  const { records } = organization;
  switch (parameter) {
    case 'orgId':
      return [organization.organizationId];
    case 'userId':
      return records.users;
    case 'tokenId':
      return records.tokens;
    case 'modelId':
      return records.models;
    case 'instrumentId':
      return records.instruments;
    case 'invitationId':
      return records.invitations;
    case 'token':
      return path.startsWith('/api/invitations/') ? organization.invitationTokens : organization.surveyTokens;
    case 'id': {
      const segments = path.split('/');
      const collection = segments[segments.indexOf('{id}') - 1]!.replace(/-(\w)/g, (_, c: string) =>
        c.toUpperCase(),
      ) as keyof typeof records;
      const ids = records[collection];
      return ids && ids.length > 0 ? ids : undefined;
    }
  }
  return undefined;
}

/** Percent-encodes a value as UTF-8 (a lone surrogate becomes U+FFFD, as any client would send it). */
export function percentEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8'));
  }
}

/** The path of an operation with its parameters filled in; values are used as they are (already encoded). */
export const fillPath = (path: string, encodedValues: Record<string, string>): string =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodedValues[name] ?? '');

/** Values a test knows to be meaningful for a field or parameter of that name (ids of real records, model ids …). */
export type Hints = Readonly<Record<string, readonly unknown[]>>;

/** Whether a hinted value has the schema's type (`version` is a record version or a model version). */
function fits(value: unknown, schema: JsonSchema): boolean {
  switch (schema.type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
    case 'string':
    case 'boolean':
      return typeof value === schema.type;
    case 'object':
      return value !== null && typeof value === 'object';
  }
  return true;
}

const alwaysHintedSets = new WeakSet<Hints>();

/** Hints that `validValue` always takes where they exist, for requests that must pass the server's own checks. */
export function alwaysHinted(hints: Hints): Hints {
  const copy = { ...hints };
  alwaysHintedSets.add(copy);
  return copy;
}

const isoDate = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/**
 * An arbitrary of values valid for a JSON schema, preferring a hinted value for a field of a known name
 * (so a valid request names real records), and otherwise drawing from the schema's own bounds, kept
 * small so a request stays cheap.
 */
export function validValue(schema: JsonSchema, hints: Hints, name?: string): fc.Arbitrary<unknown> {
  const hinted = name === undefined ? undefined : hints[name]?.filter((value) => fits(value, schema));
  if (hinted && hinted.length > 0 && schema.type !== 'array' && alwaysHintedSets.has(hints))
    return fc.constantFrom(...hinted);
  const plain = plainValue(schema, hints, name);
  const value =
    hinted && hinted.length > 0 && schema.type !== 'array'
      ? fc.oneof({ arbitrary: fc.constantFrom(...hinted), weight: 4 }, { arbitrary: plain, weight: 1 })
      : plain;
  return schema.nullable
    ? fc.oneof({ arbitrary: value, weight: 5 }, { arbitrary: fc.constant(null), weight: 1 })
    : value;
}

function plainValue(schema: JsonSchema, hints: Hints, name?: string): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValue(s, hints, name)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringValue(schema);
    case 'integer':
    case 'number': {
      const exclusive = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
      const min =
        schema.minimum ?? (exclusive !== undefined ? exclusive + (schema.type === 'integer' ? 1 : 1e-9) : -1000);
      const max = Math.min(schema.maximum ?? 1e6, Math.max(min, 1e6));
      return schema.type === 'integer'
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      // The hints of an array of plain values are for its items (`contactIds` holds contact ids).
      const itemName = name && schema.items?.type !== 'object' ? name : undefined;
      const items = schema.items ? validValue(schema.items, hints, itemName) : fc.constant(null);
      const minLength = schema.minItems ?? 0;
      return fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)) });
    }
    case 'object':
    case undefined: {
      if (schema.properties) {
        const required = new Set(schema.required ?? []);
        const entries = Object.entries(schema.properties);
        return fc.record(Object.fromEntries(entries.map(([key, s]) => [key, validValue(s, hints, key)])), {
          requiredKeys: entries.map(([key]) => key).filter((key) => required.has(key)),
        });
      }
      if (typeof schema.additionalProperties === 'object')
        return fc.dictionary(
          fc.string({ minLength: 1, maxLength: 12 }),
          validValue(schema.additionalProperties, hints),
          { maxKeys: 3 },
        );
      return schema.type === 'object' ? fc.constant({}) : fc.jsonValue({ maxDepth: 2 });
    }
  }
}

function stringValue(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date') return isoDate;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  if (schema.format === 'email') return fc.emailAddress();
  const minLength = schema.minLength ?? 0;
  return fc.string({
    unit: 'grapheme',
    minLength,
    maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)),
  });
}
