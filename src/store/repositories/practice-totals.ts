import { sql } from 'kysely';
import type { PracticeTotals } from '../../analysis/dose/practice-totals.ts';
import type { Engine } from '../database.ts';
import { idGroups, type Executor } from './executor.ts';

/** Interactions and minutes of one mode of contact. */
export interface ModeTotal {
  mode: string;
  interactions: number;
  minutes: number;
}

/** How many interactions used one practice activity of one component. */
export interface ActivityTotal {
  componentId: string;
  activityId: string;
  uses: number;
}

/** Which live interactions to sum: those of these engagements, in these calendar months (`YYYY-MM`, inclusive). */
export interface PracticeScope {
  engagementIds: readonly string[];
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
}

/** Runs a grouped sum once per group of the engagement ids (`idGroups`) and adds the groups' rows up by key. */
async function summedOverGroups<Row>(ids: readonly string[], query: (group: readonly string[]) => Promise<Row[]>, keyOf: (row: Row) => string, add: (into: Row, row: Row) => void): Promise<Row[]> {
  const byKey = new Map<string, Row>();
  for (const group of idGroups(ids)) {
    for (const row of await query(group!)) {
      const slot = byKey.get(keyOf(row));
      if (slot) add(slot, row);
      else byKey.set(keyOf(row), row);
    }
  }
  return [...byKey.values()];
}

/**
 * How support was given, summed in the database: interactions, component and principle use from the
 * rollups, and the mode mix and practice-activity uses from the interactions and their component
 * index, grouped in the database. A few rows per mode, component, principle and activity come back,
 * however many interactions there are.
 */
export class PracticeTotalsRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
    private readonly engine: Engine,
  ) {}

  /** Every sum `practiceUseFromTotals` needs, over the scope. */
  async totals(scope: PracticeScope): Promise<PracticeTotals> {
    const [interactions, modes, principles, components, activities] = await Promise.all([
      this.interactionCount(scope),
      this.modeTotals(scope),
      this.principleTotals(scope),
      this.componentTotals(scope),
      this.activityTotals(scope),
    ]);
    return { interactions, modes, principles, components, activities };
  }

  private async interactionCount(scope: PracticeScope): Promise<number> {
    const rows = await summedOverGroups(
      scope.engagementIds,
      async (group) => {
        let query = this.db.selectFrom('engagement_month_dose').select(sql<number>`coalesce(sum(interactions), 0)`.as('interactions')).where('organization_id', '=', this.organizationId).where('engagement_id', 'in', group);
        if (scope.fromMonth) query = query.where('calendar_month', '>=', scope.fromMonth);
        if (scope.toMonth) query = query.where('calendar_month', '<=', scope.toMonth);
        return (await query.execute()).map((r) => ({ key: '', interactions: Number(r.interactions) }));
      },
      (r) => r.key,
      (into, r) => (into.interactions += r.interactions),
    );
    return rows[0]?.interactions ?? 0;
  }

  /** Interactions and minutes per mode of contact. */
  private async modeTotals(scope: PracticeScope): Promise<ModeTotal[]> {
    const rows = await summedOverGroups(
      scope.engagementIds,
      async (group) => {
        let query = this.db
          .selectFrom('interactions')
          .select(['mode', sql<number>`count(*)`.as('interactions'), sql<number>`sum(duration_minutes)`.as('minutes')])
          .where('organization_id', '=', this.organizationId)
          .where('engagement_id', 'in', group)
          .where('deleted_at', 'is', null);
        if (scope.fromMonth) query = query.where('date', '>=', `${scope.fromMonth}-01`);
        if (scope.toMonth) query = query.where('date', '<=', `${scope.toMonth}-31`);
        return (await query.groupBy('mode').execute()).map((r) => ({ mode: r.mode, interactions: Number(r.interactions), minutes: Number(r.minutes) }));
      },
      (r) => r.mode,
      (into, r) => {
        into.interactions += r.interactions;
        into.minutes += r.minutes;
      },
    );
    return rows.sort((a, b) => (a.mode < b.mode ? -1 : 1));
  }

  /** Interactions that applied each principle, and the number and sum of their ratings, from the principle rollup. */
  private async principleTotals(scope: PracticeScope): Promise<PracticeTotals['principles'][number][]> {
    return summedOverGroups(
      scope.engagementIds,
      async (group) => {
        let query = this.db
          .selectFrom('principle_month_use')
          .select(['principle_id', sql<number>`sum(interactions)`.as('interactions'), sql<number>`sum(ratings)`.as('ratings'), sql<number>`sum(rating_sum)`.as('rating_sum')])
          .where('organization_id', '=', this.organizationId)
          .where('engagement_id', 'in', group);
        if (scope.fromMonth) query = query.where('calendar_month', '>=', scope.fromMonth);
        if (scope.toMonth) query = query.where('calendar_month', '<=', scope.toMonth);
        return (await query.groupBy('principle_id').execute()).map((r) => ({ principleId: r.principle_id, interactions: Number(r.interactions), ratings: Number(r.ratings), ratingSum: Number(r.rating_sum) }));
      },
      (r) => r.principleId,
      (into, r) => {
        into.interactions += r.interactions;
        into.ratings += r.ratings;
        into.ratingSum += r.ratingSum;
      },
    );
  }

  /** Interactions that used each component, from the component rollup. */
  private async componentTotals(scope: PracticeScope): Promise<{ componentId: string; interactions: number }[]> {
    return summedOverGroups(
      scope.engagementIds,
      async (group) => {
        let query = this.db
          .selectFrom('component_month_dose')
          .select(['component_id', sql<number>`sum(interactions)`.as('interactions')])
          .where('organization_id', '=', this.organizationId)
          .where('engagement_id', 'in', group);
        if (scope.fromMonth) query = query.where('calendar_month', '>=', scope.fromMonth);
        if (scope.toMonth) query = query.where('calendar_month', '<=', scope.toMonth);
        return (await query.groupBy('component_id').execute()).map((r) => ({ componentId: r.component_id, interactions: Number(r.interactions) }));
      },
      (r) => r.componentId,
      (into, r) => (into.interactions += r.interactions),
    );
  }

  /** Interactions that used each practice activity of each component (an interaction names a component, and an activity of it, at most once). */
  private async activityTotals(scope: PracticeScope): Promise<ActivityTotal[]> {
    // The component index holds rows of live interactions only; each row's activities are a JSON array.
    // Its rows are reached through the organization's interactions by primary key: filtering them by
    // organization as well lets PostgreSQL combine two indexes for every interaction (seconds, not milliseconds).
    const activities = this.engine === 'postgres' ? sql`jsonb_array_elements_text(c.activity_ids::jsonb)` : sql`json_each(c.activity_ids)`;
    const activityId = this.engine === 'postgres' ? sql.raw('a.activity_id') : sql.raw('a.value');
    const alias = this.engine === 'postgres' ? sql.raw('a(activity_id)') : sql.raw('a');
    const rows = await summedOverGroups(
      scope.engagementIds,
      async (group) => {
        const from = scope.fromMonth ? sql` and i.date >= ${`${scope.fromMonth}-01`}` : sql``;
        const to = scope.toMonth ? sql` and i.date <= ${`${scope.toMonth}-31`}` : sql``;
        const result = await sql<{ component_id: string; activity_id: string; uses: number }>`
          select c.component_id, ${activityId} as activity_id, count(*) as uses
          from interaction_components c
          join interactions i on i.id = c.interaction_id
          cross join ${activities} as ${alias}
          where i.organization_id = ${this.organizationId} and i.engagement_id in (${sql.join(group)}) and i.deleted_at is null${from}${to}
          group by c.component_id, ${activityId}`.execute(this.db);
        return result.rows.map((r) => ({ componentId: r.component_id, activityId: String(r.activity_id), uses: Number(r.uses) }));
      },
      (r) => `${r.componentId}|${r.activityId}`,
      (into, r) => (into.uses += r.uses),
    );
    return rows.sort((a, b) => (a.componentId < b.componentId ? -1 : a.componentId > b.componentId ? 1 : a.activityId < b.activityId ? -1 : 1));
  }
}
