import { sql, type Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Minutes and interactions per practitioner (who logged them), component and calendar month of each
 * engagement, filled from the live interactions of live engagements and their component index. And an
 * index by month of the relationship on the component rows, from which the organization-level
 * relationship-month sums are recomputed when a write touches those months.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('practitioner_component_month')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('practitioner_id', 'text', (c) => c.notNull())
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('practitioner_component_month_pk', [
      'engagement_id',
      'calendar_month',
      'practitioner_id',
      'component_id',
    ])
    .execute();
  await db.schema
    .createIndex('practitioner_component_month_org_idx')
    .on('practitioner_component_month')
    .columns(['organization_id', 'practitioner_id', 'calendar_month'])
    .execute();
  await db.schema
    .createIndex('component_month_dose_relationship_idx')
    .on('component_month_dose')
    .columns(['organization_id', 'relationship_month'])
    .execute();
  await sql`
    insert into practitioner_component_month
      (organization_id, engagement_id, calendar_month, practitioner_id, component_id, interactions, minutes)
    select i.organization_id, i.engagement_id, substr(i.date, 1, 7), i.logged_by, c.component_id, count(*), sum(c.minutes)
    from interactions i
    join interaction_components c on c.interaction_id = i.id
    join engagements e on e.id = i.engagement_id and e.deleted_at is null
    where i.deleted_at is null
    group by i.organization_id, i.engagement_id, substr(i.date, 1, 7), i.logged_by, c.component_id`.execute(db);
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropIndex('component_month_dose_relationship_idx').execute();
  await db.schema.dropTable('practitioner_component_month').execute();
}
