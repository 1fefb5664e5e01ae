import type { PublicSurvey } from '../../domain/measurement/schemas.ts';
import { surveyLanguages } from '../../domain/measurement/translations.ts';
import type { Store } from '../../store/store.ts';
import { waveInstruments } from '../measurement/wave-answers.ts';
import { openByToken } from './survey-link.ts';

/** The questions of a survey link and the answers saved so far. */
export async function readSurvey(store: Store, token: string, now = new Date()): Promise<PublicSurvey> {
  const { tenant, response, wave, organizationId } = await openByToken(store, token, now);
  const instruments = await waveInstruments(tenant, wave);
  const [organization, engagement] = await Promise.all([
    store.organizations.findById(organizationId),
    tenant.engagements.find(wave.engagementId, { includeDeleted: true }),
  ]);
  const partner = engagement ? await tenant.partners.find(engagement.partnerId, { includeDeleted: true }) : undefined;
  return {
    title: wave.name,
    askedBy: {
      organization: organization?.name ?? '',
      engagement: engagement?.name ?? '',
      partner: partner?.name ?? null,
    },
    status: response.status,
    expiresAt: response.expiresAt,
    anonymous: response.anonymous,
    instruments,
    languages: surveyLanguages(instruments),
    language: response.language,
    answers: response.answers,
    savedAt: response.updatedAt,
  };
}
