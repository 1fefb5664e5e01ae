import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * What the engagement page needs without reading every interaction of the engagement: principle use
 * per engagement month (interactions, number of ratings and their sum), and an index of the next steps
 * of live interactions that are not done. Both are kept in step with every interaction write, like the
 * component index and the dose rollups, and filled here from the interactions already stored.
 */
// Month arithmetic as this migration used it, frozen here so that the backfill stays what it was.

/** The calendar month of an ISO date, `YYYY-MM`. */
const calendarMonth = (date: string): string => date.slice(0, 7);

/**
 * Month of the relationship in which `date` falls: 1 from the start date up to the day before the same
 * day of the next month, and so on; a start on the 31st counts a shorter month as ending on its last day.
 */
function relationshipMonth(startDate: string, date: string): number {
  const [sy, sm, sd] = [Number(startDate.slice(0, 4)), Number(startDate.slice(5, 7)), Number(startDate.slice(8, 10))];
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  let months = (y - sy) * 12 + (m - sm);
  const lastDayOfMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < Math.min(sd, lastDayOfMonth)) months -= 1;
  return months + 1;
}

export async function up(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable('principle_month_use')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('calendar_month', 'text', (c) => c.notNull())
    .addColumn('relationship_month', 'integer', (c) => c.notNull())
    .addColumn('principle_id', 'text', (c) => c.notNull())
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('ratings', 'integer', (c) => c.notNull())
    .addColumn('rating_sum', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('principle_month_use_pk', [
      'engagement_id',
      'calendar_month',
      'relationship_month',
      'principle_id',
    ])
    .execute();
  await db.schema
    .createTable('interaction_next_steps')
    .addColumn('interaction_id', 'text', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('interaction_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addPrimaryKeyConstraint('interaction_next_steps_pk', ['interaction_id', 'position'])
    .execute();
  await db.schema
    .createIndex('interaction_next_steps_engagement_idx')
    .on('interaction_next_steps')
    .columns(['organization_id', 'engagement_id'])
    .execute();

  // Backfill, a page of live interactions at a time, in the order of their ids.
  const principleRows = new Map<
    string,
    {
      organization_id: string;
      engagement_id: string;
      calendar_month: string;
      relationship_month: number;
      principle_id: string;
      interactions: number;
      ratings: number;
      rating_sum: number;
    }
  >();
  let after = '';
  for (;;) {
    const page = (await db
      .selectFrom('interactions as i')
      .leftJoin('engagements as e', (j) => j.onRef('e.id', '=', 'i.engagement_id').on('e.deleted_at', 'is', null))
      .select([
        'i.id',
        'i.organization_id',
        'i.engagement_id',
        'i.date',
        'i.principles',
        'i.next_steps',
        'e.start_date',
      ])
      .where('i.deleted_at', 'is', null)
      .where('i.id', '>', after)
      .orderBy('i.id')
      .limit(2000)
      .execute()) as {
      id: string;
      organization_id: string;
      engagement_id: string;
      date: string;
      principles: string;
      next_steps: string;
      start_date: string | null;
    }[];
    if (page.length === 0) break;
    after = page.at(-1)!.id;
    const steps = page.flatMap((i) =>
      (JSON.parse(i.next_steps) as { text: string; owner: string; dueDate: string | null; done: boolean }[]).flatMap(
        (s, position) =>
          s.done
            ? []
            : [
                {
                  interaction_id: i.id,
                  position,
                  organization_id: i.organization_id,
                  engagement_id: i.engagement_id,
                  interaction_date: i.date,
                  text: s.text,
                  owner: s.owner,
                  due_date: s.dueDate,
                },
              ],
      ),
    );
    for (let at = 0; at < steps.length; at += 500)
      await db
        .insertInto('interaction_next_steps')
        .values(steps.slice(at, at + 500))
        .execute();
    for (const i of page) {
      if (i.start_date === null) continue; // rollups cover live engagements only
      for (const p of JSON.parse(i.principles) as { principleId: string; rating: number | null }[]) {
        const month = {
          calendar_month: calendarMonth(i.date),
          relationship_month: relationshipMonth(i.start_date, i.date),
        };
        const key = `${i.engagement_id}|${month.calendar_month}|${month.relationship_month}|${p.principleId}`;
        const row = principleRows.get(key) ?? {
          organization_id: i.organization_id,
          engagement_id: i.engagement_id,
          ...month,
          principle_id: p.principleId,
          interactions: 0,
          ratings: 0,
          rating_sum: 0,
        };
        row.interactions += 1;
        if (p.rating !== null) {
          row.ratings += 1;
          row.rating_sum += p.rating;
        }
        principleRows.set(key, row);
      }
    }
  }
  const rows = [...principleRows.values()];
  for (let at = 0; at < rows.length; at += 500)
    await db
      .insertInto('principle_month_use')
      .values(rows.slice(at, at + 500))
      .execute();
}

export async function down(db: Kysely<Tables>): Promise<void> {
  await db.schema.dropTable('interaction_next_steps').execute();
  await db.schema.dropTable('principle_month_use').execute();
}
