import type { Anchor } from '../instrument.ts';

/** The five-point agreement scale of Weiner et al. (2017): 1 = completely disagree … 5 = completely agree. */
export const fivePointAgreement: Anchor[] = [
  { value: 1, label: 'Completely disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Neither agree nor disagree' },
  { value: 4, label: 'Agree' },
  { value: 5, label: 'Completely agree' },
];

/**
 * The same scale's labels in Spanish, by value, for an instrument's Spanish translation. A synthetic
 * translation made for the demo, not the wording of a validated Spanish version of any measure.
 */
export const fivePointAgreementSpanish: Record<string, string> = {
  '1': 'Totalmente en desacuerdo',
  '2': 'En desacuerdo',
  '3': 'Ni de acuerdo ni en desacuerdo',
  '4': 'De acuerdo',
  '5': 'Totalmente de acuerdo',
};
