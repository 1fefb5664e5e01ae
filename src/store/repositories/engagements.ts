import type { Engagement, EngagementInput, StageChange } from '../../domain/support/schemas.ts';
import type { Executor } from './executor.ts';
import { recordMeta } from './partners.ts';
import { VersionedRepository, type VersionedMapping } from './versioned.ts';

export const engagementMapping: VersionedMapping<Engagement, EngagementInput> = {
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
    supportTeam: JSON.parse(r.support_team as string) as string[],
    startDate: r.start_date as string,
    endDate: r.end_date as string | null,
    modelId: r.model_id as string,
    modelVersion: r.model_version as string,
    stages: JSON.parse(r.stages as string) as StageChange[],
    goals: JSON.parse(r.goals as string) as string[],
  }),
};

/** Support relationships between a support team and a partner. */
export class EngagementRepository extends VersionedRepository<Engagement, EngagementInput> {
  constructor(
    private readonly executor: Executor,
    private readonly orgId: string,
  ) {
    super(executor, orgId, engagementMapping);
  }

  async list(options: { partnerId?: string; includeDeleted?: boolean } = {}): Promise<Engagement[]> {
    let query = this.executor.selectFrom('engagements').selectAll().where('organization_id', '=', this.orgId);
    if (options.partnerId) query = query.where('partner_id', '=', options.partnerId);
    if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
    const rows = await query.orderBy('start_date', 'desc').orderBy('id').execute();
    return rows.map((r) => engagementMapping.fromRow(r as never));
  }

  /** Start dates of every engagement, deleted ones included, for rollup checks. */
  async startDates(): Promise<Map<string, string>> {
    const rows = await this.executor.selectFrom('engagements').select(['id', 'start_date']).where('organization_id', '=', this.orgId).execute();
    return new Map(rows.map((r) => [r.id, r.start_date]));
  }
}
