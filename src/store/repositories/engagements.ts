import { sql } from 'kysely';
import { Engagement, type EngagementInput } from '../../domain/support/schemas.ts';
import { readJsonColumn } from '../json-column.ts';
import type { Engine } from '../database.ts';
import type { Executor } from './executor.ts';
import { recordMeta } from './partners.ts';
import { VersionedRepository, type VersionedMapping } from './versioned.ts';

const at = (r: { id: string }, column: string) => ({ table: 'engagements', column, id: r.id });

export const engagementMapping: VersionedMapping<'engagements', Engagement, EngagementInput> = {
  table: 'engagements',
  entity: 'engagement',
  label: 'Engagement',
  columns: (e) => ({
    partner_id: e.partnerId,
    name: e.name,
    support_team: JSON.stringify(e.supportTeam),
    start_date: e.startDate,
    end_date: e.endDate,
    model_id: e.modelId,
    model_version: e.modelVersion,
    stages: JSON.stringify(e.stages),
    goals: JSON.stringify(e.goals),
  }),
  fromRow: (r) => ({
    ...recordMeta(r),
    partnerId: r.partner_id as string,
    name: r.name as string,
    supportTeam: readJsonColumn(Engagement.shape.supportTeam, r.support_team, at(r, 'support_team')),
    startDate: r.start_date as string,
    endDate: r.end_date as string | null,
    modelId: r.model_id as string,
    modelVersion: r.model_version as string,
    stages: readJsonColumn(Engagement.shape.stages, r.stages, at(r, 'stages')),
    goals: readJsonColumn(Engagement.shape.goals, r.goals, at(r, 'goals')),
  }),
};

/** Support relationships between a support team and a partner. */
export class EngagementRepository extends VersionedRepository<'engagements', Engagement, EngagementInput> {
  constructor(
    private readonly executor: Executor,
    private readonly orgId: string,
    private readonly engine: Engine,
  ) {
    super(executor, orgId, engagementMapping);
  }

  /**
   * Locks engagements for a write of their interactions, their liveness or their start date, until the
   * transaction ends: call it first, and read the engagement, its interactions and its rollups after it.
   * Each engagement's rollups are kept by signed deltas computed from what the write reads, so two
   * writes of one engagement must not both read before either has written: under PostgreSQL's READ
   * COMMITTED, an interaction restored while its engagement is deleted would add its dose after the
   * engagement's rollups were cleared, and an interaction deleted with its engagement would be
   * subtracted twice. With the lock, the second write waits for the first's commit and then reads it.
   * Engagements are locked in id order, so writes of several cannot deadlock. NO KEY UPDATE does not
   * conflict with the KEY SHARE lock an interaction insert takes on its engagement, but does with
   * another writer's lock and with any update of the engagement row. On SQLite a write transaction
   * already holds the database's one write lock (`BEGIN IMMEDIATE`), so there is nothing to take.
   */
  async lockForWrite(engagementIds: Iterable<string>): Promise<void> {
    const ids = [...new Set(engagementIds)].sort();
    if (this.engine !== 'postgres' || ids.length === 0) return;
    await this.executor
      .selectFrom('engagements')
      .select('id')
      .where('organization_id', '=', this.orgId)
      .where('id', 'in', ids)
      .orderBy('id')
      .forNoKeyUpdate()
      .execute();
  }

  async list(options: { partnerId?: string; includeDeleted?: boolean } = {}): Promise<Engagement[]> {
    let query = this.executor.selectFrom('engagements').selectAll().where('organization_id', '=', this.orgId);
    if (options.partnerId) query = query.where('partner_id', '=', options.partnerId);
    if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
    const rows = await query.orderBy('start_date', 'desc').orderBy('id').execute();
    return rows.map((r) => engagementMapping.fromRow(r as never));
  }

  /** How many live engagements there are, and how many of them are active on `today` (started, not ended). */
  async count(today: string): Promise<{ all: number; active: number }> {
    const row = await this.executor
      .selectFrom('engagements')
      .select([
        sql<number>`count(*)`.as('all'),
        sql<number>`coalesce(sum(case when start_date <= ${today} and (end_date is null or end_date >= ${today}) then 1 else 0 end), 0)`.as(
          'active',
        ),
      ])
      .where('organization_id', '=', this.orgId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { all: Number(row.all), active: Number(row.active) };
  }

  /** Start dates of every engagement, deleted ones included, for rollup checks. */
  async startDates(): Promise<Map<string, string>> {
    const rows = await this.executor
      .selectFrom('engagements')
      .select(['id', 'start_date'])
      .where('organization_id', '=', this.orgId)
      .execute();
    return new Map(rows.map((r) => [r.id, r.start_date]));
  }
}
