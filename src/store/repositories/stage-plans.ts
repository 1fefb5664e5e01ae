import { StagePlan, type StagePlanInput } from '../../domain/plans/schemas.ts';
import { readJsonColumn } from '../json-column.ts';
import type { Executor } from './executor.ts';
import { recordMeta } from './partners.ts';
import { VersionedRepository, type VersionedMapping } from './versioned.ts';

/** What a stage plan stores: the input and the model version it was written under. */
export type StagePlanData = StagePlanInput & { modelId: string; modelVersion: string };

const at = (r: { id: string }, column: string) => ({ table: 'stage_plans', column, id: r.id });

export const stagePlanMapping: VersionedMapping<'stage_plans', StagePlan, StagePlanData> = {
  table: 'stage_plans',
  entity: 'stage_plan',
  label: 'Stage plan',
  columns: (p) => ({
    engagement_id: p.engagementId,
    stage_id: p.stageId,
    model_id: p.modelId,
    model_version: p.modelVersion,
    goals: JSON.stringify(p.goals),
    emphasis: JSON.stringify(p.emphasis),
    activities: JSON.stringify(p.activities),
  }),
  fromRow: (r) => ({
    ...recordMeta(r),
    engagementId: r.engagement_id as string,
    stageId: r.stage_id as string,
    modelId: r.model_id as string,
    modelVersion: r.model_version as string,
    goals: readJsonColumn(StagePlan.shape.goals, r.goals as string, at(r, 'goals')),
    emphasis: readJsonColumn(StagePlan.shape.emphasis, r.emphasis as string, at(r, 'emphasis')),
    activities: readJsonColumn(StagePlan.shape.activities, r.activities as string, at(r, 'activities')),
  }),
};

/** Support plans by stage: at most one live plan per engagement and stage. */
export class StagePlanRepository extends VersionedRepository<'stage_plans', StagePlan, StagePlanData> {
  constructor(
    private readonly executor: Executor,
    private readonly orgId: string,
  ) {
    super(executor, orgId, stagePlanMapping);
  }

  /** The live plans of the given engagements (all of the organization's when none are given), by engagement and stage. */
  async list(options: { engagementIds?: readonly string[]; includeDeleted?: boolean } = {}): Promise<StagePlan[]> {
    let query = this.executor.selectFrom('stage_plans').selectAll().where('organization_id', '=', this.orgId);
    if (options.engagementIds) {
      if (options.engagementIds.length === 0) return [];
      query = query.where('engagement_id', 'in', [...options.engagementIds]);
    }
    if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
    const rows = await query.orderBy('engagement_id').orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => stagePlanMapping.fromRow(r as never));
  }

  /** The live plan of one stage of an engagement. */
  async findForStage(engagementId: string, stageId: string): Promise<StagePlan | undefined> {
    const row = await this.executor
      .selectFrom('stage_plans')
      .selectAll()
      .where('organization_id', '=', this.orgId)
      .where('engagement_id', '=', engagementId)
      .where('stage_id', '=', stageId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row && stagePlanMapping.fromRow(row as never);
  }
}
