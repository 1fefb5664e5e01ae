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

  /**
   * The engagements active on `today` (of one person's support team, when `supportedBy` is given) that
   * most need someone to act, at most `limit`: those with an
   * open next step due before `today` first, then the longest without contact (never contacted before
   * all), then by name. Set-based: per active engagement one seek of the (engagement, due date)
   * next-step index and one of the (engagement, date) interaction index to order them; partner names
   * are read for the chosen engagements only.
   */
  async needingAttention(
    today: string,
    options: { limit?: number; supportedBy?: string } = {},
  ): Promise<
    {
      engagement: Pick<Engagement, 'id' | 'name' | 'partnerId' | 'supportTeam' | 'modelId' | 'modelVersion' | 'stages'>;
      partnerName: string;
      lastContact: string | null;
    }[]
  > {
    const org = this.orgId;
    const active = this.executor
      .selectFrom('engagements')
      .select((eb) => [
        'engagements.id',
        'engagements.name',
        'engagements.partner_id',
        'engagements.support_team',
        'engagements.model_id',
        'engagements.model_version',
        'engagements.stages',
        eb
          .exists(
            eb
              .selectFrom('interaction_next_steps as s')
              .select('s.engagement_id')
              .where('s.organization_id', '=', org)
              .whereRef('s.engagement_id', '=', 'engagements.id')
              .where('s.due_date', '<', today),
          )
          .as('has_overdue'),
        eb
          .selectFrom('interactions as i')
          .select('i.date')
          .where('i.organization_id', '=', org)
          .whereRef('i.engagement_id', '=', 'engagements.id')
          .where('i.deleted_at', 'is', null)
          .orderBy('i.date', 'desc')
          .limit(1)
          .as('last_contact'),
      ])
      .where('engagements.organization_id', '=', org)
      .where('engagements.deleted_at', 'is', null)
      .where('engagements.start_date', '<=', today)
      .where((eb) => eb.or([eb('engagements.end_date', 'is', null), eb('engagements.end_date', '>=', today)]))
      // The team is a JSON array of ids: a LIKE narrows the rows, the parsed array decides below.
      .$if(options.supportedBy !== undefined, (q) =>
        q.where('engagements.support_team', 'like', `%${JSON.stringify(options.supportedBy)}%`),
      );
    // Ordered outside the derived table: PostgreSQL reads output names in ORDER BY only bare.
    const ranked = await this.executor
      .selectFrom(active.as('a'))
      .selectAll()
      .orderBy(sql`case when ${sql.ref('a.has_overdue')} then 0 else 1 end`)
      // Never contacted sorts as the oldest contact on both engines ('' before any date).
      .orderBy(sql`coalesce(${sql.ref('a.last_contact')}, '')`)
      .orderBy('a.name')
      .orderBy('a.id')
      .$if(options.limit !== undefined, (q) => q.limit(options.limit!))
      .execute();
    if (ranked.length === 0) return [];
    const partners = await this.executor
      .selectFrom('partners')
      .select(['id', 'name'])
      .where('organization_id', '=', org)
      .where('id', 'in', [...new Set(ranked.map((r) => r.partner_id))])
      .execute();
    const partnerNames = new Map(partners.map((p) => [p.id, p.name]));
    const chosen = ranked.map((r) => ({
      engagement: {
        id: r.id,
        name: r.name,
        partnerId: r.partner_id,
        supportTeam: readJsonColumn(Engagement.shape.supportTeam, r.support_team, at(r, 'support_team')),
        modelId: r.model_id,
        modelVersion: r.model_version,
        stages: readJsonColumn(Engagement.shape.stages, r.stages, at(r, 'stages')),
      },
      partnerName: partnerNames.get(r.partner_id) ?? '',
      lastContact: r.last_contact ?? null,
    }));
    const person = options.supportedBy;
    return person === undefined ? chosen : chosen.filter((c) => c.engagement.supportTeam.includes(person));
  }

  /** Names of the given engagements (deleted and ended ones included), by id. */
  async namesOf(ids: readonly string[], activeOn?: string): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    let query = this.executor
      .selectFrom('engagements')
      .select(['id', 'name'])
      .where('organization_id', '=', this.orgId)
      .where('id', 'in', [...new Set(ids)]);
    if (activeOn !== undefined)
      query = query
        .where('deleted_at', 'is', null)
        .where('start_date', '<=', activeOn)
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', activeOn)]));
    const rows = await query.execute();
    return new Map(rows.map((r) => [r.id, r.name]));
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
