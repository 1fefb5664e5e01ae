import { sql, type Expression, type Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * Practice use kept like the dose: per engagement and calendar month, the interactions and minutes of
 * each mode of contact and the interactions that used each practice activity; and, summed over the
 * organization's engagements per calendar month, the same with principle use. Practice use (mode mix,
 * principle use, activity use rates) then sums a few rows per month instead of every interaction and
 * component use. Filled from the live interactions of live engagements, as the rollups count them.
 */
export async function up(db: Kysely<Tables>): Promise<void> {
  const postgres = await isPostgres(db);
  // On SQLite each table is its primary key's B-tree (WITHOUT ROWID): an upsert writes one tree, not a
  // table and its key index, and a read by engagement finds every column in the key's tree.
  const clustered = <T extends { modifyEnd(modifier: Expression<unknown>): T }>(table: T): T =>
    postgres ? table : table.modifyEnd(sql`without rowid`);
  await db.schema
    .createTable('mode_month_use')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('mode_month_use_pk', ['engagement_id', 'calendar_month', 'mode'])
    .$call(clustered)
    .execute();
  await db.schema
    .createTable('activity_month_use')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_month_use_pk', [
      'engagement_id',
      'calendar_month',
      'component_id',
      'activity_id',
    ])
    .$call(clustered)
    .execute();
  await db.schema
    .createTable('organization_mode_month_use')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_mode_month_use_pk', ['organization_id', 'calendar_month', 'mode'])
    .$call(clustered)
    .execute();
  await db.schema
    .createTable('organization_principle_month_use')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('principle_id', 'text', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('ratings', 'integer', (c) => c.notNull())
    .addColumn('rating_sum', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_principle_month_use_pk', [
      'organization_id',
      'calendar_month',
      'principle_id',
    ])
    .$call(clustered)
    .execute();
  await db.schema
    .createTable('organization_activity_month_use')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_activity_month_use_pk', [
      'organization_id',
      'calendar_month',
      'component_id',
      'activity_id',
    ])
    .$call(clustered)
    .execute();

  await sql`
    insert into mode_month_use (organization_id, engagement_id, calendar_month, mode, interactions, minutes)
    select i.organization_id, i.engagement_id, substr(i.date, 1, 7), i.mode, count(*), sum(i.duration_minutes)
    from interactions i join engagements e on e.id = i.engagement_id
    where i.deleted_at is null and e.deleted_at is null
    group by i.organization_id, i.engagement_id, substr(i.date, 1, 7), i.mode`.execute(db);
  // The component index holds the component uses of live interactions, each with its activities as a JSON array.
  const activities = postgres
    ? sql`jsonb_array_elements_text(c.activity_ids::jsonb) as a(value)`
    : sql`json_each(c.activity_ids) as a`;
  await sql`
    insert into activity_month_use (organization_id, engagement_id, calendar_month, component_id, activity_id, interactions)
    select i.organization_id, i.engagement_id, substr(i.date, 1, 7), c.component_id, a.value, count(*)
    from interaction_components c
    join interactions i on i.id = c.interaction_id
    join engagements e on e.id = i.engagement_id
    cross join ${activities}
    where i.deleted_at is null and e.deleted_at is null
    group by i.organization_id, i.engagement_id, substr(i.date, 1, 7), c.component_id, a.value`.execute(db);
  await sql`
    insert into organization_mode_month_use (organization_id, calendar_month, mode, interactions, minutes)
    select organization_id, calendar_month, mode, sum(interactions), sum(minutes) from mode_month_use group by organization_id, calendar_month, mode`.execute(
    db,
  );
  await sql`
    insert into organization_principle_month_use (organization_id, calendar_month, principle_id, interactions, ratings, rating_sum)
    select organization_id, calendar_month, principle_id, sum(interactions), sum(ratings), sum(rating_sum) from principle_month_use group by organization_id, calendar_month, principle_id`.execute(
    db,
  );
  await sql`
    insert into organization_activity_month_use (organization_id, calendar_month, component_id, activity_id, interactions)
    select organization_id, calendar_month, component_id, activity_id, sum(interactions) from activity_month_use group by organization_id, calendar_month, component_id, activity_id`.execute(
    db,
  );
}

export async function down(db: Kysely<Tables>): Promise<void> {
  for (const table of [
    'organization_activity_month_use',
    'organization_principle_month_use',
    'organization_mode_month_use',
    'activity_month_use',
    'mode_month_use',
  ])
    await db.schema.dropTable(table).execute();
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
