import { z } from 'zod';
import { boundedList, limits } from '../../model/limits.ts';
import { LanguageCode } from '../measurement/language.ts';

/**
 * The support record: partners and their contacts, engagements (support relationships), and the
 * interactions logged in them. Shared by the HTTP API, the importers and the web client.
 */

export const Id = z.string().min(1).max(64);
/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
/** A time of day, `HH:MM`. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
const Text = (max: number) => z.string().trim().max(max);
const RequiredText = (max: number) => z.string().trim().min(1, 'is required').max(max);

export const levels = ['individual', 'team', 'organization', 'system'] as const;
export const Level = z.enum(levels);
export type Level = z.infer<typeof Level>;

export const partnerKinds = ['system', 'organization', 'team'] as const;
export const PartnerKind = z.enum(partnerKinds);
export type PartnerKind = z.infer<typeof PartnerKind>;

export const interactionModes = ['in-person', 'video', 'phone', 'email', 'other'] as const;
export const InteractionMode = z.enum(interactionModes);
export type InteractionMode = z.infer<typeof InteractionMode>;

/** Fields every versioned record carries. */
export const RecordMeta = z.object({
  id: Id,
  version: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});

// ---- Partners -------------------------------------------------------------------------------

export const PartnerInput = z.strictObject({
  name: RequiredText(200),
  kind: PartnerKind,
  /** The partner one level up (a team's organization, an organization's system). */
  parentId: Id.nullable().default(null),
  type: Text(100).default(''),
  region: Text(100).default(''),
  stateOrCountry: Text(100).default(''),
  tags: boundedList(RequiredText(50), limits.partnerTags).default([]),
});
export type PartnerInput = z.infer<typeof PartnerInput>;
export const Partner = RecordMeta.extend(PartnerInput.shape);
export type Partner = z.infer<typeof Partner>;

export const ContactInput = z.strictObject({
  partnerId: Id,
  name: RequiredText(200),
  email: z.union([z.email({ message: 'must be an email address' }), z.literal('')]).default(''),
  level: Level,
  role: Text(100).default(''),
  /** The language the contact prefers (`en`, `es`, `pt-BR`); survey email is sent in it when the survey has it. */
  language: LanguageCode.nullable().default(null),
});
export type ContactInput = z.infer<typeof ContactInput>;
export const Contact = RecordMeta.extend(ContactInput.shape);
export type Contact = z.infer<typeof Contact>;

// ---- Engagements ----------------------------------------------------------------------------

export const StageChange = z.strictObject({
  stageId: Id,
  startedOn: IsoDate,
  /** Ids of the previous stage's exit criteria that were met when the engagement moved on. */
  criteriaMet: boundedList(Id, limits.stageCriteriaMet).optional(),
  /** Why the engagement moved on with exit criteria unmet. */
  reason: z.string().trim().max(2000).optional(),
});
export type StageChange = z.infer<typeof StageChange>;

export const EngagementInput = z.strictObject({
  partnerId: Id,
  name: RequiredText(200),
  /** User ids of the implementation support practitioners on the support team. */
  supportTeam: boundedList(Id, limits.engagementSupportTeam).default([]),
  startDate: IsoDate,
  endDate: IsoDate.nullable().default(null),
  modelId: Id,
  modelVersion: z.string().min(1).max(100),
  /** Dated stages, oldest first; the last is the current stage. */
  stages: boundedList(StageChange, limits.engagementStages).default([]),
  goals: boundedList(RequiredText(500), limits.engagementGoals).default([]),
});
export type EngagementInput = z.infer<typeof EngagementInput>;
export const Engagement = RecordMeta.extend(EngagementInput.shape);
export type Engagement = z.infer<typeof Engagement>;

// ---- Interactions ---------------------------------------------------------------------------

export const ComponentUse = z.strictObject({
  componentId: Id,
  minutes: z.number().int('must be whole minutes').min(1, 'must be at least 1 minute').max(1440),
  activityIds: boundedList(Id, limits.interactionActivities).default([]),
});
export type ComponentUse = z.infer<typeof ComponentUse>;

export const PrincipleUse = z.strictObject({
  principleId: Id,
  /** Optional self-rating of how fully the principle was applied, 1 (barely) to 5 (fully). */
  rating: z.number().int().min(1).max(5).nullable().default(null),
});
export type PrincipleUse = z.infer<typeof PrincipleUse>;

export const Participants = z.strictObject({
  contactIds: boundedList(Id, limits.interactionContacts).default([]),
  /** Anonymous head counts by level, when individuals are not recorded. */
  counts: z.partialRecord(Level, z.number().int().min(0).max(100_000)).default({}),
});
export type Participants = z.infer<typeof Participants>;

export const NextStep = z.strictObject({
  text: RequiredText(500),
  owner: Text(200).default(''),
  dueDate: IsoDate.nullable().default(null),
  done: z.boolean().default(false),
});
export type NextStep = z.infer<typeof NextStep>;

export const InteractionInput = z.strictObject({
  engagementId: Id,
  date: IsoDate,
  time: TimeOfDay.nullable().default(null),
  durationMinutes: z
    .number()
    .int('must be whole minutes')
    .min(1, 'must be at least 1 minute')
    .max(1440, 'must be at most 1440 minutes (a day)'),
  mode: InteractionMode,
  stageId: Id.nullable().default(null),
  participants: Participants.default({ contactIds: [], counts: {} }),
  components: boundedList(ComponentUse, limits.interactionComponents).default([]),
  principles: boundedList(PrincipleUse, limits.interactionPrinciples).default([]),
  notes: Text(20_000).default(''),
  nextSteps: boundedList(NextStep, limits.interactionNextSteps).default([]),
});
export type InteractionInput = z.infer<typeof InteractionInput>;

export const Interaction = RecordMeta.extend({
  ...InteractionInput.shape,
  /** The model version the interaction was recorded under (the engagement's at the time). */
  modelId: Id,
  modelVersion: z.string(),
  loggedBy: z.string(),
});
export type Interaction = z.infer<typeof Interaction>;

/** An update carries the version it was based on; a stale one is refused with 409. */
export const Versioned = z.strictObject({ version: z.number().int().min(1) });
