import type { PublicSurvey } from '../../domain/measurement/schemas.ts';

/** A rough time per question for a respondent reading and answering it, the usual planning figure for short scales. */
export const secondsPerItem = 20;

/** Minutes the survey takes, from its number of questions at `secondsPerItem` each, rounded up; at least 1. */
export function surveyMinutes(survey: Pick<PublicSurvey, 'instruments'>): number {
  const items = survey.instruments.reduce((sum, instrument) => sum + instrument.items.length, 0);
  return Math.max(1, Math.ceil((items * secondsPerItem) / 60));
}
