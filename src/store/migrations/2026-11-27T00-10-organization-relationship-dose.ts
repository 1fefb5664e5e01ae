import { sql, type Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Organization-level dose per month of the relationship and component, kept in the same transaction as
 * the engagement-level rollups, so the organization's component mix over the relationship reads a few
 * rows per month instead of every engagement's component months. Filled from the component rollup.
 * And an index that covers the organization's descriptives' read of the engagement-month rollup, in the
 * order it groups by (engagement, month of the relationship), so that read needs no table lookups or sort.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('organization_relationship_component_dose')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('relationship_month', 'integer', (c) => c.notNull())
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('activity_uses', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_relationship_component_dose_pk', [
      'organization_id',
      'relationship_month',
      'component_id',
    ])
    .execute();
  await db.schema
    .createIndex('engagement_month_dose_relationship_idx')
    .on('engagement_month_dose')
    .columns([
      'organization_id',
      'engagement_id',
      'relationship_month',
      'calendar_month',
      'minutes',
      'components_used',
      'entropy',
      'dominant_component',
    ])
    .execute();
  await sql`
    insert into organization_relationship_component_dose (organization_id, relationship_month, component_id, interactions, minutes, activity_uses)
    select organization_id, relationship_month, component_id, sum(interactions), sum(minutes), sum(activity_uses)
    from component_month_dose group by organization_id, relationship_month, component_id`.execute(db);
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropIndex('engagement_month_dose_relationship_idx').execute();
  await db.schema.dropTable('organization_relationship_component_dose').execute();
}
