import { invalid } from '../../domain/errors.ts';
import { checkStagePlan } from '../../domain/plans/plan-rules.ts';
import type { StagePlanInput } from '../../domain/plans/schemas.ts';
import type { TenantStore } from '../../store/store.ts';
import type { StagePlanData } from '../../store/repositories/stage-plans.ts';

/**
 * Checks a stage plan against its engagement, the engagement's model version and the organization's
 * members, and returns what is stored: the input with the model version. Call it inside the write's
 * transaction, after locking the engagement.
 */
export async function checkedStagePlan(tenant: TenantStore, input: StagePlanInput): Promise<StagePlanData> {
  const engagement = await tenant.engagements.find(input.engagementId);
  if (!engagement)
    throw invalid('The stage plan is not valid', [
      { path: 'engagementId', message: `no engagement "${input.engagementId}" in this organization` },
    ]);
  const model = await tenant.models.find(engagement.modelId, engagement.modelVersion);
  if (!model)
    throw invalid('The stage plan is not valid', [
      {
        path: 'engagementId',
        message: `the engagement's model ${engagement.modelId}@${engagement.modelVersion} is not published`,
      },
    ]);
  const memberIds = new Set((await tenant.members.list()).map((member) => member.userId));
  const problems = checkStagePlan(input, { model, memberIds });
  if (problems.length > 0) throw invalid('The stage plan is not valid', problems);
  return { ...input, modelId: model.id, modelVersion: model.version };
}
