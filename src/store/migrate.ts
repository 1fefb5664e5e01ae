import { Migrator, PostgresAdapter, sql, type Migration, type MigrationResultSet, type Kysely } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { DatabaseSchema } from './schema.ts';

/**
 * The migrator of this database. On PostgreSQL its tables are placed, and looked for, in the current
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
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
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
  const applied = check(await m.migrateToLatest());
  return { applied, current: await currentMigration(db) };
}

/** Steps the schema down by one migration. */
export async function migrateDown(db: Kysely<DatabaseSchema>): Promise<MigrationReport> {
  const applied = check(await (await migrator(db)).migrateDown());
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
