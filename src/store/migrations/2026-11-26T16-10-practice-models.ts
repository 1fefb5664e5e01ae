import type { Kysely } from 'kysely';
import { builtinModelDocuments } from './frozen/builtin-models-2026-11-26.ts';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Practice models, stored per organization as full, immutable documents: one row per (model, version).
 * Existing organizations receive the built-in models, as new ones do when they are created.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('practice_models')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addPrimaryKeyConstraint('practice_models_pk', ['organization_id', 'model_id', 'version'])
    .execute();

  const organizations = await db.selectFrom('organizations').select('id').execute();
  const now = new Date().toISOString();
  for (const { id } of organizations) {
    for (const model of builtinModelDocuments) {
      await db
        .insertInto('practice_models')
        .values({
          organization_id: id,
          model_id: model.id,
          version: model.version,
          name: model.name,
          document: model.document,
          builtin: 1,
          published_at: now,
          published_by: null,
        })
        .execute();
    }
  }
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropTable('practice_models').execute();
}
