import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * The support record: partners, contacts, engagements, interactions, and the monthly dose rollups kept
 * in step with interactions. History rows gain the record version and a full snapshot of it.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable('history').addColumn('version', 'integer').execute();
  await db.schema.alterTable('history').addColumn('snapshot', 'text').execute();

  const versioned = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text');

  await versioned('partners')
    .addColumn('parent_id', 'text', (c) => c.references('partners.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('state_or_country', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('partners_org_idx').on('partners').columns(['organization_id', 'name']).execute();

  await versioned('contacts')
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contacts_partner_idx')
    .on('contacts')
    .columns(['organization_id', 'partner_id'])
    .execute();

  await versioned('engagements')
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('support_team', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('stages', 'text', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('engagements_org_idx')
    .on('engagements')
    .columns(['organization_id', 'partner_id'])
    .execute();

  await versioned('interactions')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('time', 'text')
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text')
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('components', 'text', (c) => c.notNull())
    .addColumn('principles', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('next_steps', 'text', (c) => c.notNull())
    .addColumn('logged_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interactions_engagement_idx')
    .on('interactions')
    .columns(['organization_id', 'engagement_id', 'date', 'id'])
    .execute();
  await db.schema
    .createIndex('interactions_date_idx')
    .on('interactions')
    .columns(['organization_id', 'date', 'id'])
    .execute();
  await db.schema
    .createIndex('interactions_logger_idx')
    .on('interactions')
    .columns(['organization_id', 'logged_by', 'date'])
    .execute();
  await db.schema
    .createIndex('interactions_partner_idx')
    .on('interactions')
    .columns(['organization_id', 'partner_id', 'date'])
    .execute();

  // One row per component used in a live interaction: lets filters and analyses find components without parsing JSON.
  await db.schema
    .createTable('interaction_components')
    .addColumn('interaction_id', 'text', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('activity_ids', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interaction_components_pk', ['interaction_id', 'component_id'])
    .execute();
  await db.schema
    .createIndex('interaction_components_component_idx')
    .on('interaction_components')
    .columns(['organization_id', 'component_id'])
    .execute();

  await db.schema
    .createTable('engagement_month_dose')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('relationship_month', 'integer', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('engagement_month_dose_pk', ['engagement_id', 'calendar_month', 'relationship_month'])
    .execute();
  await db.schema
    .createIndex('engagement_month_dose_org_idx')
    .on('engagement_month_dose')
    .columns(['organization_id', 'calendar_month'])
    .execute();

  await db.schema
    .createTable('component_month_dose')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('relationship_month', 'integer', (c) => c.notNull())
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('activity_uses', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('component_month_dose_pk', [
      'engagement_id',
      'calendar_month',
      'relationship_month',
      'component_id',
    ])
    .execute();
  await db.schema
    .createIndex('component_month_dose_org_idx')
    .on('component_month_dose')
    .columns(['organization_id', 'calendar_month'])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  for (const table of [
    'component_month_dose',
    'engagement_month_dose',
    'interaction_components',
    'interactions',
    'engagements',
    'contacts',
    'partners',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('history').dropColumn('snapshot').execute();
  await db.schema.alterTable('history').dropColumn('version').execute();
}
