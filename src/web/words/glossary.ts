/** Plain explanations of the terms of the field and of the statistics, shown by HelpTip where the terms appear. */
export const glossary = {
  dose: 'How much support an engagement received: minutes of interaction (and the number of interactions) over a period.',
  'month of relationship':
    'Months since the engagement started: month 1 is its first month, so engagements that began at different times can be compared.',
  entropy:
    'Shannon entropy (−Σ pᵢ ln pᵢ over the share of minutes of each component): 0 when one component takes all the time, higher when time is spread over more components.',
  REML: 'Restricted maximum likelihood: the usual way to estimate the variance parts of a mixed model, less biased in small samples than plain maximum likelihood.',
} as const;

export type GlossaryTerm = keyof typeof glossary;
