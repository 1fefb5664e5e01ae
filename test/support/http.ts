import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Store } from '../../src/store/store.ts';

/** A running server on a random port, and a small client that keeps cookies and the CSRF token like a browser. */
export async function startServer(
  store: Store,
  dataDir: string,
  env: Record<string, string> = {},
  logStream?: { write(line: string): void },
): Promise<{ app: FastifyInstance; baseUrl: string; close(): Promise<void> }> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0', ...env });
  const app = await buildApp({ store, config, serveWeb: false, logStream });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class Client {
  private cookie = '';
  csrfToken = '';
  bearer = '';

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    // A form's media type and boundary are set by fetch.
    const form = body instanceof FormData;
    if (body !== undefined && !form && !h['content-type']) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') h['x-csrf-token'] ??= this.csrfToken;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const response = await fetch(this.baseUrl + url, {
      method,
      headers: h,
      body: body === undefined ? undefined : form || typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** A plain fetch with this client's credentials, for responses that are not JSON. */
  raw(url: string, extraHeaders: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    return fetch(this.baseUrl + url, { headers });
  }

  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body?: unknown) => this.request<T>('POST', url, body);
  patch = <T = any>(url: string, body?: unknown) => this.request<T>('PATCH', url, body);
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);

  async login(email: string, password: string): Promise<Reply<any>> {
    const reply = await this.post('/api/auth/login', { email, password });
    if (reply.status === 200) this.csrfToken = (reply.body as { csrfToken: string }).csrfToken;
    return reply;
  }
}
