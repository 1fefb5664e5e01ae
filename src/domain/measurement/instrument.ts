import { z } from 'zod';
import { elementIdSchema, OUTCOME_LEVELS, semverSchema } from '../../model/schema.ts';
import { boundedList, boundedRecord, limits } from '../limits.ts';

/**
 * A measurement instrument as data: items, scoring rules and the model outcome each score measures.
 * Versions are immutable documents, like practice models; a response keeps the version it was answered on.
 */

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what} must not be empty` });

export const ScaleValue = z.number().int({ error: 'must be a whole number' });

export const Anchor = z.strictObject({ value: ScaleValue, label: text('label') });
export type Anchor = z.infer<typeof Anchor>;

const itemFields = {
  id: elementIdSchema,
  text: text('text'),
  /** Whether the survey page asks the respondent to answer it (never enforced on partial saves). */
  required: z.boolean().default(false),
};

export const AgreementItem = z.strictObject({
  ...itemFields,
  type: z.literal('agreement'),
  anchors: boundedList(Anchor, limits.instrumentAnchors).min(2, {
    error: 'an agreement scale needs at least two anchors',
  }),
});
export const NumericItem = z.strictObject({
  ...itemFields,
  type: z.literal('numeric'),
  min: z.number(),
  max: z.number(),
  integer: z.boolean().default(true),
});
export const SingleChoiceItem = z.strictObject({
  ...itemFields,
  type: z.literal('single-choice'),
  choices: boundedList(Anchor, limits.instrumentChoices).min(2, { error: 'a choice item needs at least two choices' }),
});
export const MultipleChoiceItem = z.strictObject({
  ...itemFields,
  type: z.literal('multiple-choice'),
  choices: boundedList(Anchor, limits.instrumentChoices).min(1, { error: 'a choice item needs at least one choice' }),
});
export const FreeTextItem = z.strictObject({
  ...itemFields,
  type: z.literal('free-text'),
  maxLength: z.number().int().min(1).max(20_000).default(2000),
});

export const Item = z.discriminatedUnion('type', [
  AgreementItem,
  NumericItem,
  SingleChoiceItem,
  MultipleChoiceItem,
  FreeTextItem,
]);
export type Item = z.infer<typeof Item>;
export type ItemType = Item['type'];

export const SCORING_METHODS = ['mean', 'sum'] as const;

/** A scoring rule: a total or subscale over some items, and the model outcome and level it measures. */
export const ScoringRule = z.strictObject({
  id: elementIdSchema,
  name: text('name'),
  method: z.enum(SCORING_METHODS),
  items: boundedList(elementIdSchema, limits.scoreItems).min(1, { error: 'a score needs at least one item' }),
  /** Items scored in reverse: value becomes (scale minimum + scale maximum − value). */
  reverse: boundedList(elementIdSchema, limits.scoreReverseItems).default([]),
  /** Fewest answered items for a score; with fewer, the score is missing and says why. Default: all items. */
  minAnswered: z.number().int().min(1).optional(),
  outcomeId: elementIdSchema.optional().describe('The practice-model outcome this score measures.'),
  level: z.enum(OUTCOME_LEVELS).optional().describe('The level at which the score measures the outcome.'),
});
export type ScoringRule = z.infer<typeof ScoringRule>;

/** How answers given on an earlier version carry over to this one: old item id → new id, or null when dropped. */
export const InstrumentSupersession = z.strictObject({
  version: semverSchema,
  itemMap: boundedRecord(elementIdSchema, elementIdSchema.nullable(), limits.instrumentItemMap).default({}),
  note: z.string().optional(),
});

export const Instrument = z.strictObject({
  id: elementIdSchema,
  version: semverSchema,
  name: text('name'),
  description: z.string().default(''),
  citation: z.string().default(''),
  termsOfUse: z.string().default(''),
  /** `published`: wording from the cited source. `operationalized`: Praxis's own or adapted wording. */
  provenance: z.enum(['published', 'operationalized']).default('operationalized'),
  /** The practice model whose outcome ids the scores name, when not the default. */
  modelId: elementIdSchema.default('eis-toc'),
  supersedes: InstrumentSupersession.optional(),
  items: boundedList(Item, limits.instrumentItems).min(1, { error: 'an instrument needs at least one item' }),
  scores: boundedList(ScoringRule, limits.instrumentScores).default([]),
});
export type Instrument = z.infer<typeof Instrument>;
export type InstrumentInput = z.input<typeof Instrument>;

/** One answer: a scale value, several choice values, free text, or null for "not answered". */
export const AnswerValue = z.union([
  z.number(),
  boundedList(z.number(), limits.answerChoices),
  z.string().max(20_000),
  z.null(),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;
/** Answers to one instrument, by item id. */
export const InstrumentAnswers = boundedRecord(z.string().max(100), AnswerValue, limits.surveyAnswerItems);
export type InstrumentAnswers = z.infer<typeof InstrumentAnswers>;

/** The items a score can use: those with an ordered numeric scale. */
export const scoreableTypes: ReadonlySet<ItemType> = new Set(['agreement', 'numeric', 'single-choice']);

/** The lowest and highest value an item's scale allows, for reverse scoring; undefined when it has no scale. */
export function scaleRange(item: Item): { min: number; max: number } | undefined {
  switch (item.type) {
    case 'agreement':
      return { min: Math.min(...item.anchors.map((a) => a.value)), max: Math.max(...item.anchors.map((a) => a.value)) };
    case 'single-choice':
      return { min: Math.min(...item.choices.map((a) => a.value)), max: Math.max(...item.choices.map((a) => a.value)) };
    case 'numeric':
      return { min: item.min, max: item.max };
    default:
      return undefined;
  }
}
