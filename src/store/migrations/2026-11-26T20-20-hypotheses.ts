import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Hypotheses about the model's links: a versioned record (draft → locked → withdrawn, every change in
 * the history) holding the registration as JSON and, once locked, its lock time and content hash; and
 * their runs, written once and never changed.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('hypotheses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('registration', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdrawal_reason', 'text')
    .execute();
  await db.schema
    .createIndex('hypotheses_model_idx')
    .on('hypotheses')
    .columns(['organization_id', 'model_id', 'link_id'])
    .execute();

  await db.schema
    .createTable('hypothesis_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('hypothesis_id', 'text', (c) => c.notNull().references('hypotheses.id'))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('ran_by', 'text')
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('p', 'double precision')
    .addColumn('result', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hypothesis_runs_hypothesis_idx')
    .on('hypothesis_runs')
    .columns(['organization_id', 'hypothesis_id', 'ran_at'])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropTable('hypothesis_runs').execute();
  await db.schema.dropTable('hypotheses').execute();
}
