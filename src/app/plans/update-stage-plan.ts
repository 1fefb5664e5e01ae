import { invalid } from '../../domain/errors.ts';
import type { StagePlan, StagePlanInput } from '../../domain/plans/schemas.ts';
import type { Store } from '../../store/store.ts';
import { checkedStagePlan } from './stage-plan-context.ts';

/** Replaces a stage plan's goals, emphasis and activities; `version` is the version the editor started from (stale: 409). */
export function updateStagePlan(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  input: StagePlanInput,
  actor: string,
): Promise<StagePlan> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const current = await tenant.stagePlans.require(id);
    await tenant.engagements.lockForWrite([current.engagementId]);
    const moved = [];
    if (input.engagementId !== current.engagementId)
      moved.push({
        path: 'engagementId',
        message: `must stay "${current.engagementId}": a plan belongs to one engagement`,
      });
    if (input.stageId !== current.stageId)
      moved.push({ path: 'stageId', message: `must stay "${current.stageId}": a plan belongs to one stage` });
    if (moved.length > 0) throw invalid('The stage plan is not valid', moved);
    const data = await checkedStagePlan(tenant, input);
    return (await tenant.stagePlans.update(id, version, data, actor)).after;
  });
}
