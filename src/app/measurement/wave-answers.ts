import { checkAnswers, unansweredItems } from '../../domain/measurement/answers.ts';
import type { Instrument } from '../../domain/measurement/instrument.ts';
import type { SurveyAnswers, Wave } from '../../domain/measurement/schemas.ts';
import { type ErrorDetail } from '../../domain/errors.ts';
import type { TenantStore } from '../../store/store.ts';
import { requireInstrument } from './instruments.ts';

/** The instruments of a wave, at the versions it pins. */
export async function waveInstruments(tenant: TenantStore, wave: Wave): Promise<Instrument[]> {
  const instruments: Instrument[] = [];
  for (const ref of wave.instruments)
    instruments.push(await requireInstrument(tenant, `${ref.instrumentId}@${ref.version}`));
  return instruments;
}

/** Checks answers to a wave's instruments; every problem is named by its path `answers.<instrument>.<item>`. */
export function answerProblems(instruments: readonly Instrument[], answers: SurveyAnswers): ErrorDetail[] {
  const byId = new Map(instruments.map((i) => [i.id, i]));
  const problems: ErrorDetail[] = [];
  for (const [instrumentId, given] of Object.entries(answers)) {
    const instrument = byId.get(instrumentId);
    if (!instrument) problems.push({ path: `answers.${instrumentId}`, message: 'is not an instrument of this survey' });
    else problems.push(...checkAnswers(instrument, given, `answers.${instrumentId}`));
  }
  return problems;
}

/** Required items still unanswered, as problems to show before a submission is accepted. */
export function missingRequired(instruments: readonly Instrument[], answers: SurveyAnswers): ErrorDetail[] {
  return instruments.flatMap((instrument) => {
    const required = new Set(instrument.items.filter((i) => i.required).map((i) => i.id));
    return unansweredItems(instrument, answers[instrument.id] ?? {})
      .filter((id) => required.has(id))
      .map((id) => ({ path: `answers.${instrument.id}.${id}`, message: 'is required' }));
  });
}
