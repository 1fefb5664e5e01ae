import { sql } from 'kysely';
import type { Engine } from '../database.ts';
import type { Executor } from './executor.ts';

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

/**
 * How an engagement's support was given, summed in the database over its live interactions and their
 * component index: a few rows per mode and per practice activity, however many interactions there are.
 */
export class PracticeTotalsRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
    private readonly engine: Engine,
  ) {}

  /** Interactions and minutes per mode of contact. */
  async modeTotals(engagementId: string): Promise<ModeTotal[]> {
    const rows = await this.db
      .selectFrom('interactions')
      .select(['mode', sql<number>`count(*)`.as('interactions'), sql<number>`sum(duration_minutes)`.as('minutes')])
      .where('organization_id', '=', this.organizationId)
      .where('engagement_id', '=', engagementId)
      .where('deleted_at', 'is', null)
      .groupBy('mode')
      .orderBy('mode')
      .execute();
    return rows.map((r) => ({ mode: r.mode, interactions: Number(r.interactions), minutes: Number(r.minutes) }));
  }

  /** Interactions that used each practice activity of each component (an interaction names a component, and an activity of it, at most once). */
  async activityTotals(engagementId: string): Promise<ActivityTotal[]> {
    // The component index holds rows of live interactions only; each row's activities are a JSON array.
    // Its rows are reached through the organization's interactions by primary key: filtering them by
    // organization as well lets PostgreSQL combine two indexes for every interaction (seconds, not milliseconds).
    const activities = this.engine === 'postgres' ? sql`jsonb_array_elements_text(c.activity_ids::jsonb)` : sql`json_each(c.activity_ids)`;
    const activityId = this.engine === 'postgres' ? sql.raw('a.activity_id') : sql.raw('a.value');
    const alias = this.engine === 'postgres' ? sql.raw('a(activity_id)') : sql.raw('a');
    const rows = await sql<{ component_id: string; activity_id: string; uses: number }>`
      select c.component_id, ${activityId} as activity_id, count(*) as uses
      from interaction_components c
      join interactions i on i.id = c.interaction_id
      cross join ${activities} as ${alias}
      where i.organization_id = ${this.organizationId} and i.engagement_id = ${engagementId} and i.deleted_at is null
      group by c.component_id, ${activityId}
      order by c.component_id, ${activityId}`.execute(this.db);
    return rows.rows.map((r) => ({ componentId: r.component_id, activityId: String(r.activity_id), uses: Number(r.uses) }));
  }
}
