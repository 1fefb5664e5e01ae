import type { Instrument } from '../instrument.ts';
import { fivePointAgreement } from './agreement-scale.ts';

const citation =
  'Weiner BJ, Lewis CC, Stanick C, Powell BJ, Dorsey CN, Clary AS, Boynton MH, Halko H. Psychometric assessment of three newly developed implementation outcome measures. Implementation Science. 2017;12:108. doi:10.1186/s13012-017-0635-3';
const termsOfUse =
  'Published open access (CC BY 4.0). Free to use with citation. Items here are worded about the support received, in place of "[intervention]" in the published items.';

/** One of the three four-item measures: items worded about the support received, score = mean of the items. */
function weinerMeasure(
  id: string,
  name: string,
  construct: string,
  statements: [string, string, string, string],
): Instrument {
  const prefix = id.split('-')[0]!;
  const items = statements.map((text, i) => ({
    id: `${prefix}-${i + 1}`,
    text,
    required: true,
    type: 'agreement' as const,
    anchors: fivePointAgreement,
  }));
  return {
    id,
    version: '1.0.0',
    name,
    description: `${construct} of the support received, on the four items of Weiner et al. (2017), five-point agreement scale; the score is the mean of the items.`,
    citation,
    termsOfUse,
    provenance: 'published',
    modelId: 'eis-toc',
    items,
    blocks: [],
    scores: [
      {
        id: prefix,
        name,
        method: 'mean',
        items: items.map((i) => i.id),
        reverse: [],
        minAnswered: 4,
        outcomeId: 'experience-of-support',
        level: 'individual',
      },
    ],
  };
}

/** Acceptability of Intervention Measure (AIM), about the support received. */
export const acceptabilityMeasure = weinerMeasure(
  'aim-support',
  'Acceptability of Intervention Measure (AIM), about support',
  'Acceptability',
  [
    'The support we receive meets our approval.',
    'The support we receive is appealing to us.',
    'We like the support we receive.',
    'We welcome the support we receive.',
  ],
);

/** Intervention Appropriateness Measure (IAM), about the support received. */
export const appropriatenessMeasure = weinerMeasure(
  'iam-support',
  'Intervention Appropriateness Measure (IAM), about support',
  'Appropriateness',
  [
    'The support we receive seems fitting.',
    'The support we receive seems suitable.',
    'The support we receive seems applicable.',
    'The support we receive seems like a good match.',
  ],
);

/** Feasibility of Intervention Measure (FIM), about the support received. */
export const feasibilityMeasure = weinerMeasure(
  'fim-support',
  'Feasibility of Intervention Measure (FIM), about support',
  'Feasibility',
  [
    'The support we receive seems implementable.',
    'The support we receive seems possible.',
    'The support we receive seems doable.',
    'The support we receive seems easy to use.',
  ],
);
