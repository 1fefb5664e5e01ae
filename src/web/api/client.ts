import type { z } from 'zod';
import { ApiError, apiErrorFromBody } from './api-error.ts';

export { ApiError, errorMessageOf, isApiError } from './api-error.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * The CSRF token of the current session. The server hands it out with the session view; every
 * cookie-authenticated write must echo it in `x-csrf-token`, which a cross-site form cannot do.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

interface RequestOptions<T> {
  /** Request body, sent as JSON. */
  body?: unknown;
  /** A file sent as the body itself, with its media type (instead of `body`). */
  file?: { body: Blob; type: string };
  /** A multipart form (its media type and boundary set by the browser), instead of `body` or `file`. */
  form?: FormData;
  /** Validates and types the response body; omit for 204 responses. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

/** Sends one request to the Praxis API and returns its validated body; throws `ApiError` on any refusal. */
export async function apiRequest<T = void>(method: Method, path: string, options: RequestOptions<T> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file !== undefined) headers['content-type'] = options.file.type;
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;

  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.form ?? options.file?.body ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: options.signal,
  });

  const body = await readJson(response);
  if (!response.ok) throw apiErrorFromBody(response.status, body);
  if (!options.schema) return undefined as T;

  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'unexpected_response',
      'The server sent a response this page does not understand. Reload the page; if it persists, report it.',
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export const apiGet = <T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> =>
  apiRequest('GET', path, { schema, signal });

/** Encodes one path segment, so an id can never change the route it is sent to. */
export const segment = (value: string): string => encodeURIComponent(value);
