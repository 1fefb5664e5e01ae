import type { Instrument } from './instrument.ts';
import type { StoredScore, SurveyResponse } from './schemas.ts';

/**
 * A tidy wide table of one instrument's submitted responses: one row per response, one column per item and
 * per score, and the language the respondent read it in (empty when entered by staff or imported).
 */
export function responseTable(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  scores: readonly StoredScore[],
): { header: string[]; rows: (string | number | null)[][] } {
  const header = [
    'response_id',
    'wave_id',
    'submitted_at',
    'level',
    'partner_id',
    'anonymous',
    'contact_id',
    'answered_version',
    'language',
    ...instrument.items.map((i) => i.id),
    ...instrument.scores.map((s) => `score_${s.id}`),
  ];
  const rows = responses
    .filter((r) => r.status === 'submitted' && instrument.id in r.instrumentVersions)
    .map((r) => {
      const answers = r.answers[instrument.id] ?? {};
      const own = scores.filter((s) => s.responseId === r.id && s.instrumentId === instrument.id);
      return [
        r.id,
        r.waveId,
        r.submittedAt,
        r.level,
        r.partnerId,
        r.anonymous ? 1 : 0,
        r.contactId,
        r.instrumentVersions[instrument.id] ?? null,
        r.language,
        ...instrument.items.map((i) => {
          const value = answers[i.id];
          return value === undefined || value === null ? null : Array.isArray(value) ? value.join(';') : value;
        }),
        ...instrument.scores.map((rule) => own.find((s) => s.scoreId === rule.id)?.value ?? null),
      ];
    });
  return { header, rows };
}
