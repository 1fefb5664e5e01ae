import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresConnection } from '../../src/store/database.ts';
import { runPraxis } from '../support/cli.ts';
import { dropSchema, testPostgresUrl, uniqueName } from '../support/databases.ts';

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('a DATABASE_URL without a user name', { timeout: 60_000 }, () => {
  const schema = uniqueName();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'praxis-url-'));
  afterAll(async () => {
    await dropSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes the user from PGUSER, else the operating-system user, as libpq does', () => {
    const socket = postgresConnection('postgresql:///test?host=/var/run/postgresql', {});
    expect(socket).toMatchObject({ host: '/var/run/postgresql', database: 'test', user: os.userInfo().username });
    expect(postgresConnection('postgres://127.0.0.1:5432/test', { PGUSER: 'praxis' }).user).toBe('praxis');
    expect(postgresConnection('postgres://named@127.0.0.1:5432/test', { PGUSER: 'praxis' }).user).toBe('named');
  });

  it('starts praxis and connects as the operating-system user', async () => {
    const url = new URL(testPostgresUrl);
    url.username = '';
    url.password = '';
    // PostgreSQL's clients connect as the operating-system user; where it has no role, PGUSER names one.
    const osUser = os.userInfo().username;
    const hasRole = (await query('select 1 from pg_roles where rolname = $1 and rolcanlogin', [osUser])).length > 0;
    const expectedUser = hasRole ? osUser : new URL(testPostgresUrl).username;
    // USER emptied too: pg's own fallback is $USER, which services often lack.
    const migrated = await runPraxis(['migrate'], {
      DATA_DIR: dataDir,
      DATABASE_URL: url.toString(),
      DATABASE_SCHEMA: schema,
      PGUSER: hasRole ? '' : expectedUser,
      USER: '',
    });
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    const [owner] = await query<{ schema_owner: string }>(
      'select schema_owner from information_schema.schemata where schema_name = $1',
      [schema],
    );
    expect(owner?.schema_owner).toBe(expectedUser);
  });
});
