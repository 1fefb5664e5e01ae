import { conflict } from '../../domain/errors.ts';
import type { StagePlan, StagePlanInput } from '../../domain/plans/schemas.ts';
import type { Store } from '../../store/store.ts';
import { checkedStagePlan } from './stage-plan-context.ts';

/** Writes the plan of one stage of an engagement; an engagement holds one live plan per stage. */
export function createStagePlan(
  store: Store,
  organizationId: string,
  input: StagePlanInput,
  actor: string,
): Promise<StagePlan> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    // The lock makes "one live plan per stage" hold for two people creating it at once.
    await tenant.engagements.lockForWrite([input.engagementId]);
    const data = await checkedStagePlan(tenant, input);
    const existing = await tenant.stagePlans.findForStage(input.engagementId, input.stageId);
    if (existing)
      throw conflict(`The engagement already has a plan for stage "${input.stageId}"; edit that one`, [
        { path: 'stageId', message: `has a plan already (id ${existing.id}, version ${existing.version})` },
      ]);
    return tenant.stagePlans.insert(data, actor);
  });
}
