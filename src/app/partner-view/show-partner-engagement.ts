import { currentRelationshipMonth } from '../../analysis/dose/engagement-overview.ts';
import type { PartnerEngagementView } from '../../domain/partner-view/schemas.ts';
import { stageOn } from '../../domain/support/interaction-rules.ts';
import type { TenantStore } from '../../store/store.ts';
import { notFound } from '../../domain/errors.ts';
import { engagementCard } from './engagement-card.ts';
import { partnerScopeOf, scopedEngagement } from './partner-scope.ts';
import { partnerWork } from './partner-work.ts';

/**
 * One engagement of a partner member's partner (or a partner below it): its plan, stages, progress in
 * minutes by practice component, the next steps assigned to them and the surveys waiting for them.
 * Another partner's engagement is not found. No interaction, note or stage-change reason is read.
 */
export async function showPartnerEngagement(
  tenant: TenantStore,
  userId: string,
  engagementId: string,
  now: Date,
): Promise<PartnerEngagementView> {
  const scope = await partnerScopeOf(tenant, userId);
  const engagement = scopedEngagement(scope, engagementId);
  const today = now.toISOString().slice(0, 10);
  const model = await tenant.models.find(engagement.modelId, engagement.modelVersion);
  if (!model) throw notFound(`Model "${engagement.modelId}@${engagement.modelVersion}"`);
  const [card, work, months, componentMonths, plans, members] = await Promise.all([
    engagementCard(tenant, scope, engagement, now),
    partnerWork(tenant, scope, engagement.id, now),
    tenant.dose.engagementMonths(engagement.id),
    tenant.dose.componentMonths(engagement.id),
    tenant.stagePlans.list({ engagementIds: [engagement.id] }),
    tenant.members.list(),
  ]);
  const stageName = (id: string) => model.stages.find((s) => s.id === id)?.name ?? id;
  const componentName = (id: string) => model.components.find((c) => c.id === id)?.name ?? id;
  const activityName = (key: string) => {
    const [componentId, activityId] = key.split('/');
    return model.components.find((c) => c.id === componentId)?.activities.find((a) => a.id === activityId)?.label;
  };
  const memberName = new Map(members.map((m) => [m.userId, m.name]));
  const currentStageId = stageOn(engagement.stages, today);
  const byComponent = new Map<string, number>();
  for (const m of componentMonths) byComponent.set(m.componentId, (byComponent.get(m.componentId) ?? 0) + m.minutes);
  const stageOrder = new Map(model.stages.map((s, i) => [s.id, i]));
  return {
    engagement: {
      ...card,
      openNextSteps: work.nextSteps.length,
      surveysWaiting: work.surveys.length,
      goals: engagement.goals,
    },
    stages: engagement.stages.map((s) => ({
      stageId: s.stageId,
      name: stageName(s.stageId),
      startedOn: s.startedOn,
      current: s.stageId === currentStageId,
    })),
    plans: [...plans]
      .sort((a, b) => (stageOrder.get(a.stageId) ?? 0) - (stageOrder.get(b.stageId) ?? 0))
      .map((plan) => ({
        stageId: plan.stageId,
        stageName: stageName(plan.stageId),
        goals: plan.goals,
        emphasis: plan.emphasis.map((e) => ({ ...e, componentName: componentName(e.componentId) })),
        activities: plan.activities.map((a) => ({
          label: (a.activityKey && activityName(a.activityKey)) || a.text,
          ownerName: memberName.get(a.ownerId) ?? '',
          dueDate: a.dueDate,
          status: a.status,
        })),
      })),
    progress: {
      relationshipMonth: currentRelationshipMonth(engagement.startDate, engagement.endDate, today),
      interactions: months.reduce((sum, m) => sum + m.interactions, 0),
      minutes: months.reduce((sum, m) => sum + m.minutes, 0),
      minutesByComponent: [...byComponent]
        .map(([componentId, minutes]) => ({ componentId, name: componentName(componentId), minutes }))
        .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name)),
    },
    nextSteps: work.nextSteps,
    surveys: work.surveys,
  };
}
