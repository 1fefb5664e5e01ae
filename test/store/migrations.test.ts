import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Engine } from '../../src/store/database.ts';
import { migrateDown, migrateToLatest, migrationStatus } from '../../src/store/migrate.ts';
import { addedOutOfOrder, migrations } from '../../src/store/migrations/index.ts';
import { dropSchema, engines, testPostgresUrl, uniqueName } from '../support/databases.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const folder = 'src/store/migrations';
const names = Object.keys(migrations);
const late = '2026-11-26T20-00-organization-dose';

/**
 * Migration names in the order their files were first added to the repository (`git log --diff-filter=A`;
 * a renamed file counts as added under its new name when it was renamed), the files not committed yet last; null when there is no git history to read.
 */
function namesInOrderAdded(): string[] | null {
  let log: string;
  try {
    log = execFileSync(
      'git',
      ['log', '--reverse', '--no-renames', '--diff-filter=A', '--format=', '--name-only', '--', folder],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  } catch {
    return null;
  }
  const added = log
    .split('\n')
    .map((file) => path.basename(file.trim(), '.ts'))
    .filter((name) => names.includes(name));
  if (added.length === 0) return null;
  const first = [...new Set(added)];
  return [...first, ...names.filter((name) => !first.includes(name))];
}

/** The list in name order, with each migration of `addedOutOfOrder` moved to right after the one it followed. */
function orderAddedByList(): string[] {
  const order = [...names];
  for (const [name, after] of Object.entries(addedOutOfOrder)) {
    order.splice(order.indexOf(name), 1);
    order.splice(order.indexOf(after) + 1, 0, name);
  }
  return order;
}

describe('the migration list', () => {
  it('holds every migration file, in name order', () => {
    const files = readdirSync(path.join(root, folder))
      .filter((f) => /^\d{4}-\d\d-\d\dT\d\d-\d\d-.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(names).toEqual([...files].sort());
    expect(names).toEqual([...names].sort());
  });

  it('carries what each migration needs: no migration imports code from outside its folder', () => {
    const outside = readdirSync(path.join(root, folder))
      .filter((f) => /^\d{4}-.*\.ts$/.test(f))
      .flatMap((f) =>
        [...readFileSync(path.join(root, folder, f), 'utf8').matchAll(/from '([^']+)'/g)]
          .map((m) => m[1]!)
          .filter((specifier) => !/^(kysely|node:|\.\/)/.test(specifier))
          .map((specifier) => `${f}: ${specifier}`),
      );
    expect(outside).toEqual([]);
  });

  it('is append-only: names sort in the order they were added, but for the one known late migration', () => {
    // Closed: a new migration must be named after every other one, never join this exception.
    expect(addedOutOfOrder).toEqual({ [late]: '2026-11-26T20-20-hypotheses' });
    const expected = orderAddedByList();
    expect(expected.indexOf(late)).toBe(names.indexOf('2026-11-26T20-20-hypotheses'));
    const added = namesInOrderAdded();
    expect(added ?? expected).toEqual(expected);
  });
});

interface EmptyDatabase {
  db: Awaited<ReturnType<typeof openDatabase>>['db'];
  tables(): Promise<string[]>;
  dispose(): Promise<void>;
}

/** An empty database that nothing has migrated: a new SQLite file, or a new PostgreSQL schema. */
async function emptyDatabase(engine: Engine): Promise<EmptyDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'praxis-migrations-'));
  const schema = uniqueName();
  const database = await openDatabase(
    engine === 'sqlite' ? { dataDir } : { databaseUrl: testPostgresUrl, databaseSchema: schema, dataDir },
  );
  return {
    db: database.db,
    tables: async () =>
      (await database.db.introspection.getTables())
        // PostgreSQL lists the tables of every schema; only this database's own count.
        .filter((t) => engine === 'sqlite' || t.schema === schema)
        .map((t) => t.name)
        .filter((name) => !name.startsWith('praxis_migration'))
        .sort(),
    dispose: async () => {
      await database.close();
      if (engine === 'postgres') await dropSchema(schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The migrations of the list named in `keep`. */
const only = (keep: readonly string[]): Record<string, Migration> =>
  Object.fromEntries(Object.entries(migrations).filter(([name]) => keep.includes(name)));

describe.each(engines)('every migration on %s', (engine) => {
  let empty: EmptyDatabase | undefined;
  afterEach(async () => {
    await empty?.dispose();
    empty = undefined;
  });

  it('runs up from an empty database, down one at a time to empty, and up again', async () => {
    empty = await emptyDatabase(engine);
    const { db } = empty;
    expect(await empty.tables()).toEqual([]);
    expect((await migrateToLatest(db)).applied).toEqual(names);
    const tables = await empty.tables();
    expect(tables.length).toBeGreaterThan(10);

    const downs: string[] = [];
    for (let step = 0; step < names.length; step++) downs.push(...(await migrateDown(db)).applied);
    expect(downs).toEqual([...names].reverse());
    expect(await empty.tables()).toEqual([]);
    expect((await migrationStatus(db)).every((m) => m.executedAt === null)).toBe(true);

    expect((await migrateToLatest(db)).applied).toEqual(names);
    expect(await empty.tables()).toEqual(tables);
  });

  it('accepts a database that ran the late migration after later-named ones, as it was added', async () => {
    empty = await emptyDatabase(engine);
    const { db } = empty;
    const before = names.slice(0, names.indexOf('2026-11-26T20-20-hypotheses') + 1).filter((n) => n !== late);
    expect((await migrateToLatest(db, only(before))).applied).toEqual(before);

    const rest = names.filter((n) => !before.includes(n));
    expect(rest[0]).toBe(late);
    expect((await migrateToLatest(db)).applied).toEqual(rest);
    expect((await migrateToLatest(db)).applied).toEqual([]);
    expect((await migrationStatus(db)).every((m) => m.executedAt !== null)).toBe(true);

    // Down it goes in the order the migrations ran, the late one after the later-named ones it followed.
    const downs: string[] = [];
    for (let step = 0; step < names.length; step++) downs.push(...(await migrateDown(db)).applied);
    expect(downs).toEqual([...before, ...rest].reverse());
    expect(await empty.tables()).toEqual([]);
  });

  it('accepts a database stopped between the later-named ones, and refuses any other migration run early', async () => {
    empty = await emptyDatabase(engine);
    const { db } = empty;
    const before = names.slice(0, names.indexOf('2026-11-26T20-10-measurement-waves') + 1).filter((n) => n !== late);
    await migrateToLatest(db, only(before));
    // A migration named before one that ran, other than the known late one, is refused before anything runs.
    const early: Migration = { up: async () => {} };
    await expect(migrateToLatest(db, { ...migrations, '2026-11-26T20-05-early': early })).rejects.toThrow(
      'migrations ran out of order: 2026-11-26T20-10-measurement-waves ran before 2026-11-26T20-05-early',
    );
    expect((await migrateToLatest(db)).applied).toEqual(names.filter((n) => !before.includes(n)));
    expect((await migrateToLatest(db)).applied).toEqual([]);
  });
});
