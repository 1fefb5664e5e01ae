import { invalid, type ErrorDetail } from '../../domain/errors.ts';
import { checkInteraction, stageOn } from '../../domain/support/interaction-rules.ts';
import { calendarMonth } from '../../domain/support/months.ts';
import type { Engagement, Interaction, InteractionInput } from '../../domain/support/schemas.ts';
import type { InteractionData } from '../../store/repositories/interactions.ts';
import type { TenantStore } from '../../store/store.ts';
import { modelOf } from '../engagements/engagement-records.ts';

/**
 * What the interaction use cases share. Each write validates against the engagement's model version,
 * updates the component index and the monthly dose rollups, and records history, in one transaction.
 */

async function liveEngagement(tenant: TenantStore, engagementId: string): Promise<Engagement> {
  const engagement = await tenant.engagements.find(engagementId);
  if (!engagement)
    throw invalid('Unknown engagement', [
      { path: 'engagementId', message: `no engagement "${engagementId}" in this organization` },
    ]);
  return engagement;
}

/** Validates an interaction and fills in what the server decides: model version, stage default, partner. */
export async function prepareInteraction(
  tenant: TenantStore,
  input: InteractionInput,
  loggedBy: string,
  pathPrefix = '',
): Promise<{ data: InteractionData; engagement: Engagement }> {
  const engagement = await liveEngagement(tenant, input.engagementId);
  const model = await modelOf(tenant, engagement.modelId, engagement.modelVersion);
  const withStage = { ...input, stageId: input.stageId ?? stageOn(engagement.stages, input.date) };
  const problems: ErrorDetail[] = checkInteraction(withStage, {
    model,
    engagementStart: engagement.startDate,
    engagementEnd: engagement.endDate,
  });
  const known = await tenant.contacts.existing(input.participants.contactIds);
  input.participants.contactIds.forEach((id, i) => {
    if (!known.has(id))
      problems.push({ path: `participants.contactIds[${i}]`, message: `no contact "${id}" in this organization` });
  });
  if (problems.length > 0)
    throw invalid(
      'The interaction is not valid',
      problems.map((p) => ({ ...p, path: pathPrefix + p.path })),
    );
  return {
    engagement,
    data: {
      ...withStage,
      partnerId: engagement.partnerId,
      modelId: engagement.modelId,
      modelVersion: engagement.modelVersion,
      loggedBy,
    },
  };
}

/**
 * Locks the engagement of an existing interaction, and `alsoEngagementId` (where an edit moves it), for
 * the write (`EngagementRepository.lockForWrite`); read the interaction after it. An interaction only
 * moves between engagements while both are locked, so once the engagement it is read in after the lock
 * is locked, it stays there; a move that slipped in before the lock is followed.
 */
export async function lockInteraction(tenant: TenantStore, id: string, alsoEngagementId?: string): Promise<void> {
  const locked = new Set<string>();
  let interaction = await tenant.interactions.find(id, { includeDeleted: true });
  for (;;) {
    const wanted = [interaction?.engagementId, alsoEngagementId].filter(
      (e): e is string => e !== undefined && !locked.has(e),
    );
    if (wanted.length === 0) return;
    await tenant.engagements.lockForWrite(wanted);
    for (const e of wanted) locked.add(e);
    interaction = await tenant.interactions.find(id, { includeDeleted: true });
  }
}

/** Keeps the derived rows and indexes in step with a write: the months of the old version and the new one are recomputed at commit. */
export async function afterWrite(tenant: TenantStore, before: Interaction | null, after: Interaction): Promise<void> {
  if (before) await tenant.derived.touch(before.engagementId, [calendarMonth(before.date)]);
  await tenant.derived.touch(after.engagementId, [calendarMonth(after.date)]);
  await tenant.interactions.writeIndexes(after, { unindexed: before === null });
}
