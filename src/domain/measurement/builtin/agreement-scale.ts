import type { Anchor } from '../instrument.ts';

/** The five-point agreement scale of Weiner et al. (2017): 1 = completely disagree … 5 = completely agree. */
export const fivePointAgreement: Anchor[] = [
  { value: 1, label: 'Completely disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Neither agree nor disagree' },
  { value: 4, label: 'Agree' },
  { value: 5, label: 'Completely agree' },
];
