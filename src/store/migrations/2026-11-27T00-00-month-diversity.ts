import type { Kysely } from 'kysely';
import { componentDiversity } from '../../domain/support/diversity.ts';

/**
 * The diversity of component use of each month of the relationship (components used, Shannon entropy
 * of their minutes, dominant component) kept on the engagement-month rollup, so the organization's
 * descriptives need not read every component row. Filled from the component rollup, one engagement at
 * a time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is typed now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('engagement_month_dose')
    .addColumn('components_used', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('engagement_month_dose')
    .addColumn('entropy', 'double precision', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('engagement_month_dose').addColumn('dominant_component', 'text').execute();

  const engagements = (await db.selectFrom('component_month_dose').select('engagement_id').distinct().execute()) as {
    engagement_id: string;
  }[];
  for (const { engagement_id: engagementId } of engagements) {
    const rows = (await db
      .selectFrom('component_month_dose')
      .select(['relationship_month', 'component_id', 'minutes'])
      .where('engagement_id', '=', engagementId)
      .execute()) as {
      relationship_month: number;
      component_id: string;
      minutes: number;
    }[];
    const byMonth = new Map<number, { componentId: string; minutes: number }[]>();
    for (const r of rows) {
      const month = Number(r.relationship_month);
      byMonth.set(month, [...(byMonth.get(month) ?? []), { componentId: r.component_id, minutes: Number(r.minutes) }]);
    }
    for (const [relationshipMonth, uses] of byMonth) {
      const d = componentDiversity(uses)!;
      await db
        .updateTable('engagement_month_dose')
        .set({ components_used: d.componentsUsed, entropy: d.entropy, dominant_component: d.dominantComponent })
        .where('engagement_id', '=', engagementId)
        .where('relationship_month', '=', relationshipMonth)
        .execute();
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['dominant_component', 'entropy', 'components_used'])
    await db.schema.alterTable('engagement_month_dose').dropColumn(column).execute();
}
