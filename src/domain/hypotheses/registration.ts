import { z } from 'zod';
import { elementIdSchema, semverSchema, type PracticeModel } from '../../model/schema.ts';
import type { ErrorDetail } from '../errors.ts';
import { boundedList, limits } from '../../model/limits.ts';
import { Level } from '../support/schemas.ts';

/**
 * A hypothesis registration: what a researcher commits to before seeing results — the model link it
 * tests, the dose that predicts, the outcome it predicts, the direction, the test, the covariates and
 * alpha. Once locked its canonical JSON is hashed and it never changes.
 */

export const hypothesisTests = ['spearman', 'ols-cr1', 'lmm-reml', 'mann-whitney', 'kruskal-wallis'] as const;
export type HypothesisTest = (typeof hypothesisTests)[number];

export const hypothesisDirections = ['positive', 'negative', 'two-sided'] as const;
export type HypothesisDirection = (typeof hypothesisDirections)[number];

/** Covariates the regression tests can adjust for. */
export const hypothesisCovariates = ['baseline-score', 'other-minutes'] as const;
export type HypothesisCovariate = (typeof hypothesisCovariates)[number];

export const testLabels: Record<HypothesisTest, string> = {
  spearman: 'Spearman rank correlation (engagement level)',
  'ols-cr1': 'OLS with CR1 cluster-robust SE by engagement',
  'lmm-reml': 'Linear mixed model, random intercept per engagement (REML)',
  'mann-whitney': 'Mann–Whitney U, two dose groups (engagement level)',
  'kruskal-wallis': 'Kruskal–Wallis, three or more dose groups (engagement level)',
};

export const covariateLabels: Record<HypothesisCovariate, string> = {
  'baseline-score': "the unit's baseline score",
  'other-minutes': 'minutes of all other components in the same months',
};

/** Tests whose predictor is a group (dose bands cut at registered cutpoints) rather than a number. */
export const groupTests: readonly HypothesisTest[] = ['mann-whitney', 'kruskal-wallis'];
/** Tests that can adjust for covariates. */
export const regressionTests: readonly HypothesisTest[] = ['ols-cr1', 'lmm-reml'];

const RelationshipMonth = z.number().int().min(1, 'must be a month of the relationship, 1 or later').max(240);

export const DosePredictor = z.strictObject({
  /** The components whose dose predicts; their minutes (or interactions) are summed. */
  components: boundedList(elementIdSchema, limits.hypothesisComponents).min(1, 'name at least one component'),
  measure: z.enum(['minutes', 'interactions']).default('minutes'),
  /** Months of the relationship, inclusive: months 1–6 are `{from: 1, to: 6}`. */
  months: z.strictObject({ from: RelationshipMonth, to: RelationshipMonth }),
  /**
   * Cutpoints for group tests, in the dose's unit and ascending: one cutpoint gives two groups
   * (below, at or above), two give three. Registered in advance, never taken from the data.
   */
  cutpoints: boundedList(z.number().finite().min(0), limits.hypothesisCutpoints).default([]),
});
export type DosePredictor = z.infer<typeof DosePredictor>;

export const OutcomeTarget = z.strictObject({
  outcomeId: elementIdSchema,
  level: Level,
  /** `score`: the score at the wave; `change`: that score minus the same unit's baseline score. */
  measure: z.enum(['score', 'change']).default('change'),
  /** The month of the relationship the outcome wave falls in. */
  atMonth: RelationshipMonth,
  /** How far (in months) an engagement's wave may fall from `atMonth` and still count; the nearest wave is used. */
  toleranceMonths: z.number().int().min(0).max(6).default(1),
});
export type OutcomeTarget = z.infer<typeof OutcomeTarget>;

export const HypothesisRegistration = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(200),
  /** The hypothesis in words, as it would appear in a preregistration. */
  statement: z.string().trim().min(1, 'is required').max(4000),
  model: z.strictObject({ id: elementIdSchema, version: semverSchema }),
  linkId: elementIdSchema,
  predictor: DosePredictor,
  outcome: OutcomeTarget,
  direction: z.enum(hypothesisDirections),
  test: z.enum(hypothesisTests),
  covariates: boundedList(z.enum(hypothesisCovariates), limits.hypothesisCovariates).default([]),
  alpha: z.number().gt(0, 'must be above 0').max(0.5, 'must be at most 0.5').default(0.05),
});
export type HypothesisRegistration = z.infer<typeof HypothesisRegistration>;
/** A registration as submitted, defaults not yet applied. */
export type HypothesisRegistrationInput = z.input<typeof HypothesisRegistration>;

/**
 * Checks a registration against its model and against itself: the link, components and outcome
 * exist, the window and the wave make sense, and the test fits the predictor, direction and covariates.
 * Returns every problem with its path; an empty list means the registration can be saved.
 */
export function registrationProblems(registration: HypothesisRegistration, model: PracticeModel): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const { predictor, outcome, test } = registration;
  const link = model.links.find((l) => l.id === registration.linkId);
  const componentIds = new Set(model.components.map((c) => c.id));
  const modelOutcome = model.outcomes.find((o) => o.id === outcome.outcomeId);

  if (model.id !== registration.model.id || model.version !== registration.model.version) {
    problems.push({
      path: 'model',
      message: `is ${registration.model.id}@${registration.model.version}, but was checked against ${model.id}@${model.version}`,
    });
  }
  if (!link)
    problems.push({
      path: 'linkId',
      message: `model ${model.id}@${model.version} has no link "${registration.linkId}"`,
    });
  predictor.components.forEach((id, i) => {
    if (!componentIds.has(id))
      problems.push({ path: `predictor.components[${i}]`, message: `model has no component "${id}"` });
  });
  if (new Set(predictor.components).size !== predictor.components.length)
    problems.push({ path: 'predictor.components', message: 'names a component more than once' });
  if (link && componentIds.has(link.from) && !predictor.components.includes(link.from)) {
    problems.push({
      path: 'predictor.components',
      message: `must include "${link.from}", the component link ${link.id} starts from`,
    });
  }
  if (predictor.months.to < predictor.months.from)
    problems.push({ path: 'predictor.months.to', message: `is before months.from (${predictor.months.from})` });

  if (!modelOutcome)
    problems.push({ path: 'outcome.outcomeId', message: `model has no outcome "${outcome.outcomeId}"` });
  else if (!modelOutcome.levels.includes(outcome.level)) {
    problems.push({
      path: 'outcome.level',
      message: `${modelOutcome.id} is measured at ${modelOutcome.levels.join(', ')}, not ${outcome.level}`,
    });
  }
  if (link && model.outcomes.some((o) => o.id === link.to) && link.to !== outcome.outcomeId) {
    problems.push({ path: 'outcome.outcomeId', message: `must be "${link.to}", the outcome link ${link.id} leads to` });
  }
  if (outcome.atMonth < predictor.months.to) {
    problems.push({
      path: 'outcome.atMonth',
      message: `is before the end of the dose window (month ${predictor.months.to}); dose after the outcome cannot predict it`,
    });
  }

  const cutpoints = predictor.cutpoints;
  if (groupTests.includes(test)) {
    const needed =
      test === 'mann-whitney' ? 'exactly one cutpoint (two groups)' : 'two or more cutpoints (three or more groups)';
    if (test === 'mann-whitney' ? cutpoints.length !== 1 : cutpoints.length < 2)
      problems.push({ path: 'predictor.cutpoints', message: `${testLabels[test]} needs ${needed}` });
    if (cutpoints.some((c, i) => i > 0 && c <= cutpoints[i - 1]!))
      problems.push({ path: 'predictor.cutpoints', message: 'must be strictly ascending' });
  } else if (cutpoints.length > 0) {
    problems.push({
      path: 'predictor.cutpoints',
      message: `are only used by group tests; ${testLabels[test]} takes the dose as a number`,
    });
  }
  if (test === 'kruskal-wallis' && registration.direction !== 'two-sided') {
    problems.push({
      path: 'direction',
      message: 'Kruskal–Wallis compares three or more groups and has no direction; register it as two-sided',
    });
  }
  if (registration.covariates.length > 0 && !regressionTests.includes(test)) {
    problems.push({
      path: 'covariates',
      message: `only the regression tests (OLS, mixed model) adjust for covariates; ${testLabels[test]} cannot`,
    });
  }
  if (new Set(registration.covariates).size !== registration.covariates.length)
    problems.push({ path: 'covariates', message: 'names a covariate more than once' });
  return problems;
}
