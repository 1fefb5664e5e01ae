import { sql, type Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Organization-level dose rollups, kept in the same transaction as the engagement-level ones: per
 * calendar month (interactions, minutes, engagements with contact) and per calendar month and component.
 * The dashboard reads a few rows per month from these instead of summing every engagement's months.
 * Filled from the engagement-level rollups that already exist.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('organization_month_dose')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('engagements', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_month_dose_pk', ['organization_id', 'calendar_month'])
    .execute();
  await db.schema
    .createTable('organization_component_month_dose')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('activity_uses', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_component_month_dose_pk', [
      'organization_id',
      'calendar_month',
      'component_id',
    ])
    .execute();

  await sql`
    insert into organization_month_dose (organization_id, calendar_month, interactions, minutes, engagements)
    select organization_id, calendar_month, sum(interactions), sum(minutes), count(distinct engagement_id)
    from engagement_month_dose group by organization_id, calendar_month`.execute(db);
  await sql`
    insert into organization_component_month_dose (organization_id, calendar_month, component_id, interactions, minutes, activity_uses)
    select organization_id, calendar_month, component_id, sum(interactions), sum(minutes), sum(activity_uses)
    from component_month_dose group by organization_id, calendar_month, component_id`.execute(db);
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropTable('organization_component_month_dose').execute();
  await db.schema.dropTable('organization_month_dose').execute();
}
