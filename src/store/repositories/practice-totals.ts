import { sql } from 'kysely';
import type { PracticeTotals } from '../../domain/support/practice-totals.ts';
import type { DatabaseSchema } from '../schema.ts';
import { idGroups, ofOrganization, type Executor } from './executor.ts';

/** Which live interactions to sum: those of these engagements (null: every engagement of the organization), in these calendar months (`YYYY-MM`, inclusive). */
export interface PracticeScope {
  engagementIds: readonly string[] | null;
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
}

/** One sum kept per calendar month twice: per engagement, and per organization (the engagements' rows summed). */
interface MonthlyRollup {
  engagementTable: keyof DatabaseSchema;
  organizationTable: keyof DatabaseSchema;
  /** What the sum is kept per, besides the month (none: one total). */
  keys: readonly string[];
  amounts: readonly string[];
}

const rollups = {
  interactions: {
    engagementTable: 'engagement_month_dose',
    organizationTable: 'organization_month_dose',
    keys: [],
    amounts: ['interactions'],
  },
  modes: {
    engagementTable: 'mode_month_use',
    organizationTable: 'organization_mode_month_use',
    keys: ['mode'],
    amounts: ['interactions', 'minutes'],
  },
  principles: {
    engagementTable: 'principle_month_use',
    organizationTable: 'organization_principle_month_use',
    keys: ['principle_id'],
    amounts: ['interactions', 'ratings', 'rating_sum'],
  },
  components: {
    engagementTable: 'component_month_dose',
    organizationTable: 'organization_component_month_dose',
    keys: ['component_id'],
    amounts: ['interactions'],
  },
  activities: {
    engagementTable: 'activity_month_use',
    organizationTable: 'organization_activity_month_use',
    keys: ['component_id', 'activity_id'],
    amounts: ['interactions'],
  },
} as const satisfies Record<string, MonthlyRollup>;

type Row = Record<string, string | number>;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * How support was given, summed in the database from the monthly rollups that every write keeps:
 * interactions, the mode mix, principle use, and component and practice-activity use. The whole
 * organization reads its organization-level rows (a few per calendar month); a selection of
 * engagements sums their engagement-level rows, or, when it holds most of the organization, the
 * organization's rows less those of the engagements left out. Either way the sums equal what the live interactions
 * give (`practiceUse`), and a few rows per mode, principle, component and activity come back.
 */
export class PracticeTotalsRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  /** Every sum `practiceUseFromTotals` needs, over the scope. */
  async totals(scope: PracticeScope): Promise<PracticeTotals> {
    const engagements = await this.summedEngagements(scope.engagementIds);
    const sum = (rollup: MonthlyRollup) => this.summed(rollup, engagements, scope);
    const [interactions, modes, principles, components, activities] = await Promise.all([
      sum(rollups.interactions),
      sum(rollups.modes),
      sum(rollups.principles),
      sum(rollups.components),
      sum(rollups.activities),
    ]);
    return {
      interactions: Number(interactions[0]?.interactions ?? 0),
      modes: modes
        .map((r) => ({ mode: String(r.mode), interactions: Number(r.interactions), minutes: Number(r.minutes) }))
        .sort((a, b) => byText(a.mode, b.mode)),
      principles: principles.map((r) => ({
        principleId: String(r.principle_id),
        interactions: Number(r.interactions),
        ratings: Number(r.ratings),
        ratingSum: Number(r.rating_sum),
      })),
      components: components.map((r) => ({
        componentId: String(r.component_id),
        interactions: Number(r.interactions),
      })),
      activities: activities
        .map((r) => ({
          componentId: String(r.component_id),
          activityId: String(r.activity_id),
          uses: Number(r.interactions),
        }))
        .sort((a, b) => byText(a.componentId, b.componentId) || byText(a.activityId, b.activityId)),
    };
  }

  /**
   * How to sum a selection of engagements: their own rows, or, when they are more than half of the
   * organization's live engagements, the organization's rows less the rows of the others (the
   * organization-level rows are the sums of the live engagements' rows, so the difference is exact,
   * and far fewer rows are read). Null: the whole organization.
   */
  private async summedEngagements(
    ids: readonly string[] | null,
  ): Promise<{ ids: readonly string[] } | { organizationLess: readonly string[] }> {
    if (ids === null) return { organizationLess: [] };
    const live = await this.db
      .selectFrom('engagements')
      .select('id')
      .where('organization_id', '=', this.organizationId)
      .where('deleted_at', 'is', null)
      .execute();
    const selected = new Set(ids);
    if (selected.size * 2 <= live.length) return { ids };
    return { organizationLess: live.map((e) => e.id).filter((id) => !selected.has(id)) };
  }

  /** One rollup summed over the scope's calendar months for the engagements as `summedEngagements` gives them; rows that sum to nothing are left out. */
  private async summed(
    rollup: MonthlyRollup,
    engagements: { ids: readonly string[] } | { organizationLess: readonly string[] },
    scope: PracticeScope,
  ): Promise<Row[]> {
    let sums: Map<string, Row>;
    if ('ids' in engagements) sums = await this.sumOf(rollup, engagements.ids, scope);
    else {
      sums = await this.sumOf(rollup, null, scope);
      if (engagements.organizationLess.length > 0) {
        for (const [key, row] of await this.sumOf(rollup, engagements.organizationLess, scope)) {
          const slot = sums.get(key);
          if (slot) for (const a of rollup.amounts) slot[a] = Number(slot[a]) - Number(row[a]);
        }
      }
    }
    return [...sums.values()].filter((row) => rollup.amounts.some((a) => Number(row[a]) !== 0));
  }

  /**
   * One rollup summed over the scope's calendar months, per its keys: from the organization-level rows
   * for the whole organization (`ids` null), otherwise from the engagement-level rows of each group of
   * engagements (`idGroups`), the groups' sums added up by key.
   */
  private async sumOf(
    rollup: MonthlyRollup,
    ids: readonly string[] | null,
    scope: PracticeScope,
  ): Promise<Map<string, Row>> {
    const byKey = new Map<string, Row>();
    const keys = rollup.keys.map((k) => sql.ref(k));
    const amounts = rollup.amounts.map((a) => sql`coalesce(sum(${sql.ref(a)}), 0) as ${sql.ref(a)}`);
    const period = [
      ...(scope.fromMonth ? [sql`and calendar_month >= ${scope.fromMonth}`] : []),
      ...(scope.toMonth ? [sql`and calendar_month <= ${scope.toMonth}`] : []),
    ];
    for (const group of idGroups(ids)) {
      const table = group === null ? rollup.organizationTable : rollup.engagementTable;
      const among = group === null ? sql`` : sql`and engagement_id in (${sql.join(group)})`;
      const { rows } = await sql<Row>`
        select ${sql.join([...keys, ...amounts])}
        from ${sql.table(table)}
        where ${ofOrganization(this.organizationId, group)} ${among} ${sql.join(period, sql` `)}
        ${keys.length > 0 ? sql`group by ${sql.join(keys)}` : sql``}`.execute(this.db);
      for (const row of rows) {
        const key = rollup.keys.map((k) => row[k]).join('|');
        const slot = byKey.get(key);
        if (!slot) byKey.set(key, { ...row });
        else for (const a of rollup.amounts) slot[a] = Number(slot[a]) + Number(row[a]);
      }
    }
    return byKey;
  }
}
