import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Outcome measurement: published instrument versions (immutable documents), measurement waves per
 * engagement, responses (by survey link or entered by staff; a link stores only its token's SHA-256),
 * and the scores computed from submitted responses.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('instruments')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addPrimaryKeyConstraint('instruments_pk', ['organization_id', 'instrument_id', 'version'])
    .execute();

  await db.schema
    .createTable('measurement_waves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scheduled_on', 'text')
    .addColumn('instruments', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('measurement_waves_engagement_idx')
    .on('measurement_waves')
    .columns(['organization_id', 'engagement_id'])
    .execute();

  await db.schema
    .createTable('measurement_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('measurement_waves.id'))
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('partner_id', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('instrument_versions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('submitted_at', 'text')
    .execute();
  await db.schema
    .createIndex('measurement_responses_wave_idx')
    .on('measurement_responses')
    .columns(['organization_id', 'wave_id'])
    .execute();

  await db.schema
    .createTable('measurement_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('response_id', 'text', (c) => c.notNull().references('measurement_responses.id'))
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('wave_id', 'text', (c) => c.notNull())
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('answered_version', 'text', (c) => c.notNull())
    .addColumn('scored_version', 'text', (c) => c.notNull())
    .addColumn('score_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('outcome_id', 'text')
    .addColumn('level', 'text')
    .addColumn('partner_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('value', 'double precision')
    .addColumn('missing_reason', 'text')
    .addColumn('answered', 'integer', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('prorated', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measurement_scores_engagement_idx')
    .on('measurement_scores')
    .columns(['organization_id', 'engagement_id'])
    .execute();
  await db.schema
    .createIndex('measurement_scores_instrument_idx')
    .on('measurement_scores')
    .columns(['organization_id', 'instrument_id'])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropTable('measurement_scores').execute();
  await db.schema.dropTable('measurement_responses').execute();
  await db.schema.dropTable('measurement_waves').execute();
  await db.schema.dropTable('instruments').execute();
}
