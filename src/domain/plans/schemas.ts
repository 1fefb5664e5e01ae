import { z } from 'zod';
import { ELEMENT_KEY_PATTERN } from '../../model/schema.ts';
import { boundedList, limits } from '../../model/limits.ts';
import { Id, IsoDate, RecordMeta } from '../support/schemas.ts';

/**
 * A support plan for one stage of an engagement: what the partner and practitioner aim at (goals with
 * a measurable indicator and a target date), how much of which components the practitioner means to
 * use (the planned emphasis) and what is to be done by whom (planned activities). Versioned like every
 * other record.
 */

const RequiredText = (max: number) => z.string().trim().min(1, 'is required').max(max);

export const PlanGoal = z.strictObject({
  text: RequiredText(500),
  indicator: RequiredText(500).describe('How progress on the goal is measured.'),
  targetDate: z.iso.date({
    error: (issue) => (issue.input == null ? 'is required: a goal needs a target date' : 'must be a date YYYY-MM-DD'),
  }),
});
export type PlanGoal = z.infer<typeof PlanGoal>;

export const PlannedEmphasis = z.strictObject({
  componentId: Id,
  minutesPerMonth: z
    .number()
    .int('must be whole minutes')
    .min(0, 'must not be negative')
    .max(44_640, 'must be at most 44640 minutes (a month)'),
});
export type PlannedEmphasis = z.infer<typeof PlannedEmphasis>;

export const plannedActivityStatuses = ['planned', 'done', 'dropped'] as const;
export const PlannedActivityStatus = z.enum(plannedActivityStatuses);
export type PlannedActivityStatus = z.infer<typeof PlannedActivityStatus>;

export const PlannedActivity = z.strictObject({
  /** A practice activity of the model, `componentId/activityId`; null for a free-text activity. */
  activityKey: z
    .string()
    .regex(ELEMENT_KEY_PATTERN, 'must be "componentId/activityId" of a practice activity')
    .nullable()
    .default(null),
  text: z.string().trim().max(500).default(''),
  /** User id of the member who owns the activity. */
  ownerId: Id,
  dueDate: IsoDate,
  status: PlannedActivityStatus.default('planned'),
});
export type PlannedActivity = z.infer<typeof PlannedActivity>;

export const StagePlanInput = z.strictObject({
  engagementId: Id,
  stageId: Id,
  goals: boundedList(PlanGoal, limits.planGoals).default([]),
  emphasis: boundedList(PlannedEmphasis, limits.planEmphasis).default([]),
  activities: boundedList(PlannedActivity, limits.planActivities).default([]),
});
export type StagePlanInput = z.infer<typeof StagePlanInput>;

export const StagePlan = RecordMeta.extend({
  ...StagePlanInput.shape,
  /** The model version the plan was written under (the engagement's). */
  modelId: Id,
  modelVersion: z.string(),
});
export type StagePlan = z.infer<typeof StagePlan>;
