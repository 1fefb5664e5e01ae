import { Migrator, PostgresAdapter, sql, type Migration, type MigrationResultSet, type Kysely } from 'kysely';
import { addedOutOfOrder, migrations } from './migrations/index.ts';
import type { DatabaseSchema } from './schema.ts';

/**
 * The migrator of this database. Kysely's own order check is off (it would refuse a database that ran
 * the migrations in the order they were added, see `addedOutOfOrder`); `ensureRunInOrder` takes its
 * place before every run. On PostgreSQL its tables are placed, and looked for, in the current
 * schema only: without that, Kysely takes a migration table in any other schema of the database (a
 * second Praxis in another DATABASE_SCHEMA, say) for its own and skips creating it.
 */
async function migrator(
  db: Kysely<DatabaseSchema>,
  available: Record<string, Migration> = migrations,
): Promise<Migrator> {
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => available },
    migrationTableName: 'praxis_migration',
    migrationLockTableName: 'praxis_migration_lock',
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/**
 * Refuses to migrate a database whose executed migrations (in the order they ran, as Kysely reads them)
 * are not the first ones of the list in name order: a migration named before one that already ran
 * would otherwise run after it unnoticed. The one exception is a migration of `addedOutOfOrder`, which
 * may have run later than later-named ones, but only after every migration named before it.
 */
async function ensureRunInOrder(m: Migrator): Promise<void> {
  const all = await m.getMigrations();
  const ran = all
    .filter((x): x is typeof x & { executedAt: Date } => x.executedAt !== undefined)
    .sort((a, b) => a.executedAt.getTime() - b.executedAt.getTime() || a.name.localeCompare(b.name))
    .map((x) => x.name);
  const byName = all.map((x) => x.name);
  const onTime = (name: string) => !(name in addedOutOfOrder);
  const expected = byName.filter(onTime);
  const misplaced = ran.filter(onTime).find((name, i) => expected[i] !== name);
  if (misplaced !== undefined)
    throw new Error(
      `migrations ran out of order: ${misplaced} ran before ${expected.find((name) => !ran.includes(name))}; a new migration must be named after every other one`,
    );
  for (const late of ran.filter((name) => !onTime(name))) {
    const missing = byName
      .slice(0, byName.indexOf(late))
      .find((name) => !ran.slice(0, ran.indexOf(late)).includes(name));
    if (missing !== undefined) throw new Error(`migrations ran out of order: ${late} ran before ${missing}`);
  }
}

export interface MigrationReport {
  applied: string[];
  current: string | null;
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed ?? '(unknown)'} failed and was rolled back: ${reason}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Brings the schema to the latest version. Idempotent; each run is one transaction under the
 * migration lock, so a failure leaves the previous version and two servers starting together queue.
 */
export async function migrateToLatest(
  db: Kysely<DatabaseSchema>,
  available: Record<string, Migration> = migrations,
): Promise<MigrationReport> {
  const m = await migrator(db, available);
  await ensureRunInOrder(m);
  const applied = check(await m.migrateToLatest());
  return { applied, current: await currentMigration(db) };
}

/** Steps the schema down by one migration. */
export async function migrateDown(db: Kysely<DatabaseSchema>): Promise<MigrationReport> {
  const m = await migrator(db);
  await ensureRunInOrder(m);
  const applied = check(await m.migrateDown());
  return { applied, current: await currentMigration(db) };
}

export interface MigrationStatus {
  name: string;
  executedAt: Date | null;
}

export async function migrationStatus(db: Kysely<DatabaseSchema>): Promise<MigrationStatus[]> {
  const all = await (await migrator(db)).getMigrations();
  return all.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}

async function currentMigration(db: Kysely<DatabaseSchema>): Promise<string | null> {
  const done = (await migrationStatus(db)).filter((m) => m.executedAt);
  return done.at(-1)?.name ?? null;
}

/** True when every known migration has run. */
export async function isSchemaCurrent(db: Kysely<DatabaseSchema>): Promise<boolean> {
  return (await migrationStatus(db)).every((m) => m.executedAt !== null);
}
