import { invalid } from '../../domain/errors.ts';
import { checkStages } from '../../domain/support/interaction-rules.ts';
import type { Engagement, EngagementInput } from '../../domain/support/schemas.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { TenantStore } from '../../store/store.ts';

/**
 * What the engagement use cases share. Changing an engagement's start date or deleting it keeps the dose
 * rollups true; such writes lock the engagement first, as the writes of its interactions do (`lockForWrite`).
 */

/** The practice model an engagement (or a record of it) was recorded under; refused by `path` when it is not published. */
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

/** Checks an engagement's partner, dates, support team and stage history against its model. */
export async function checkEngagement(tenant: TenantStore, input: EngagementInput): Promise<void> {
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
