import { linkStatus } from '../../domain/measurement/link-status.ts';
import { isAssignedTo } from '../../domain/partner-view/rules.ts';
import type { PartnerNextStep, PartnerSurvey } from '../../domain/partner-view/schemas.ts';
import type { TenantStore } from '../../store/store.ts';
import type { PartnerScope } from './partner-scope.ts';

/** What waits for the member in one engagement: their open next steps and their open survey links. */
export async function partnerWork(
  tenant: TenantStore,
  scope: PartnerScope,
  engagementId: string,
  now: Date,
): Promise<{ nextSteps: PartnerNextStep[]; surveys: PartnerSurvey[] }> {
  const today = now.toISOString().slice(0, 10);
  const ownContacts = new Set(scope.ownContacts.map((c) => c.id));
  const [steps, waves] = await Promise.all([
    tenant.interactions.openNextSteps(engagementId),
    tenant.waves.listForEngagement(engagementId),
  ]);
  const nextSteps = steps
    .filter((s) => isAssignedTo(s, scope.member))
    .map((s) => ({
      text: s.text,
      owner: s.owner,
      dueDate: s.dueDate,
      overdue: s.dueDate !== null && s.dueDate < today,
    }))
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  const surveys: PartnerSurvey[] = [];
  if (ownContacts.size > 0)
    for (const wave of waves)
      for (const response of await tenant.responses.listForWave(wave.id)) {
        if (response.contactId === null || !ownContacts.has(response.contactId)) continue;
        const status = linkStatus(response, now);
        if (status === 'unused' || status === 'started')
          surveys.push({ waveName: wave.name, scheduledOn: wave.scheduledOn, status, expiresAt: response.expiresAt });
      }
  return { nextSteps, surveys };
}
