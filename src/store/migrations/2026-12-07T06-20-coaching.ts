import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Coaching of practitioners: reviews of logged interactions, observations of sessions, coaching
 * sessions, development goals and self-assessments. Each is a versioned record (every change in the
 * history, 409 on a stale save). Ratings are kept as JSON on the record; the competency views
 * and the research export read them from there.
 * `organizations.coaching_research_export` is the organization's consent to put de-identified coaching
 * tables in the research export (off by default).
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  const versioned = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text');

  await versioned('coaching_reviews')
    .addColumn('interaction_id', 'text', (c) => c.notNull())
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('practitioner_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('interaction_date', 'text', (c) => c.notNull())
    .addColumn('ratings', 'text', (c) => c.notNull())
    .addColumn('feedback', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('reply', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('coaching_reviews_practitioner_idx')
    .on('coaching_reviews')
    .columns(['organization_id', 'practitioner_id', 'interaction_date'])
    .execute();
  await db.schema
    .createIndex('coaching_reviews_interaction_idx')
    .on('coaching_reviews')
    .columns(['organization_id', 'interaction_id'])
    .execute();

  await versioned('coaching_observations')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('practitioner_id', 'text', (c) => c.notNull())
    .addColumn('interaction_id', 'text')
    .addColumn('observer_id', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('ratings', 'text', (c) => c.notNull())
    .addColumn('principles', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('coaching_observations_practitioner_idx')
    .on('coaching_observations')
    .columns(['organization_id', 'practitioner_id', 'date'])
    .execute();

  await versioned('coaching_sessions')
    .addColumn('practitioner_id', 'text', (c) => c.notNull())
    .addColumn('coach_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('component_ids', 'text', (c) => c.notNull())
    .addColumn('agreed', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('coaching_sessions_practitioner_idx')
    .on('coaching_sessions')
    .columns(['organization_id', 'practitioner_id', 'date'])
    .execute();

  await versioned('development_goals')
    .addColumn('practitioner_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('component_ids', 'text', (c) => c.notNull())
    .addColumn('target_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('development_goals_practitioner_idx')
    .on('development_goals')
    .columns(['organization_id', 'practitioner_id'])
    .execute();

  await versioned('self_assessments')
    .addColumn('practitioner_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('ratings', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('self_assessments_practitioner_idx')
    .on('self_assessments')
    .columns(['organization_id', 'practitioner_id', 'date'])
    .execute();

  await db.schema
    .alterTable('organizations')
    .addColumn('coaching_research_export', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('coaching_research_export').execute();
  for (const table of [
    'self_assessments',
    'development_goals',
    'coaching_sessions',
    'coaching_observations',
    'coaching_reviews',
  ])
    await db.schema.dropTable(table).execute();
}
