import type { PublicSurvey, SurveyAnswers, SurveyResponse, Wave } from '../../domain/measurement/schemas.ts';
import { unansweredItems } from '../../domain/measurement/answers.ts';
import { AppError, conflict, invalid, notFound } from '../../domain/errors.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { digestSecret } from '../accounts/secrets.ts';
import { answerProblems, missingRequired, waveInstruments } from '../measurement/wave-answers.ts';
import { scoreResponse } from '../measurement/scores.ts';

/**
 * The public side of a survey link: the token is the only credential. It opens one response; it stops
 * working when revoked, when it expires, and once the survey is submitted.
 */

interface OpenSurvey {
  tenant: TenantStore;
  response: SurveyResponse;
  wave: Wave;
}

async function openByToken(store: Store, token: string, now: Date): Promise<OpenSurvey & { organizationId: string }> {
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
    answers: response.answers,
    savedAt: response.updatedAt,
  };
}

/** Merges newly given answers into those saved (null clears one); invalid answers are refused by path and nothing of the request is saved. */
function merge(saved: SurveyAnswers, given: SurveyAnswers): SurveyAnswers {
  const merged: SurveyAnswers = { ...saved };
  for (const [instrumentId, answers] of Object.entries(given))
    merged[instrumentId] = { ...(merged[instrumentId] ?? {}), ...answers };
  return merged;
}

/** Saves answers as they are given: partial saves are fine, and earlier answers are kept. */
export function saveSurveyAnswers(
  store: Store,
  token: string,
  given: SurveyAnswers,
  now = new Date(),
): Promise<{ savedAt: string; unanswered: number }> {
  return store.transaction(async (tx) => {
    const { tenant, response, wave } = await openByToken(tx, token, now);
    const instruments = await waveInstruments(tenant, wave);
    const problems = answerProblems(instruments, given);
    if (problems.length > 0) throw invalid('Some answers are not valid; the others are saved as before', problems);
    const merged = merge(response.answers, given);
    const savedAt = await tenant.responses.saveAnswers(response.id, merged);
    const unanswered = instruments.reduce((n, i) => n + unansweredItems(i, merged[i.id] ?? {}).length, 0);
    return { savedAt, unanswered };
  });
}

/** Submits the survey once: saves any last answers, checks required items, marks it used and computes its scores. */
export function submitSurvey(
  store: Store,
  token: string,
  given: SurveyAnswers = {},
  now = new Date(),
): Promise<{ submittedAt: string }> {
  return store.transaction(async (tx) => {
    const { tenant, response, wave } = await openByToken(tx, token, now);
    const instruments = await waveInstruments(tenant, wave);
    const problems = answerProblems(instruments, given);
    if (problems.length > 0) throw invalid('Some answers are not valid', problems);
    const merged = merge(response.answers, given);
    const missing = missingRequired(instruments, merged);
    if (missing.length > 0)
      throw invalid(
        `Please answer the ${missing.length === 1 ? 'question' : `${missing.length} questions`} marked required; your answers so far are saved`,
        missing,
      );
    await tenant.responses.saveAnswers(response.id, merged);
    const submittedAt = await tenant.responses.markSubmitted(response.id);
    await scoreResponse(tenant, { ...response, answers: merged, status: 'submitted', submittedAt });
    return { submittedAt };
  });
}
