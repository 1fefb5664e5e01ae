import { sql, type Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * The organization's dose per calendar month, month of the relationship and component, filled from the
 * engagement-level component rows: a calendar period's component mix over the relationship for the
 * whole organization sums a few rows per month instead of every engagement's. And an index holding
 * what a period reads of the engagement months (the months of the relationship it cuts), so that read
 * never visits the table.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('organization_calendar_component_dose')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('relationship_month', 'integer', (c) => c.notNull())
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('activity_uses', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_calendar_component_dose_pk', [
      'organization_id',
      'calendar_month',
      'relationship_month',
      'component_id',
    ])
    .execute();
  await db.schema
    .createIndex('engagement_month_dose_period_idx')
    .on('engagement_month_dose')
    .columns(['organization_id', 'calendar_month', 'engagement_id', 'relationship_month', 'minutes', 'interactions'])
    .execute();
  await sql`
    insert into organization_calendar_component_dose
      (organization_id, calendar_month, relationship_month, component_id, interactions, minutes, activity_uses)
    select organization_id, calendar_month, relationship_month, component_id, sum(interactions), sum(minutes), sum(activity_uses)
    from component_month_dose
    group by organization_id, calendar_month, relationship_month, component_id`.execute(db);
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropIndex('engagement_month_dose_period_idx').execute();
  await db.schema.dropTable('organization_calendar_component_dose').execute();
}
