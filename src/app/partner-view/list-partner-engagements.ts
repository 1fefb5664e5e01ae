import type { PartnerEngagementCard, PartnerEngagements } from '../../domain/partner-view/schemas.ts';
import { stageOn } from '../../domain/support/interaction-rules.ts';
import type { Engagement } from '../../domain/support/schemas.ts';
import type { TenantStore } from '../../store/store.ts';
import { partnerScopeOf, type PartnerScope } from './partner-scope.ts';
import { partnerWork } from './partner-work.ts';

/** A partner member's home: the engagements of their partner and the partners below it, newest first. */
export async function listPartnerEngagements(
  tenant: TenantStore,
  userId: string,
  now: Date,
): Promise<PartnerEngagements> {
  const scope = await partnerScopeOf(tenant, userId);
  const items: PartnerEngagementCard[] = [];
  for (const engagement of [...scope.engagements].sort((a, b) => b.startDate.localeCompare(a.startDate))) {
    const work = await partnerWork(tenant, scope, engagement.id, now);
    items.push({
      ...(await engagementCard(tenant, scope, engagement, now)),
      openNextSteps: work.nextSteps.length,
      surveysWaiting: work.surveys.length,
    });
  }
  return { partner: scope.partner && { id: scope.partner.id, name: scope.partner.name }, items };
}

/** The engagement as a partner sees it on a card: no support team, no staff text. */
export async function engagementCard(
  tenant: TenantStore,
  scope: PartnerScope,
  engagement: Engagement,
  now: Date,
): Promise<Omit<PartnerEngagementCard, 'openNextSteps' | 'surveysWaiting'>> {
  const model = await tenant.models.find(engagement.modelId, engagement.modelVersion);
  const stageId = stageOn(engagement.stages, now.toISOString().slice(0, 10));
  return {
    id: engagement.id,
    name: engagement.name,
    partnerId: engagement.partnerId,
    partnerName: scope.partners.get(engagement.partnerId)?.name ?? '',
    startDate: engagement.startDate,
    endDate: engagement.endDate,
    currentStageName: (stageId && model?.stages.find((s) => s.id === stageId)?.name) ?? null,
  };
}
