import { sql, type Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * One row per engagement and month of the relationship: its interactions and minutes (summed over the
 * one or two calendar months it spans) and the diversity of its component use, which moves here from the
 * engagement-month rollup (every row of a month of the relationship held the same figures). The
 * organization's descriptives read these rows as they are, one per engagement-month, with no grouping.
 * A covering index serves that read in engagement order.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('relationship_month_dose')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('relationship_month', 'integer', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('components_used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entropy', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('dominant_component', 'text')
    .addPrimaryKeyConstraint('relationship_month_dose_pk', ['engagement_id', 'relationship_month'])
    .execute();
  await db.schema
    .createIndex('relationship_month_dose_org_idx')
    .on('relationship_month_dose')
    .columns([
      'organization_id',
      'engagement_id',
      'relationship_month',
      'interactions',
      'minutes',
      'components_used',
      'entropy',
      'dominant_component',
    ])
    .execute();
  await sql`
    insert into relationship_month_dose (organization_id, engagement_id, relationship_month, interactions, minutes, components_used, entropy, dominant_component)
    select organization_id, engagement_id, relationship_month, sum(interactions), sum(minutes), max(components_used), max(entropy), max(dominant_component)
    from engagement_month_dose group by organization_id, engagement_id, relationship_month`.execute(db);
  await db.schema.dropIndex('engagement_month_dose_relationship_idx').execute();
  for (const column of ['dominant_component', 'entropy', 'components_used'])
    await db.schema.alterTable('engagement_month_dose').dropColumn(column).execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .alterTable('engagement_month_dose')
    .addColumn('components_used', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('engagement_month_dose')
    .addColumn('entropy', 'double precision', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('engagement_month_dose').addColumn('dominant_component', 'text').execute();
  await sql`
    update engagement_month_dose set
      components_used = r.components_used, entropy = r.entropy, dominant_component = r.dominant_component
    from relationship_month_dose r
    where r.engagement_id = engagement_month_dose.engagement_id and r.relationship_month = engagement_month_dose.relationship_month`.execute(
    db,
  );
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
  await db.schema.dropTable('relationship_month_dose').execute();
}
