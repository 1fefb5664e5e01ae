import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Support plans by stage: one versioned record per engagement and stage, holding its goals, planned
 * emphasis and planned activities as JSON, and the model version it was written under.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('stage_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('emphasis', 'text', (c) => c.notNull())
    .addColumn('activities', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stage_plans_engagement_idx')
    .on('stage_plans')
    .columns(['organization_id', 'engagement_id', 'stage_id'])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropTable('stage_plans').execute();
}
