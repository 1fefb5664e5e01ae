import type { SurveyAnswers } from '../../domain/measurement/schemas.ts';
import { unansweredItems } from '../../domain/measurement/answers.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { answerProblems, waveInstruments } from '../measurement/wave-answers.ts';
import { keepLanguage, merge, openByToken } from './survey-link.ts';

/** Saves answers as they are given, and the language they are read in: partial saves are fine, and earlier answers are kept. */
export function saveSurveyAnswers(
  store: Store,
  token: string,
  given: SurveyAnswers,
  now = new Date(),
  language?: string,
): Promise<{ savedAt: string; unanswered: number }> {
  return store.transaction(async (tx) => {
    const { tenant, response, wave } = await openByToken(tx, token, now);
    const instruments = await waveInstruments(tenant, wave);
    const problems = answerProblems(instruments, given);
    if (problems.length > 0) throw invalid('Some answers are not valid; the others are saved as before', problems);
    await keepLanguage(tenant, response, instruments, language);
    const merged = merge(response.answers, given);
    const savedAt = await tenant.responses.saveAnswers(response.id, merged);
    const unanswered = instruments.reduce((n, i) => n + unansweredItems(i, merged[i.id] ?? {}).length, 0);
    return { savedAt, unanswered };
  });
}
