import type { Instrument } from '../../domain/measurement/instrument.ts';
import type { SurveyAnswers, SurveyResponse, Wave } from '../../domain/measurement/schemas.ts';
import { surveyLanguages } from '../../domain/measurement/translations.ts';
import { AppError, conflict, invalid, notFound } from '../../domain/errors.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { digestSecret } from '../accounts/secrets.ts';

/**
 * The public side of a survey link: the token is the only credential. It opens one response; it stops
 * working when revoked, when it expires, and once the survey is submitted.
 */

export interface OpenSurvey {
  tenant: TenantStore;
  response: SurveyResponse;
  wave: Wave;
}

/** Opens the one response a survey link's token stands for, or refuses it: unknown, revoked, used or expired. */
export async function openByToken(
  store: Store,
  token: string,
  now: Date,
): Promise<OpenSurvey & { organizationId: string }> {
  const found = await store.findSurveyResponse(digestSecret(token));
  if (!found) throw notFound('Survey link');
  const { response } = found;
  if (response.revokedAt !== null)
    throw new AppError('forbidden', 'This survey link has been withdrawn by the people who sent it', [
      { path: 'token', message: 'has been revoked' },
    ]);
  if (response.status === 'submitted')
    throw conflict('This survey has already been submitted; thank you. A link can be used once.', [
      { path: 'token', message: 'has been used' },
    ]);
  if (response.expiresAt !== null && response.expiresAt <= now.toISOString()) {
    throw new AppError(
      'forbidden',
      `This survey link expired on ${response.expiresAt.slice(0, 10)}; ask for a new one`,
      [{ path: 'token', message: 'has expired' }],
    );
  }
  const tenant = store.tenant(found.organizationId);
  const wave = await tenant.waves.find(response.waveId);
  if (!wave)
    throw new AppError('forbidden', 'This survey has been withdrawn by the people who sent it', [
      { path: 'token', message: 'its measurement wave has been deleted' },
    ]);
  return { tenant, response, wave, organizationId: found.organizationId };
}

/** Merges newly given answers into those saved (null clears one); invalid answers are refused by path and nothing of the request is saved. */
export function merge(saved: SurveyAnswers, given: SurveyAnswers): SurveyAnswers {
  const merged: SurveyAnswers = { ...saved };
  for (const [instrumentId, answers] of Object.entries(given))
    merged[instrumentId] = { ...(merged[instrumentId] ?? {}), ...answers };
  return merged;
}

/**
 * Keeps the language the respondent chose with the response, when it is one the survey is offered in
 * (else 400 naming `language`, and nothing of the request is saved). A change is kept in the response's
 * history, from which language to which; choosing the same language again writes nothing.
 */
export async function keepLanguage(
  tenant: TenantStore,
  response: SurveyResponse,
  instruments: readonly Instrument[],
  language: string | undefined,
): Promise<void> {
  if (language === undefined) return;
  const offered = surveyLanguages(instruments);
  if (!offered.includes(language))
    throw invalid('This survey is not offered in that language', [
      { path: 'language', message: `"${language}" is not a language of this survey (${offered.join(', ')})` },
    ]);
  if (response.language === language) return;
  await tenant.responses.setLanguage(response.id, language);
  await tenant.recordHistory({
    entity: 'measurement_response',
    entityId: response.id,
    action: 'update',
    actor: null,
    changes: { language: { from: response.language, to: language } },
  });
}
