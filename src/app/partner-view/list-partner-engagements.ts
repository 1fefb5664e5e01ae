import type { PartnerEngagementCard, PartnerEngagements } from '../../domain/partner-view/schemas.ts';
import type { TenantStore } from '../../store/store.ts';
import { engagementCard } from './engagement-card.ts';
import { partnerScopeOf } from './partner-scope.ts';
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
