import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApiToken } from '../../src/app/accounts/create-api-token.ts';
import { createOrganization } from '../../src/app/accounts/create-organization.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { Store } from '../../src/store/store.ts';

/** Every bench works in its own temporary folder, removed at the end. */
export function temporaryFolder(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), `praxis-bench-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh SQLite database in `dataDir`, migrated, with one organization and an admin API token for it. */
export async function openBenchStore(
  dataDir: string,
): Promise<{ store: Store; organizationId: string; token: string; actor: string }> {
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  const store = new Store(database);
  const organization = await createOrganization(store, { name: 'Benchmark organization' }, null, 'bench');
  const { token, apiToken } = await createApiToken(store, organization.id, { name: 'bench', role: 'admin' }, 'bench');
  return { store, organizationId: organization.id, token, actor: `token:${apiToken.id}` };
}

/** A line sink: request logs are formatted as in production (level info) but not written anywhere. */
const discard = { write: (_line: string): void => undefined };

/**
 * The real application, in this process, on a random local port. Logging stays at `info` so each
 * request pays for its log lines as it would in production; the lines themselves are discarded.
 */
export async function startBenchApp(
  store: Store,
  dataDir: string,
): Promise<{ app: FastifyInstance; baseUrl: string; close(): Promise<void> }> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    PORT: '0',
    SESSION_SECRET: 'bench-session-secret-of-at-least-32-characters',
  });
  const app = await buildApp({ store, config, serveWeb: false, logStream: discard });
  const baseUrl = await listen(app);
  return { app, baseUrl, close: () => app.close() };
}

/** Listens on a random port of 127.0.0.1 and returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}
