import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * The version of an organization's research-export settings (`coaching_research_export`), so that a
 * stale save of them is refused (409); 0 until an administrator first saves them.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('research_settings_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('research_settings_version').execute();
}
