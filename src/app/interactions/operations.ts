import { AppError, conflict, invalid, type ErrorDetail } from '../../domain/errors.ts';
import { diversityByRelationshipMonth, relationshipMonthKey } from '../../domain/support/diversity.ts';
import { relationshipMonthDoses } from '../../domain/support/relationship-dose.ts';
import { checkInteraction, stageOn } from '../../domain/support/interaction-rules.ts';
import {
  doseContribution,
  DoseSum,
  openNextStepRows,
  organizationDose,
  type DoseContribution,
  type IndexedNextStep,
} from '../../domain/support/rollups.ts';
import type { Engagement, Interaction, InteractionInput } from '../../domain/support/schemas.ts';
import type { InteractionData } from '../../store/repositories/interactions.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { modelOf } from '../engagements/operations.ts';

/**
 * Logging interactions. Each write validates against the engagement's model version, updates the
 * component index and the monthly dose rollups, and records history, in one transaction.
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
async function lockInteraction(tenant: TenantStore, id: string, alsoEngagementId?: string): Promise<void> {
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

/** Keeps the rollups and indexes in step with a write: the old version's dose out, the new one's in, as one change. */
async function afterWrite(
  tenant: TenantStore,
  before: Interaction | null,
  beforeStart: string | null,
  after: Interaction,
  afterStart: string,
): Promise<void> {
  const change: DoseContribution[] = [];
  if (before && before.deletedAt === null && beforeStart !== null)
    change.push(doseContribution(before, beforeStart, -1));
  if (after.deletedAt === null) change.push(doseContribution(after, afterStart, 1));
  if (change.length > 0) await tenant.dose.applyAll(change);
  await tenant.interactions.writeIndexes(after, { unindexed: before === null });
}

export function logInteraction(
  store: Store,
  organizationId: string,
  input: InteractionInput,
  actor: string,
): Promise<Interaction> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.engagements.lockForWrite([input.engagementId]);
    const { data, engagement } = await prepareInteraction(tenant, input, actor);
    const created = await tenant.interactions.insert(data, actor);
    await afterWrite(tenant, null, null, created, engagement.startDate);
    return created;
  });
}

/** Logs many interactions at once, all or nothing (imports). Every bad row is reported, by row number. */
export function logInteractions(
  store: Store,
  organizationId: string,
  rows: { row: number; input: InteractionInput }[],
  actor: string,
): Promise<Interaction[]> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.engagements.lockForWrite(rows.map((r) => r.input.engagementId));
    const prepared: { data: InteractionData; engagement: Engagement }[] = [];
    const problems: ErrorDetail[] = [];
    for (const { row, input } of rows) {
      try {
        prepared.push(await prepareInteraction(tenant, input, actor));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problems.push(...error.details.map((d) => ({ path: `row ${row}: ${d.path}`, message: d.message })));
      }
    }
    if (problems.length > 0) throw invalid(`${problems.length} problem(s) in the rows; nothing was written`, problems);
    const created: Interaction[] = [];
    for (const { data, engagement } of prepared) {
      const interaction = await tenant.interactions.insert(data, actor);
      await afterWrite(tenant, null, null, interaction, engagement.startDate);
      created.push(interaction);
    }
    return created;
  });
}

export function updateInteraction(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  input: InteractionInput,
  actor: string,
): Promise<Interaction> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await lockInteraction(tenant, id, input.engagementId);
    const current = await tenant.interactions.require(id);
    const { data, engagement } = await prepareInteraction(tenant, input, current.loggedBy);
    const beforeEngagement =
      current.engagementId === engagement.id ? engagement : await tenant.engagements.find(current.engagementId);
    const { before, after } = await tenant.interactions.update(id, version, data, actor);
    await afterWrite(tenant, before, beforeEngagement?.startDate ?? null, after, engagement.startDate);
    return after;
  });
}

export function deleteInteraction(
  store: Store,
  organizationId: string,
  id: string,
  version: number | undefined,
  actor: string,
): Promise<Interaction> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await lockInteraction(tenant, id);
    const before = await tenant.interactions.require(id);
    const engagement = await tenant.engagements.find(before.engagementId);
    const deleted = await tenant.interactions.softDelete(id, version, actor);
    if (engagement) await tenant.dose.apply(doseContribution(before, engagement.startDate, -1));
    await tenant.interactions.writeIndexes(deleted);
    return deleted;
  });
}

export function restoreInteraction(
  store: Store,
  organizationId: string,
  id: string,
  actor: string,
): Promise<Interaction> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await lockInteraction(tenant, id);
    const deleted = await tenant.interactions.require(id, { includeDeleted: true });
    const engagement = await tenant.engagements.find(deleted.engagementId);
    if (!engagement)
      throw conflict('The engagement of this interaction is deleted; restore the engagement first', [
        { path: 'engagementId', message: 'is deleted' },
      ]);
    const restored = await tenant.interactions.restore(id, actor);
    await afterWrite(tenant, null, null, restored, engagement.startDate);
    return restored;
  });
}

export interface DoseDifference {
  table:
    | 'engagement_month_dose'
    | 'relationship_month_dose'
    | 'component_month_dose'
    | 'principle_month_use'
    | 'organization_month_dose'
    | 'organization_component_month_dose'
    | 'organization_relationship_component_dose'
    | 'mode_month_use'
    | 'activity_month_use'
    | 'organization_mode_month_use'
    | 'organization_principle_month_use'
    | 'organization_activity_month_use'
    | 'interaction_next_steps';
  key: string;
  stored: Record<string, number | string | null> | null;
  recomputed: Record<string, number | string | null> | null;
}

/**
 * Recomputes every rollup (engagement and organization level) and the next-step index from raw
 * interactions, and lists every difference from what is stored.
 */
export async function checkDose(
  tenant: TenantStore,
  /** Hears how many interactions have been read, every page of them. */
  progress?: (interactions: number) => void,
): Promise<DoseDifference[]> {
  const engagements = await tenant.engagements.list();
  const starts = new Map(engagements.map((e) => [e.id, e.startDate]));
  // The interactions are read a page at a time and summed as they come, so the check holds sums, never every interaction.
  const sum = new DoseSum();
  const expectedNextSteps: IndexedNextStep[] = [];
  let read = 0;
  for await (const interaction of tenant.interactions.eachLive({}, 2000)) {
    sum.addInteraction(interaction, starts);
    expectedNextSteps.push(...openNextStepRows(interaction));
    read += 1;
    if (read % 2000 === 0) progress?.(read);
  }
  const expected = sum.rows();
  const expectedOrganization = organizationDose(expected);
  const differences: DoseDifference[] = [];
  const compare = <T>(
    table: DoseDifference['table'],
    stored: T[],
    recomputed: T[],
    keyOf: (row: T) => string,
    valuesOf: (row: T) => Record<string, number | string | null>,
  ) => {
    const storedByKey = new Map(stored.map((r) => [keyOf(r), valuesOf(r)]));
    const recomputedByKey = new Map(recomputed.map((r) => [keyOf(r), valuesOf(r)]));
    for (const key of new Set([...storedByKey.keys(), ...recomputedByKey.keys()])) {
      const s = storedByKey.get(key) ?? null;
      const r = recomputedByKey.get(key) ?? null;
      if (JSON.stringify(s) !== JSON.stringify(r)) differences.push({ table, key, stored: s, recomputed: r });
    }
  };
  const monthKey = (r: { engagementId: string; calendarMonth: string; relationshipMonth: number }) =>
    `${r.engagementId} ${r.calendarMonth} m${r.relationshipMonth}`;
  compare('engagement_month_dose', await tenant.dose.engagementMonths(), expected.engagementMonths, monthKey, (r) => ({
    interactions: r.interactions,
    minutes: r.minutes,
  }));
  const diversity = diversityByRelationshipMonth(expected.componentMonths);
  const expectedRelationshipMonths = relationshipMonthDoses(expected.engagementMonths).map((m) => ({
    ...m,
    diversity: diversity.get(relationshipMonthKey(m)) ?? null,
  }));
  compare(
    'relationship_month_dose',
    await tenant.dose.relationshipMonths(),
    expectedRelationshipMonths,
    (r) => `${r.engagementId} m${r.relationshipMonth}`,
    (r) => ({
      interactions: r.interactions,
      minutes: r.minutes,
      componentsUsed: r.diversity?.componentsUsed ?? 0,
      entropy: r.diversity?.entropy ?? 0,
      dominantComponent: r.diversity?.dominantComponent ?? null,
    }),
  );
  compare(
    'component_month_dose',
    await tenant.dose.componentMonths(),
    expected.componentMonths,
    (r) => `${monthKey(r)} ${r.componentId}`,
    (r) => ({ interactions: r.interactions, minutes: r.minutes, activityUses: r.activityUses }),
  );
  compare(
    'principle_month_use',
    await tenant.dose.principleMonths(),
    expected.principleMonths,
    (r) => `${monthKey(r)} ${r.principleId}`,
    (r) => ({ interactions: r.interactions, ratings: r.ratings, ratingSum: r.ratingSum }),
  );
  compare(
    'organization_month_dose',
    await tenant.dose.organizationByCalendarMonth(),
    expectedOrganization.months,
    (r) => r.calendarMonth,
    (r) => ({ interactions: r.interactions, minutes: r.minutes, engagements: r.engagements }),
  );
  compare(
    'organization_component_month_dose',
    await tenant.dose.organizationComponentsByCalendarMonth(),
    expectedOrganization.componentMonths,
    (r) => `${r.calendarMonth} ${r.componentId}`,
    (r) => ({ interactions: r.interactions, minutes: r.minutes, activityUses: r.activityUses }),
  );
  compare(
    'organization_relationship_component_dose',
    await tenant.dose.organizationComponentsByRelationshipMonth(),
    expectedOrganization.relationshipComponents,
    (r) => `m${r.relationshipMonth} ${r.componentId}`,
    (r) => ({ interactions: r.interactions, minutes: r.minutes, activityUses: r.activityUses }),
  );
  compare(
    'mode_month_use',
    await tenant.dose.modeMonths(),
    expected.modeMonths,
    (r) => `${r.engagementId} ${r.calendarMonth} ${r.mode}`,
    (r) => ({ interactions: r.interactions, minutes: r.minutes }),
  );
  compare(
    'activity_month_use',
    await tenant.dose.activityMonths(),
    expected.activityMonths,
    (r) => `${r.engagementId} ${r.calendarMonth} ${r.componentId} ${r.activityId}`,
    (r) => ({ interactions: r.interactions }),
  );
  const storedPractice = await tenant.dose.organizationPracticeByCalendarMonth();
  compare(
    'organization_mode_month_use',
    storedPractice.modeMonths,
    expectedOrganization.modeMonths,
    (r) => `${r.calendarMonth} ${r.mode}`,
    (r) => ({ interactions: r.interactions, minutes: r.minutes }),
  );
  compare(
    'organization_principle_month_use',
    storedPractice.principleMonths,
    expectedOrganization.principleMonths,
    (r) => `${r.calendarMonth} ${r.principleId}`,
    (r) => ({ interactions: r.interactions, ratings: r.ratings, ratingSum: r.ratingSum }),
  );
  compare(
    'organization_activity_month_use',
    storedPractice.activityMonths,
    expectedOrganization.activityMonths,
    (r) => `${r.calendarMonth} ${r.componentId} ${r.activityId}`,
    (r) => ({ interactions: r.interactions }),
  );
  compare(
    'interaction_next_steps',
    await tenant.interactions.openNextSteps(),
    expectedNextSteps,
    (r) => `${r.interactionId} #${r.position}`,
    ({ interactionId: _i, position: _p, ...values }) => values,
  );
  return differences;
}
