import { linkStatus, progressCounts } from '../../domain/measurement/link-status.ts';
import type { SurveyResponse, WaveProgress, WaveResponse } from '../../domain/measurement/schemas.ts';
import type { TenantStore } from '../../store/store.ts';

/** Response progress of a wave: every link with its status and who it is for, and counts by status. */
export async function waveProgress(tenant: TenantStore, waveId: string, now = new Date()): Promise<WaveProgress> {
  await tenant.waves.require(waveId);
  const responses: WaveResponse[] = [];
  for (const response of await tenant.responses.listForWave(waveId))
    responses.push({
      ...response,
      linkStatus: linkStatus(response, now),
      respondent: await respondentLabel(tenant, response),
    });
  return { waveId, counts: progressCounts(responses.map((r) => r.linkStatus)), responses };
}

async function respondentLabel(tenant: TenantStore, response: SurveyResponse): Promise<string> {
  const contact = response.contactId === null ? undefined : await tenant.contacts.find(response.contactId);
  if (contact) return contact.name;
  const unit = response.partnerId === null ? undefined : await tenant.partners.find(response.partnerId);
  if (response.level !== 'individual')
    return unit ? `${unit.name} (${response.level} rating)` : `${response.level} rating`;
  if (response.anonymous) return unit ? `Anonymous, ${unit.name}` : 'Anonymous';
  return unit ? `Someone in ${unit.name}` : 'Unnamed respondent';
}
