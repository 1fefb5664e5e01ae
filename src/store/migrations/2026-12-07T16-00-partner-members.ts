import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * The partner a partner-role member belongs to: they see that partner's engagements and those of the
 * partners below it, and nothing else. Null for staff, and for a partner member not yet attached.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable('memberships').addColumn('partner_id', 'text').execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable('memberships').dropColumn('partner_id').execute();
}
