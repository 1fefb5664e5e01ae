import { z } from 'zod';

/**
 * How long every list a request can grow may be. Each limit is enforced on write, by the request
 * schema and by every operation that appends to a stored list, and the response schemas use the same
 * one, so a read never fails on data a write accepted. README.md ("Limits") lists them all.
 */

export interface ListLimit {
  /** The record or request that holds the list, as the README's table names it. */
  record: string;
  /** The field, as a request names it. */
  field: string;
  max: number;
  /** What the list holds, for the message. */
  noun: string;
}

const limit = (record: string, field: string, max: number, noun: string): ListLimit => ({
  record,
  field,
  max,
  noun,
});

export const limits = {
  partnerTags: limit('partner', 'tags', 50, 'tags'),
  engagementSupportTeam: limit('engagement', 'supportTeam', 50, 'members of the support team'),
  engagementStages: limit('engagement', 'stages', 100, 'stage changes'),
  engagementGoals: limit('engagement', 'goals', 50, 'goals'),
  interactionComponents: limit('interaction', 'components', 100, 'components'),
  interactionActivities: limit('interaction', 'components[].activityIds', 100, 'activities'),
  interactionPrinciples: limit('interaction', 'principles', 100, 'principles'),
  interactionContacts: limit('interaction', 'participants.contactIds', 500, 'contacts'),
  interactionNextSteps: limit('interaction', 'nextSteps', 100, 'next steps'),
  planGoals: limit('stage plan', 'goals', 50, 'goals'),
  planEmphasis: limit('stage plan', 'emphasis', 100, 'components'),
  planActivities: limit('stage plan', 'activities', 200, 'activities'),
  stageCriteriaMet: limit('stage change', 'criteriaMet', 50, 'exit criteria'),
  waveInstruments: limit('wave', 'instruments', 20, 'instruments'),
  surveyAnswerInstruments: limit('survey answers', 'answers', 20, 'instruments'),
  surveyAnswerItems: limit('survey answers', 'answers.{instrument}', 500, 'answers'),
  answerChoices: limit('survey answers', 'answers.{instrument}.{item}', 100, 'choices'),
  // The ISP self-assessment generated from a model has an item per component and a score per component
  // and one overall, so these stay above the model's limit of components.
  instrumentItems: limit('instrument', 'items', 500, 'items'),
  instrumentAnchors: limit('instrument', 'items[].anchors', 100, 'anchors'),
  instrumentChoices: limit('instrument', 'items[].choices', 100, 'choices'),
  instrumentScores: limit('instrument', 'scores', 200, 'scores'),
  instrumentBlocks: limit('instrument', 'blocks', 500, 'text blocks'),
  scoreItems: limit('instrument', 'scores[].items', 500, 'items'),
  scoreReverseItems: limit('instrument', 'scores[].reverse', 500, 'items'),
  instrumentItemMap: limit('instrument', 'supersedes.itemMap', 500, 'items'),
  instrumentTranslations: limit('instrument', 'translations', 20, 'languages'),
  hypothesisComponents: limit('hypothesis', 'predictor.components', 50, 'components'),
  hypothesisCutpoints: limit('hypothesis', 'predictor.cutpoints', 5, 'cutpoints'),
  // One of each covariate a regression can adjust for.
  hypothesisCovariates: limit('hypothesis', 'covariates', 2, 'covariates'),
  descriptivesEngagements: limit('analysis query', 'engagementId', 200, 'engagements'),
  modelStages: limit('practice model', 'stages', 50, 'stages'),
  modelStageEmphasis: limit('practice model', 'stages[].emphasizes', 100, 'components'),
  modelStageComponents: limit('practice model', 'stages[].typicalComponents', 100, 'components'),
  modelStageExitCriteria: limit('practice model', 'stages[].exitCriteria', 50, 'exit criteria'),
  modelComponentGroups: limit('practice model', 'componentGroups', 50, 'groups'),
  modelComponents: limit('practice model', 'components', 100, 'components'),
  modelActivities: limit('practice model', 'components[].activities', 100, 'activities'),
  modelMechanisms: limit('practice model', 'components[].mechanisms', 100, 'constructs'),
  modelTargetOutcomes: limit('practice model', 'components[].targetOutcomes', 100, 'outcomes'),
  modelPrinciples: limit('practice model', 'principles', 50, 'principles'),
  modelIndicators: limit('practice model', 'principles[].indicators', 50, 'indicators'),
  modelConstructs: limit('practice model', 'constructs', 100, 'constructs'),
  modelOutcomes: limit('practice model', 'outcomes', 100, 'outcomes'),
  modelLinks: limit('practice model', 'links', 1000, 'links'),
  modelIdMap: limit('practice model', 'supersedes.idMap', 20_000, 'ids'),
} as const satisfies Record<string, ListLimit>;

/** The message of a list past its limit; the error's path names the field. */
export const overLimitMessage = (limit: ListLimit): string => `must hold at most ${limit.max} ${limit.noun}`;

/** A list held to its limit. */
export const boundedList = <T extends z.ZodType>(item: T, limit: ListLimit) =>
  z.array(item).max(limit.max, overLimitMessage(limit));

/** A map (object of keys) held to a limit on its number of keys. */
export const boundedRecord = <K extends z.core.$ZodRecordKey, V extends z.ZodType>(
  key: K,
  value: V,
  limit: ListLimit,
) => z.record(key, value).refine((map) => Object.keys(map).length <= limit.max, overLimitMessage(limit));
