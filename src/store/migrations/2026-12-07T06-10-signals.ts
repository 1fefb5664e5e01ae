import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Responsive signals: each organization's thresholds (one JSON document, versioned, its changes in the
 * history) and the acknowledgements practitioners and leads write, each with a note.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('signal_settings')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('signal_acknowledgements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('signal_key', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signal_acknowledgements_engagement_idx')
    .on('signal_acknowledgements')
    .columns(['organization_id', 'engagement_id', 'signal_key'])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropTable('signal_acknowledgements').execute();
  await db.schema.dropTable('signal_settings').execute();
}
