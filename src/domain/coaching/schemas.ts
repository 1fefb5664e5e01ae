import { z } from 'zod';
import { boundedList, limits } from '../../model/limits.ts';
import { Id, IsoDate, RecordMeta } from '../support/schemas.ts';

/**
 * Coaching of implementation support practitioners on the practice model: reviews of logged
 * interactions, observations of sessions, coaching sessions, development goals and self-assessments.
 * Shared by the HTTP API, the CLI, the demo and the web client.
 */

const Text = (max: number) => z.string().trim().max(max);
const RequiredText = (max: number) => z.string().trim().min(1, 'is required').max(max);

/** How a practice activity was carried out, judged against its behavioral definition. */
export const activityRatings = ['as-defined', 'partly', 'not-done', 'not-applicable'] as const;
export const ActivityRatingValue = z.enum(activityRatings);
export type ActivityRatingValue = z.infer<typeof ActivityRatingValue>;
export const activityRatingLabels: Record<ActivityRatingValue, string> = {
  'as-defined': 'Done as defined',
  partly: 'Partly',
  'not-done': 'Not done',
  'not-applicable': 'Not applicable',
};

/** The 1–5 quality scale of a component's practice. */
export const qualityLabels: Record<number, string> = {
  1: '1 — not yet',
  2: '2 — beginning',
  3: '3 — developing',
  4: '4 — proficient',
  5: '5 — exemplary',
};
export const Quality = z
  .number()
  .int('must be a whole number from 1 to 5')
  .min(1, 'must be from 1 to 5')
  .max(5, 'must be from 1 to 5');

export const ActivityRating = z.strictObject({ activityId: Id, rating: ActivityRatingValue });
export type ActivityRating = z.infer<typeof ActivityRating>;

/** A coach's judgement of one component's practice: each activity against its definition, and a quality rating. */
export const ComponentRating = z.strictObject({
  componentId: Id,
  quality: Quality.nullable().default(null),
  activities: boundedList(ActivityRating, limits.modelActivities).default([]),
  comment: Text(5000).default(''),
});
export type ComponentRating = z.infer<typeof ComponentRating>;

// ---- Reviews of practice -------------------------------------------------------------------

export const ReviewInput = z.strictObject({
  interactionId: Id,
  ratings: boundedList(ComponentRating, limits.modelComponents).default([]),
  feedback: Text(20_000).default(''),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

/** The practitioner's side of a review: they acknowledge it and may reply. */
export const ReviewResponseInput = z.strictObject({
  acknowledged: z.literal(true, { error: 'must be true: a response acknowledges the review' }),
  reply: Text(20_000).default(''),
});
export type ReviewResponseInput = z.infer<typeof ReviewResponseInput>;

export const Review = RecordMeta.extend({
  ...ReviewInput.shape,
  engagementId: Id,
  practitionerId: z.string(),
  reviewerId: z.string(),
  /** The model version of the interaction, against which activities are rated. */
  modelId: Id,
  modelVersion: z.string(),
  interactionDate: IsoDate,
  acknowledgedAt: z.string().nullable(),
  reply: z.string(),
});
export type Review = z.infer<typeof Review>;

// ---- Observations --------------------------------------------------------------------------

export const principleObservations = ['evident', 'partly', 'not-evident', 'not-applicable'] as const;
export const PrincipleObservationValue = z.enum(principleObservations);
export const principleObservationLabels: Record<(typeof principleObservations)[number], string> = {
  evident: 'Evident',
  partly: 'Partly evident',
  'not-evident': 'Not evident',
  'not-applicable': 'Not applicable',
};
export const PrincipleObservation = z.strictObject({
  principleId: Id,
  observed: PrincipleObservationValue,
  note: Text(5000).default(''),
});
export type PrincipleObservation = z.infer<typeof PrincipleObservation>;

export const ObservationInput = z.strictObject({
  engagementId: Id,
  practitionerId: Id,
  /** The logged interaction of the observed session, when there is one. */
  interactionId: Id.nullable().default(null),
  date: IsoDate,
  ratings: boundedList(ComponentRating, limits.modelComponents).default([]),
  principles: boundedList(PrincipleObservation, limits.interactionPrinciples).default([]),
  notes: Text(20_000).default(''),
});
export type ObservationInput = z.infer<typeof ObservationInput>;

export const Observation = RecordMeta.extend({
  ...ObservationInput.shape,
  observerId: z.string(),
  modelId: Id,
  modelVersion: z.string(),
});
export type Observation = z.infer<typeof Observation>;

// ---- Coaching sessions and development goals -----------------------------------------------

export const CoachingSessionInput = z.strictObject({
  practitionerId: Id,
  date: IsoDate,
  componentIds: boundedList(Id, limits.modelComponents).default([]),
  agreed: Text(20_000).default(''),
  followUp: Text(20_000).default(''),
});
export type CoachingSessionInput = z.infer<typeof CoachingSessionInput>;
export const CoachingSession = RecordMeta.extend({ ...CoachingSessionInput.shape, coachId: z.string() });
export type CoachingSession = z.infer<typeof CoachingSession>;

export const goalStatuses = ['open', 'in-progress', 'met', 'dropped'] as const;
export const GoalStatus = z.enum(goalStatuses);
export type GoalStatus = z.infer<typeof GoalStatus>;

export const DevelopmentGoalInput = z.strictObject({
  practitionerId: Id,
  title: RequiredText(500),
  componentIds: boundedList(Id, limits.modelComponents).default([]),
  targetDate: IsoDate.nullable().default(null),
  status: GoalStatus.default('open'),
});
export type DevelopmentGoalInput = z.infer<typeof DevelopmentGoalInput>;
export const DevelopmentGoal = RecordMeta.extend({ ...DevelopmentGoalInput.shape, createdBy: z.string() });
export type DevelopmentGoal = z.infer<typeof DevelopmentGoal>;

// ---- Self-assessments ----------------------------------------------------------------------

/** A practitioner's answers to the ISP self-assessment of a model: component id → 1–5 proficiency. */
export const SelfAssessmentInput = z.strictObject({
  date: IsoDate,
  modelId: Id,
  modelVersion: z.string().min(1).max(100),
  ratings: z.record(Id, Quality),
});
export type SelfAssessmentInput = z.infer<typeof SelfAssessmentInput>;
export const SelfAssessment = RecordMeta.extend({ ...SelfAssessmentInput.shape, practitionerId: z.string() });
export type SelfAssessment = z.infer<typeof SelfAssessment>;
