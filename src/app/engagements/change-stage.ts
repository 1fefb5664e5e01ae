import { invalid, notFound } from '../../domain/errors.ts';
import { limits, overLimitMessage } from '../../model/limits.ts';
import { checkStages } from '../../domain/support/interaction-rules.ts';
import { checkStageExit } from '../../domain/plans/stage-exit.ts';
import type { Engagement, EngagementInput, StageChange } from '../../domain/support/schemas.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { Store, TenantStore } from '../../store/store.ts';

/**
 * Engagement use cases. Changing an engagement's start date or deleting it keeps the dose rollups true;
 * such writes lock the engagement first, as the writes of its interactions do (`lockForWrite`).
 */

export async function modelOf(
  tenant: TenantStore,
  modelId: string,
  version: string,
  path = 'modelVersion',
): Promise<PracticeModel> {
  const model = await tenant.models.find(modelId, version);
  if (!model)
    throw invalid('Unknown practice model version', [
      { path, message: `model ${modelId}@${version} is not published in this organization` },
    ]);
  return model;
}

async function checkEngagement(tenant: TenantStore, input: EngagementInput): Promise<void> {
  const problems = [];
  if (!(await tenant.partners.find(input.partnerId)))
    problems.push({ path: 'partnerId', message: `no partner "${input.partnerId}" in this organization` });
  if (input.endDate !== null && input.endDate < input.startDate)
    problems.push({ path: 'endDate', message: `is before the start date (${input.startDate})` });
  const members = new Set((await tenant.members.list()).map((m) => m.userId));
  input.supportTeam.forEach((userId, i) => {
    if (!members.has(userId))
      problems.push({ path: `supportTeam[${i}]`, message: `"${userId}" is not a member of this organization` });
  });
  const model = await tenant.models.find(input.modelId, input.modelVersion);
  if (!model)
    problems.push({
      path: 'modelVersion',
      message: `model ${input.modelId}@${input.modelVersion} is not published in this organization`,
    });
  else problems.push(...checkStages(input.stages, model, input.startDate));
  if (problems.length > 0) throw invalid('The engagement is not valid', problems);
}

/** Has one engagement's derived rows recomputed from its live interactions (its start date changed, or on restore). */
export async function rebuildEngagementDose(tenant: TenantStore, engagement: Engagement): Promise<void> {
  await tenant.derived.touchEngagement(engagement.id);
}

export function createEngagement(
  store: Store,
  organizationId: string,
  input: EngagementInput,
  actor: string,
): Promise<Engagement> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await checkEngagement(tenant, input);
    return tenant.engagements.insert(input, actor);
  });
}

export function updateEngagement(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  input: EngagementInput,
  actor: string,
): Promise<Engagement> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.engagements.lockForWrite([id]);
    await checkEngagement(tenant, input);
    const { before, after } = await tenant.engagements.update(id, version, input, actor);
    if (before.startDate !== after.startDate) await rebuildEngagementDose(tenant, after);
    return after;
  });
}

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

export function deleteEngagement(
  store: Store,
  organizationId: string,
  id: string,
  version: number | undefined,
  actor: string,
): Promise<Engagement> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.engagements.lockForWrite([id]);
    const deleted = await tenant.engagements.softDelete(id, version, actor);
    await tenant.derived.touchEngagement(id);
    return deleted;
  });
}

export function restoreEngagement(
  store: Store,
  organizationId: string,
  id: string,
  actor: string,
): Promise<Engagement> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.engagements.lockForWrite([id]);
    const engagement = await tenant.engagements.find(id, { includeDeleted: true });
    if (!engagement) throw notFound('Engagement');
    if (!(await tenant.partners.find(engagement.partnerId)))
      throw invalid('Restore the partner first', [{ path: 'partnerId', message: 'the partner is deleted' }]);
    const restored = await tenant.engagements.restore(id, actor);
    await rebuildEngagementDose(tenant, restored);
    return restored;
  });
}
