import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * A contact's preferred language (`en`, `es`, `pt-BR` …): survey invitations and reminders are written,
 * and their links open, in it when the survey has it. Null when not known.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable('contacts').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable('contacts').dropColumn('language').execute();
}
