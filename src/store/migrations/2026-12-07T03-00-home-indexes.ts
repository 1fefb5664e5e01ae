import type { Kysely } from 'kysely';

/**
 * Indexes for the home pages: open next steps by due date (what is due and overdue across an
 * organization or a person's engagements) and measurement waves by their scheduled date (waves due).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is typed now
export async function up(db: Kysely<any>): Promise<void> {
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('measurement_waves_scheduled_idx').execute();
  await db.schema.dropIndex('interaction_next_steps_due_idx').execute();
}
