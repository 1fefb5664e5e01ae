import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Email: the outbox, where every message waits until the SMTP server accepts it (retried with backoff,
 * never dropped), and the addresses that asked for no more email, per organization.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('wave_id', 'text')
    .addColumn('response_id', 'text')
    .addColumn('lang', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    // Holds the message's links until it is sent, then is emptied: a delivered link lives only in the mailbox.
    .addColumn('body', 'text')
    .addColumn('unsubscribe_hash', 'text', (c) => c.notNull().unique())
    .addColumn('dedupe_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('email_outbox_due_idx').on('email_outbox').columns(['next_attempt_at']).execute();
  await db.schema
    .createIndex('email_outbox_wave_idx')
    .on('email_outbox')
    .columns(['organization_id', 'wave_id', 'contact_id'])
    .execute();
  await db.schema
    .createIndex('email_outbox_dedupe_idx')
    .on('email_outbox')
    .columns(['organization_id', 'dedupe_key'])
    .unique()
    .execute();
  await db.schema
    .createTable('email_unsubscribes')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('unsubscribed_at', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addPrimaryKeyConstraint('email_unsubscribes_pk', ['organization_id', 'address'])
    .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropTable('email_unsubscribes').execute();
  await db.schema.dropTable('email_outbox').execute();
}
