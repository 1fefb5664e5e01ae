import { z } from 'zod';
import { boundedList, boundedRecord, limits } from './limits.ts';

/**
 * The practice-model document: the one shape every built-in and imported model takes.
 * Structural rules live here; rules that need the whole document (unique ids, references,
 * link direction) live in validate.ts so that all problems can be reported at once.
 */

/** Element ids are short, stable, URL- and CSV-safe; `/` and `@` stay free for activity keys and model refs. */
export const ELEMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** Semantic Versioning 2.0.0, as published at semver.org (no leading `v`). */
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

export const PROVENANCES = ['published', 'operationalized'] as const;
export const OUTCOME_TIERS = ['immediate', 'short-term', 'long-term'] as const;
export const OUTCOME_LEVELS = ['individual', 'team', 'organization', 'system'] as const;
export const LINK_STATUSES = ['hypothesized', 'supported', 'mixed', 'refuted'] as const;

export const elementIdSchema = z
  .string()
  .regex(ELEMENT_ID_PATTERN, {
    error: 'must be an id of letters, digits, "-", "_" or "." (at most 100 characters, no spaces)',
  })
  .describe('Stable identifier; records refer to elements by it, so it never changes within a version line.');

/** An element key: an element id, or `componentId/activityId` for a practice activity. */
export const ELEMENT_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}(?:\/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$/;

export const elementKeySchema = z.string().regex(ELEMENT_KEY_PATTERN, {
  error: 'must be an element id, or "componentId/activityId" for a practice activity',
});

export const semverSchema = z
  .string()
  .regex(SEMVER_PATTERN, { error: 'must be a semantic version such as "1.0.0" (MAJOR.MINOR.PATCH)' });

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what} must not be empty` });

export const provenanceSchema = z
  .enum(PROVENANCES)
  .describe('`published`: stated by the source publication. `operationalized`: this model’s own wording or structure.');

/** Fields every element of a model carries: where its content comes from, and optionally why. */
const provenanceFields = {
  provenance: provenanceSchema,
  provenanceNote: z
    .string()
    .optional()
    .describe('Which parts are published and which are operationalized, when an element mixes both.'),
};

export const stageComponentSchema = z
  .strictObject({
    component: elementIdSchema.describe('Id of a component.'),
    minutesPerMonth: z
      .number()
      .int({ error: 'must be whole minutes' })
      .min(0, { error: 'must not be negative' })
      .max(44_640, { error: 'must be at most 44640 minutes (a month)' })
      .optional()
      .describe('About how many minutes a month of this component the stage typically takes: a planning default.'),
    ...provenanceFields,
  })
  .describe('A component typical of a stage, offered as the default planned emphasis when a stage plan is drafted.');

export const exitCriterionSchema = z
  .strictObject({
    id: elementIdSchema.describe('Unique within its stage.'),
    description: text('description').describe('What is true when the stage may end.'),
    ...provenanceFields,
  })
  .describe('A condition for leaving a stage; moving on with it unmet asks for a reason.');

export const stageSchema = z
  .strictObject({
    id: elementIdSchema,
    name: text('name'),
    description: z.string(),
    emphasizes: boundedList(elementIdSchema, limits.modelStageEmphasis).describe(
      'Ids of the components this stage is expected to emphasize: a hypothesis the data can confirm or refute.',
    ),
    typicalComponents: boundedList(stageComponentSchema, limits.modelStageComponents)
      .optional()
      .describe('Components typical of the stage, with typical minutes a month, each with its provenance.'),
    exitCriteria: boundedList(exitCriterionSchema, limits.modelStageExitCriteria)
      .optional()
      .describe('Conditions for moving on to the next stage, each with its provenance.'),
    ...provenanceFields,
  })
  .describe('A sequential support stage. Stages are listed in the order they follow one another.');

export const componentGroupSchema = z.strictObject({
  id: elementIdSchema,
  name: text('name'),
  description: z.string().optional(),
  ...provenanceFields,
});

export const practiceActivitySchema = z
  .strictObject({
    id: elementIdSchema.describe('Unique within its component; its global key is `componentId/activityId`.'),
    label: text('label'),
    description: text('description').describe('What the practitioner observably does.'),
    ...provenanceFields,
  })
  .describe('A behaviorally defined practice activity, recorded when used in an interaction.');

export const componentSchema = z
  .strictObject({
    id: elementIdSchema,
    name: text('name'),
    group: elementIdSchema.describe('Id of a component group.'),
    definition: text('definition'),
    activities: boundedList(practiceActivitySchema, limits.modelActivities),
    mechanisms: boundedList(elementIdSchema, limits.modelMechanisms).describe(
      'Ids of the constructs this component works through.',
    ),
    targetOutcomes: boundedList(elementIdSchema, limits.modelTargetOutcomes).describe(
      'Ids of the outcomes this component aims at.',
    ),
    ...provenanceFields,
  })
  .describe('A core practice component: a mechanism through which support works, defined behaviorally.');

export const principleSchema = z.strictObject({
  id: elementIdSchema,
  name: text('name'),
  description: z.string(),
  indicators: boundedList(text('indicator'), limits.modelIndicators)
    .min(1, { error: 'a principle must list at least one observable indicator' })
    .describe('Observable signs that the principle governs practice.'),
  ...provenanceFields,
});

export const constructSchema = z
  .strictObject({
    id: elementIdSchema,
    name: text('name'),
    description: z.string(),
    ...provenanceFields,
  })
  .describe('A theoretical construct (mechanism) through which components are hypothesized to work.');

export const outcomeSchema = z.strictObject({
  id: elementIdSchema,
  name: text('name'),
  description: z.string().optional(),
  tier: z.enum(OUTCOME_TIERS),
  levels: z
    .array(z.enum(OUTCOME_LEVELS))
    .min(1, { error: 'an outcome must name at least one level' })
    .describe('Levels at which the outcome is observed.'),
  ...provenanceFields,
});

export const linkSchema = z
  .strictObject({
    id: elementIdSchema,
    from: elementIdSchema.describe('Id of a component, construct or outcome.'),
    to: elementIdSchema.describe('Id of a construct or outcome.'),
    via: elementIdSchema
      .optional()
      .describe('Id of the construct a component → outcome link is hypothesized to work through.'),
    rationale: text('rationale'),
    status: z.enum(LINK_STATUSES).describe('State of the evidence for this hypothesized link.'),
    ...provenanceFields,
  })
  .describe('A hypothesized causal link: component → construct/outcome, construct → outcome, or outcome → outcome.');

export const supersessionSchema = z
  .strictObject({
    version: semverSchema.describe('The earlier version of this same model that this version replaces.'),
    idMap: boundedRecord(elementKeySchema, elementKeySchema.nullable(), limits.modelIdMap).describe(
      'Old id → new id (or null when retired without successor), for every id of the earlier version that this version removes, renames or re-scopes. ' +
        'Activities are keyed `componentId/activityId`. Ids not listed carry over unchanged.',
    ),
    note: z.string().optional(),
  })
  .describe('How records logged under the earlier version map onto this one.');

export const practiceModelSchema = z
  .strictObject({
    id: elementIdSchema.describe(
      'Model id; together with version it identifies the document a record was logged under.',
    ),
    version: semverSchema,
    name: text('name'),
    citation: z.string(),
    description: z.string(),
    supersedes: supersessionSchema.optional(),
    stages: boundedList(stageSchema, limits.modelStages),
    componentGroups: boundedList(componentGroupSchema, limits.modelComponentGroups),
    components: boundedList(componentSchema, limits.modelComponents),
    principles: boundedList(principleSchema, limits.modelPrinciples),
    constructs: boundedList(constructSchema, limits.modelConstructs),
    outcomes: boundedList(outcomeSchema, limits.modelOutcomes),
    links: boundedList(linkSchema, limits.modelLinks),
  })
  .describe('A Praxis practice model: a versioned theory of change for implementation support.');

export type Provenance = (typeof PROVENANCES)[number];
export type OutcomeTier = (typeof OUTCOME_TIERS)[number];
export type OutcomeLevel = (typeof OUTCOME_LEVELS)[number];
export type LinkStatus = (typeof LINK_STATUSES)[number];
export type Stage = z.infer<typeof stageSchema>;
export type StageComponent = z.infer<typeof stageComponentSchema>;
export type ExitCriterion = z.infer<typeof exitCriterionSchema>;
export type ComponentGroup = z.infer<typeof componentGroupSchema>;
export type PracticeActivity = z.infer<typeof practiceActivitySchema>;
export type Component = z.infer<typeof componentSchema>;
export type Principle = z.infer<typeof principleSchema>;
export type Construct = z.infer<typeof constructSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type Link = z.infer<typeof linkSchema>;
export type Supersession = z.infer<typeof supersessionSchema>;
export type PracticeModel = z.infer<typeof practiceModelSchema>;

/** One problem found in a model document: a JSON path such as `components[3].activities[1].id` and what is wrong. */
export interface ModelIssue {
  path: string;
  message: string;
}
