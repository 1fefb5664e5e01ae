import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Invitations to join an organization: a versioned record (every change in the history) whose link
 * is stored only as the SHA-256 of its token. Membership is created only when the invitee accepts.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createIndex('invitations_org_status_idx')
    .on('invitations')
    .columns(['organization_id', 'status', 'email'])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropTable('invitations').execute();
}
