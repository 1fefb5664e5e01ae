import type { SurveyAnswers } from '../../domain/measurement/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { answerProblems, missingRequired, waveInstruments } from '../measurement/wave-answers.ts';
import { scoreResponse } from '../measurement/scores.ts';
import { keepLanguage, merge, openByToken } from './survey-link.ts';

/** Submits the survey once: saves any last answers, checks required items, marks it used and computes its scores. */
export function submitSurvey(
  store: Store,
  token: string,
  given: SurveyAnswers = {},
  now = new Date(),
  language?: string,
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
    await keepLanguage(tenant, response, instruments, language);
    await tenant.responses.saveAnswers(response.id, merged);
    const submittedAt = await tenant.responses.markSubmitted(response.id);
    await scoreResponse(tenant, { ...response, answers: merged, status: 'submitted', submittedAt });
    return { submittedAt };
  });
}
