import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Indexes for the signals of a whole organization, each covering what one rule reads:
 * - open next steps by engagement and due date, in the order they were written, so the overdue count
 *   and the oldest overdue step of each engagement are one short index range;
 * - component rollup rows by component and relationship month (with the minutes), so the foundational
 *   rule reads only the foundational components' rows of the first months;
 * - component rollup rows by calendar month with the engagement, component and minutes, so the recent
 *   months are read from the index alone.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createIndex('interaction_next_steps_engagement_due_idx')
    .on('interaction_next_steps')
    .columns(['organization_id', 'engagement_id', 'due_date', 'interaction_date', 'interaction_id', 'position'])
    .execute();
  await db.schema
    .createIndex('component_month_dose_component_idx')
    .on('component_month_dose')
    .columns(['organization_id', 'component_id', 'relationship_month', 'minutes', 'engagement_id', 'calendar_month'])
    .execute();
  await db.schema
    .createIndex('component_month_dose_month_covering_idx')
    .on('component_month_dose')
    .columns(['organization_id', 'calendar_month', 'engagement_id', 'component_id', 'relationship_month', 'minutes'])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropIndex('component_month_dose_month_covering_idx').execute();
  await db.schema.dropIndex('component_month_dose_component_idx').execute();
  await db.schema.dropIndex('interaction_next_steps_engagement_due_idx').execute();
}
