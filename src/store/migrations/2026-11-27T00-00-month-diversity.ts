import type { Kysely } from 'kysely';

/** Any table, any column: a migration sees the schema as it was then, not as it is typed now. */
type Tables = Record<string, Record<string, unknown>>;

/**
 * The diversity of component use of each month of the relationship (components used, Shannon entropy
 * of their minutes, dominant component) kept on the engagement-month rollup, so the organization's
 * descriptives need not read every component row. Filled from the component rollup, one engagement at
 * a time.
 */
/**
 * The diversity of one month's component rows as this migration computed it (frozen here, so that the
 * migration fills the same values whatever the live code later becomes): components with minutes, the
 * Shannon entropy (natural log) of their minutes summed in component id order, and the component with
 * the most minutes (ties: the first in id order).
 */
function componentDiversity(rows: readonly { componentId: string; minutes: number }[]): {
  componentsUsed: number;
  entropy: number;
  dominantComponent: string;
} {
  const byComponent = new Map<string, number>();
  for (const r of rows) byComponent.set(r.componentId, (byComponent.get(r.componentId) ?? 0) + r.minutes);
  const entries = [...byComponent.entries()].sort(([a], [b]) => a.localeCompare(b));
  const dominant = entries.reduce((best, e) => (e[1] > best[1] ? e : best), entries[0]!);
  const positive = entries.map(([, v]) => v).filter((m) => m > 0);
  const total = positive.reduce((s, m) => s + m, 0);
  const h = total === 0 ? 0 : -positive.reduce((s, m) => s + (m / total) * Math.log(m / total), 0);
  return { componentsUsed: positive.length, entropy: h === 0 ? 0 : h, dominantComponent: dominant[0] };
}

export async function up(db: Kysely<Tables>): Promise<void> {
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
      const d = componentDiversity(uses);
      await db
        .updateTable('engagement_month_dose')
        .set({ components_used: d.componentsUsed, entropy: d.entropy, dominant_component: d.dominantComponent })
        .where('engagement_id', '=', engagementId)
        .where('relationship_month', '=', relationshipMonth)
        .execute();
    }
  }
}

export async function down(db: Kysely<Tables>): Promise<void> {
  for (const column of ['dominant_component', 'entropy', 'components_used'])
    await db.schema.alterTable('engagement_month_dose').dropColumn(column).execute();
}
