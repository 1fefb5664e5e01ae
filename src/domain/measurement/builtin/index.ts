import type { Instrument } from '../instrument.ts';
import { supportExperienceSurvey } from './support-experience.ts';
import { acceptabilityMeasure, appropriatenessMeasure, feasibilityMeasure } from './weiner-measures.ts';

export { ispSelfAssessment, ispSelfAssessmentId } from './isp-self-assessment.ts';

/** The instruments every organization has without publishing anything. */
export const builtinInstruments: readonly Instrument[] = [
  acceptabilityMeasure,
  appropriatenessMeasure,
  feasibilityMeasure,
  supportExperienceSurvey,
];
