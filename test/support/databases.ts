import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Engine } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { Store } from '../../src/store/store.ts';

/** The PostgreSQL every test run uses: the local server, trust auth, database `test`. */
export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Both engines; repository suites run once per engine. */
export const engines: Engine[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  engine: Engine;
  store: Store;
  /** Environment that points a `praxis` process at the same database. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

const uniqueName = (): string =>
  `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

/** A fresh, migrated database: a new SQLite file in a temp folder, or a new PostgreSQL schema. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'praxis-test-'));
    const store = new Store(await openDatabase({ dataDir }));
    await migrateToLatest(store.database.db);
    return {
      engine,
      store,
      env: { DATA_DIR: dataDir },
      dispose: async () => {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = uniqueName();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'praxis-test-'));
  const store = new Store(await openDatabase({ databaseUrl: testPostgresUrl, databaseSchema: schema, dataDir }));
  await migrateToLatest(store.database.db);
  return {
    engine,
    store,
    env: { DATA_DIR: dataDir, DATABASE_URL: testPostgresUrl, DATABASE_SCHEMA: schema },
    dispose: async () => {
      await store.close();
      await dropSchema(schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

export { uniqueName };
