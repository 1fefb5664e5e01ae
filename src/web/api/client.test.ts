import { afterEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest, setCsrfToken } from './client.ts';

interface Sent {
  url: string;
  init: RequestInit;
}

/** Answers every request with one response and records what was sent. */
function answerWith(status: number, body?: unknown): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return sent;
}

const headersOf = (sent: Sent | undefined): Record<string, string> =>
  (sent?.init.headers ?? {}) as Record<string, string>;

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('apiRequest', () => {
  test('sends the CSRF token on writes, with the cookie and JSON', async () => {
    setCsrfToken('csrf-123');
    const sent = answerWith(200, { id: 'u1', email: 'a@b.c', name: 'Ada' });
    await apiRequest('PATCH', '/api/me', { body: { name: 'Ada' }, schema: z.object({ id: z.string() }) });
    expect(sent[0]?.init.credentials).toBe('same-origin');
    expect(sent[0]?.init.body).toBe('{"name":"Ada"}');
    expect(headersOf(sent[0])['x-csrf-token']).toBe('csrf-123');
    expect(headersOf(sent[0])['content-type']).toBe('application/json');
  });

  test('does not send the CSRF token on reads', async () => {
    setCsrfToken('csrf-123');
    const sent = answerWith(200, { items: [] });
    await apiRequest('GET', '/api/orgs', { schema: z.object({ items: z.array(z.unknown()) }) });
    expect(headersOf(sent[0])['x-csrf-token']).toBeUndefined();
  });

  test('returns nothing for 204', async () => {
    answerWith(204);
    await expect(apiRequest('DELETE', '/api/orgs/o1/tokens/t1')).resolves.toBeUndefined();
  });

  test('throws the server refusal as ApiError', async () => {
    answerWith(400, {
      error: {
        code: 'validation_failed',
        message: 'Invalid',
        details: [{ path: 'currentPassword', message: 'is wrong' }],
      },
    });
    const failure = apiRequest('POST', '/api/me/password', { body: {} });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
      details: [{ path: 'currentPassword', message: 'is wrong' }],
    });
  });

  test('refuses a response that does not match the shared schema', async () => {
    answerWith(200, { id: 42 });
    await expect(apiRequest('GET', '/api/x', { schema: z.object({ id: z.string() }) })).rejects.toMatchObject({
      code: 'unexpected_response',
    });
  });
});
