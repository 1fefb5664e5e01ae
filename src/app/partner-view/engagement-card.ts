import type { PartnerEngagementCard } from '../../domain/partner-view/schemas.ts';
import { stageOn } from '../../domain/support/interaction-rules.ts';
import type { Engagement } from '../../domain/support/schemas.ts';
import type { TenantStore } from '../../store/store.ts';
import type { PartnerScope } from './partner-scope.ts';

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
