import type { HypothesisTest } from '../../domain/hypotheses/registration.ts';

/** Plain explanations of the terms of the field and of the statistics, shown by HelpTip where the terms appear. */
export const glossary = {
  dose: 'How much support an engagement received: minutes of interaction (and the number of interactions) over a period.',
  'month of relationship':
    'Months since the engagement started: month 1 is its first month, so engagements that began at different times can be compared.',
  entropy:
    'Shannon entropy (−Σ pᵢ ln pᵢ over the share of minutes of each component): 0 when one component takes all the time, higher when time is spread over more components.',
  'interquartile range':
    'The middle half of the values: from the 25th to the 75th percentile (R type-7 quantiles). Half of the engagements fall inside it.',
  REML: 'Restricted maximum likelihood: the usual way to estimate the variance parts of a mixed model, less biased in small samples than plain maximum likelihood.',
  'mixed model':
    'A regression with a random intercept per engagement, so repeated measurements of one engagement are not counted as independent (lme4 in R, fitted by REML).',
  ICC: 'Intraclass correlation: the share of the outcome’s variance that lies between engagements rather than within them. 0 means engagements do not differ; 1 means all the variation is between engagements.',
  'cluster-robust standard errors':
    'OLS regression whose standard errors allow measurements of the same engagement to be related (CR1, the small-sample correction of the sandwich estimator, as in R’s sandwich::vcovCL).',
  'Spearman correlation':
    'The correlation of the ranks of two measures (ρ, from −1 to 1): how consistently one rises as the other rises, without assuming a straight line.',
  'Mann–Whitney U':
    'A rank test of whether one of two groups tends to have higher values than the other, without assuming normal distributions (R’s wilcox.test).',
  'Kruskal–Wallis':
    'A rank test of whether three or more groups differ in their typical values, without assuming normal distributions (R’s kruskal.test).',
  'p-value':
    'How often a result at least this far from “no relation” would appear by chance if there were no relation. Small p-values are evidence against “no relation”; they do not measure how large the relation is.',
  alpha:
    'The threshold set before the test: a p-value below alpha counts as evidence. It is fixed at registration so the result cannot move it.',
  'effect size':
    'How large the relation is, in units that do not depend on the sample size, with its 95% confidence interval: the range of values compatible with the data.',
} as const;

export type GlossaryTerm = keyof typeof glossary;

/** The term that explains each registered hypothesis test. */
export const testTerms: Record<HypothesisTest, readonly GlossaryTerm[]> = {
  spearman: ['Spearman correlation'],
  'ols-cr1': ['cluster-robust standard errors'],
  'lmm-reml': ['mixed model', 'REML'],
  'mann-whitney': ['Mann–Whitney U'],
  'kruskal-wallis': ['Kruskal–Wallis'],
};

/** The glossary term a label of a statistic starts with ("ICC (engagement)" → "ICC"), if any. */
export const termOfLabel = (label: string): GlossaryTerm | undefined =>
  (Object.keys(glossary) as GlossaryTerm[]).find((term) => label.toLowerCase().startsWith(term.toLowerCase()));
