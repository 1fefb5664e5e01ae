import { z } from 'zod';
import { elementIdSchema, OUTCOME_LEVELS, semverSchema } from '../../model/schema.ts';
import { boundedList, boundedRecord, limits, overLimitMessage } from '../../model/limits.ts';
import { LanguageCode } from './language.ts';

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

/**
 * How a field was written in the REDCap data dictionary it was imported from, where that differs from
 * what Praxis would write: kept so that exporting the instrument gives REDCap back the field it gave
 * (its type such as `dropdown` or `yesno`, its label with HTML, branching logic, matrix group, action
 * tags in the annotation …). Praxis does not act on these cells: the survey page applies no branching
 * logic. An exported cell that no longer reads back as the item (after an edit) is written afresh.
 */
export const RedcapField = z.strictObject({
  fieldName: z.string().optional(),
  fieldType: z.string().optional(),
  fieldLabel: z.string().optional(),
  choices: z.string().optional(),
  fieldNote: z.string().optional(),
  validation: z.string().optional(),
  validationMin: z.string().optional(),
  validationMax: z.string().optional(),
  identifier: z.string().optional(),
  branchingLogic: z.string().optional(),
  customAlignment: z.string().optional(),
  questionNumber: z.string().optional(),
  matrixGroupName: z.string().optional(),
  matrixRanking: z.string().optional(),
  /** Required Field? of a field that is not an item (an item's own `required` is written otherwise). */
  requiredField: z.string().optional(),
  /** The annotation without Praxis's own `@PRAXIS-…` tags. */
  fieldAnnotation: z.string().optional(),
  /** A section header above a field the survey page does not show (a score's calc field). */
  sectionHeader: z.string().optional(),
});
export type RedcapField = z.infer<typeof RedcapField>;

/** A heading shown above an item or text block, starting a section; may hold HTML, of which the survey page shows a safe subset. */
const section = z.string().optional();

const itemFields = {
  id: elementIdSchema,
  text: text('text'),
  /** Whether the survey page asks the respondent to answer it (never enforced on partial saves). */
  required: z.boolean().default(false),
  section,
  redcap: RedcapField.optional(),
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
  redcap: RedcapField.optional(),
});
export type ScoringRule = z.infer<typeof ScoringRule>;

/**
 * Text the respondent reads between questions — an introduction, an instruction, the paragraph under a
 * heading (REDCap's descriptive field). It is not a question: nothing is answered or scored.
 */
export const TextBlock = z.strictObject({
  id: elementIdSchema,
  /** May hold HTML, of which the survey page shows a safe subset (bold, italic, paragraphs, lists, links). */
  text: z.string(),
  section,
  /** The item it is shown before; without one, after the last item. */
  beforeItem: elementIdSchema.optional(),
  redcap: RedcapField.optional(),
});
export type TextBlock = z.infer<typeof TextBlock>;

/** How answers given on an earlier version carry over to this one: old item id → new id, or null when dropped. */
export const InstrumentSupersession = z.strictObject({
  version: semverSchema,
  itemMap: boundedRecord(elementIdSchema, elementIdSchema.nullable(), limits.instrumentItemMap).default({}),
  note: z.string().optional(),
});

/** The message of a record key that is not a language code, in place of zod's generic "Invalid key in record". */
const keyMessage = (issue: { code?: string; issues?: readonly { message: string }[] }) =>
  issue.code === 'invalid_key' ? issue.issues?.[0]?.message : undefined;

/** An item's text in another language; what is left out is shown in the instrument's own language. */
export const ItemTranslation = z.strictObject({
  text: text('text').optional(),
  section: z.string().optional(),
  /** Anchor or choice labels by their value (`"1": "Totalmente en desacuerdo"`); values and scores never change. */
  labels: boundedRecord(
    z.string().regex(/^-?\d+$/, { error: 'must be a choice value' }),
    text('label'),
    limits.instrumentChoices,
  ).optional(),
});
export type ItemTranslation = z.infer<typeof ItemTranslation>;

/** A text block's text and section heading in another language. */
export const BlockTranslation = z.strictObject({ text: z.string().optional(), section: z.string().optional() });
export type BlockTranslation = z.infer<typeof BlockTranslation>;

/**
 * The instrument's words in one more language, by element id. Only words translate: ids, values, scale
 * ranges and scoring rules are the instrument's own, so answers and scores are the same in every language.
 */
export const InstrumentTranslation = z.strictObject({
  /** How the translation was made and by whom (for example "Synthetic translation made for the demo"). */
  note: z.string().optional(),
  name: text('name').optional(),
  description: z.string().optional(),
  items: boundedRecord(elementIdSchema, ItemTranslation, limits.instrumentItems).optional(),
  blocks: boundedRecord(elementIdSchema, BlockTranslation, limits.instrumentBlocks).optional(),
});
export type InstrumentTranslation = z.infer<typeof InstrumentTranslation>;

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
  /** Text shown between the items; older versions have none. */
  blocks: boundedList(TextBlock, limits.instrumentBlocks).default([]),
  scores: boundedList(ScoringRule, limits.instrumentScores).default([]),
  /** The record identifier field (REDCap's first field) as the dictionary it came from wrote it. */
  redcapRecordId: RedcapField.optional(),
  /** The language the instrument's own words are written in; English when not given. */
  language: LanguageCode.optional(),
  /** The instrument's words in other languages, by language code (`es`, `pt-BR`). */
  translations: z
    .record(LanguageCode, InstrumentTranslation, { error: keyMessage })
    .refine(
      (map) => Object.keys(map).length <= limits.instrumentTranslations.max,
      overLimitMessage(limits.instrumentTranslations),
    )
    .optional(),
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
