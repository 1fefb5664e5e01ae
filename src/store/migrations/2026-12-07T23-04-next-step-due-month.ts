import { sql, type Expression, type Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Open next steps with a due date counted per engagement, calendar month of the interaction, owner and
 * due month, and the same summed over the organization's engagements, so the lead's home counts whose
 * next steps are overdue from a few rows per month (the months before today's) and today's month alone
 * from the next-step index. An index of the next-step index by owner and due date finds each owner's
 * oldest open step with one seek. Filled from the next-step index (the open steps of live
 * interactions) of live engagements, as the derived tables count them.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  const postgres = await isPostgres(db);
  const clustered = <T extends { modifyEnd(modifier: Expression<unknown>): T }>(table: T): T =>
    postgres ? table : table.modifyEnd(sql`without rowid`);
  await db.schema
    .createTable('next_step_due_month')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due_month', 'text', (c) => c.notNull())
    .addColumn('open_steps', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('next_step_due_month_pk', ['engagement_id', 'calendar_month', 'owner', 'due_month'])
    .$call(clustered)
    .execute();
  await db.schema
    .createIndex('next_step_due_month_org_idx')
    .on('next_step_due_month')
    .columns(['organization_id', 'calendar_month'])
    .execute();
  await db.schema
    .createTable('organization_next_step_due_month')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due_month', 'text', (c) => c.notNull())
    .addColumn('open_steps', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_next_step_due_month_pk', [
      'organization_id',
      'calendar_month',
      'owner',
      'due_month',
    ])
    .$call(clustered)
    .execute();
  await db.schema
    .createIndex('interaction_next_steps_owner_due_idx')
    .on('interaction_next_steps')
    .columns(['organization_id', 'owner', 'due_date'])
    .execute();
  await sql`
    insert into next_step_due_month (organization_id, engagement_id, calendar_month, owner, due_month, open_steps)
    select s.organization_id, s.engagement_id, substr(s.interaction_date, 1, 7), s.owner, substr(s.due_date, 1, 7), count(*)
    from interaction_next_steps s join engagements e on e.id = s.engagement_id and e.deleted_at is null
    where s.due_date is not null
    group by s.organization_id, s.engagement_id, substr(s.interaction_date, 1, 7), s.owner, substr(s.due_date, 1, 7)`.execute(
    db,
  );
  await sql`
    insert into organization_next_step_due_month (organization_id, calendar_month, owner, due_month, open_steps)
    select organization_id, calendar_month, owner, due_month, sum(open_steps) from next_step_due_month
    group by organization_id, calendar_month, owner, due_month`.execute(db);
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropIndex('interaction_next_steps_owner_due_idx').ifExists().execute();
  await db.schema.dropTable('organization_next_step_due_month').execute();
  await db.schema.dropTable('next_step_due_month').execute();
}

/** PostgreSQL answers `select version()`; SQLite has no such function (and a failed statement leaves its transaction usable). */
async function isPostgres(db: Kysely<Tables>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}
