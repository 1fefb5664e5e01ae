import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * The language a respondent chose on the survey page (`en`, `es` …), kept with the response; null for
 * responses entered by staff or imported, and for links answered before languages were offered.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable('measurement_responses').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable('measurement_responses').dropColumn('language').execute();
}
