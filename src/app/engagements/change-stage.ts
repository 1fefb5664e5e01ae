import { invalid } from '../../domain/errors.ts';
import { limits, overLimitMessage } from '../../model/limits.ts';
import { checkStages } from '../../domain/support/interaction-rules.ts';
import { checkStageExit } from '../../domain/plans/stage-exit.ts';
import type { Engagement, StageChange } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { modelOf } from './engagement-records.ts';

/** Appends a stage change to an engagement's dated stage history. */
export function changeStage(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  stage: StageChange,
  actor: string,
): Promise<Engagement> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const engagement = await tenant.engagements.require(id);
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, ...input } = engagement;
    const next = { ...input, stages: [...input.stages, stage] };
    // The request holds one stage; the history it lengthens is held to the limit of every engagement.
    if (next.stages.length > limits.engagementStages.max)
      throw invalid('The engagement has as many stage changes as it may hold', [
        { path: 'stages', message: overLimitMessage(limits.engagementStages) },
      ]);
    const model = await modelOf(tenant, next.modelId, next.modelVersion);
    const problems = checkStages(next.stages, model, next.startDate).map((p) => ({
      ...p,
      path: p.path.replace(/^stages\[\d+\]\./, ''),
    }));
    // Leaving a stage shows its exit criteria; moving on with any unmet needs a reason, kept in the history.
    problems.push(...checkStageExit(model, input.stages.at(-1)?.stageId ?? null, stage));
    if (problems.length > 0) throw invalid('The stage change is not valid', problems);
    return (await tenant.engagements.update(id, version, next, actor)).after;
  });
}
