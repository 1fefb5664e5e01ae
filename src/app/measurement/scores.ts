import { carryAnswers } from '../../domain/measurement/remap.ts';
import type { StoredScore, SurveyResponse } from '../../domain/measurement/schemas.ts';
import { scoreAnswers } from '../../domain/measurement/scoring.ts';
import { nowIso } from '../../store/ids.ts';
import type { TenantStore } from '../../store/store.ts';
import { instrumentLine } from './instrument-line.ts';

/**
 * Scores of a submitted response on one instrument. The response keeps the version it was answered on;
 * scores always use the latest published version, with answers carried over by its item map.
 */
async function scoreOne(tenant: TenantStore, response: SurveyResponse, instrumentId: string): Promise<void> {
  const line = await instrumentLine(tenant, instrumentId);
  const latest = line.at(-1);
  const answeredVersion = response.instrumentVersions[instrumentId];
  if (!latest || answeredVersion === undefined) return;
  const answers = carryAnswers(response.answers[instrumentId] ?? {}, answeredVersion, latest, line);
  const computedAt = nowIso();
  const scores: StoredScore[] = scoreAnswers(latest, answers).map((s) => ({
    responseId: response.id,
    waveId: response.waveId,
    instrumentId,
    answeredVersion,
    scoredVersion: latest.version,
    scoreId: s.scoreId,
    name: s.name,
    outcomeId: s.outcomeId,
    // A rating of a team, organization or system measures at that level; an individual's answers at the rule's level.
    level: response.level === 'individual' ? s.level : response.level,
    partnerId: response.partnerId,
    contactId: response.anonymous ? null : response.contactId,
    value: s.value,
    missingReason: s.missingReason,
    answered: s.answered,
    itemCount: s.itemCount,
    prorated: s.prorated,
    computedAt,
  }));
  await tenant.scores.replace(response.id, instrumentId, response.engagementId, scores);
}

/** Computes the scores of a just-submitted response on every instrument it answers. */
export async function scoreResponse(tenant: TenantStore, response: SurveyResponse): Promise<void> {
  for (const instrumentId of Object.keys(response.instrumentVersions)) await scoreOne(tenant, response, instrumentId);
}

/** Recomputes every submitted response's scores on one instrument (after a new version is published); returns how many. */
export async function rescoreInstrument(tenant: TenantStore, instrumentId: string): Promise<number> {
  const responses = await tenant.responses.listSubmittedWith(instrumentId);
  for (const response of responses) await scoreOne(tenant, response, instrumentId);
  return responses.length;
}
