import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * The live interactions of an engagement by date, in the index alone: the team's home orders every
 * open engagement by its last contact, and with `deleted_at` in the index that is one seek of the
 * index per engagement instead of a seek and a read of the interaction's row.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createIndex('interactions_engagement_live_idx')
    .on('interactions')
    .columns(['organization_id', 'engagement_id', 'deleted_at', 'date'])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropIndex('interactions_engagement_live_idx').execute();
}
