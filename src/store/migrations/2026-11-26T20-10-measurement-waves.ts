import { sql, type Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Waves become versioned records like partners and engagements: a version for optimistic concurrency,
 * an update time, and the levels the wave measures (existing waves measure every level).
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .alterTable('measurement_waves')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('measurement_waves').addColumn('updated_at', 'text').execute();
  await db.schema
    .alterTable('measurement_waves')
    .addColumn('levels', 'text', (c) => c.notNull().defaultTo('["individual","team","organization","system"]'))
    .execute();
  await db
    .updateTable('measurement_waves')
    .set({ updated_at: sql`created_at` })
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable('measurement_waves').dropColumn('levels').execute();
  await db.schema.alterTable('measurement_waves').dropColumn('updated_at').execute();
  await db.schema.alterTable('measurement_waves').dropColumn('version').execute();
}
