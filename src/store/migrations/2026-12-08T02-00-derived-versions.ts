import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * A counter per engagement that every rewrite of its derived rows raises, in the same transaction:
 * a process that keeps an engagement's derived rows in memory (the analysis slices) reads the counters
 * before it answers and reads again only the engagements whose counter moved. An engagement without a
 * row counts as 0.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('derived_versions')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('derived_versions_pk', ['organization_id', 'engagement_id'])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropTable('derived_versions').execute();
}
