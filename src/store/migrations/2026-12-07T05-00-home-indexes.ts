import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Indexes for the home pages: open next steps by due date (what is due and overdue across an
 * organization or a person's engagements) and measurement waves by their scheduled date (waves due).
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createIndex('interaction_next_steps_due_idx')
    .on('interaction_next_steps')
    .columns(['organization_id', 'due_date', 'engagement_id'])
    .execute();
  await db.schema
    .createIndex('measurement_waves_scheduled_idx')
    .on('measurement_waves')
    .columns(['organization_id', 'scheduled_on'])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropIndex('measurement_waves_scheduled_idx').execute();
  await db.schema.dropIndex('interaction_next_steps_due_idx').execute();
}
