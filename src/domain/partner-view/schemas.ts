import { z } from 'zod';
import { IsoDate } from '../support/schemas.ts';
import { linkStatuses } from '../measurement/schemas.ts';

/**
 * What a partner-role member sees: their partner's engagements and those of the partners below it —
 * plan, stages, progress in minutes and months, the next steps assigned to them and the surveys
 * waiting for them. Never a note, never free text staff wrote about the work, never another
 * partner's record. Sent by `GET /api/orgs/:orgId/partner-view/engagements[/:id]`.
 */

export const PartnerEngagementCard = z.object({
  id: z.string(),
  name: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
  currentStageName: z.string().nullable(),
  /** Next steps assigned to the viewer that are still open. */
  openNextSteps: z.number(),
  /** Survey links waiting for the viewer. */
  surveysWaiting: z.number(),
});
export type PartnerEngagementCard = z.infer<typeof PartnerEngagementCard>;

export const PartnerEngagements = z.object({
  /** The partner the viewer is attached to; null until an administrator attaches them. */
  partner: z.object({ id: z.string(), name: z.string() }).nullable(),
  items: z.array(PartnerEngagementCard),
});
export type PartnerEngagements = z.infer<typeof PartnerEngagements>;

export const PartnerStage = z.object({
  stageId: z.string(),
  name: z.string(),
  startedOn: IsoDate,
  current: z.boolean(),
});

export const PartnerPlan = z.object({
  stageId: z.string(),
  stageName: z.string(),
  goals: z.array(z.object({ text: z.string(), indicator: z.string(), targetDate: IsoDate })),
  emphasis: z.array(z.object({ componentId: z.string(), componentName: z.string(), minutesPerMonth: z.number() })),
  activities: z.array(
    z.object({
      /** The practice activity's name in the model, or the activity's own text when it names none. */
      label: z.string(),
      ownerName: z.string(),
      dueDate: IsoDate,
      status: z.string(),
    }),
  ),
});
export type PartnerPlan = z.infer<typeof PartnerPlan>;

export const PartnerNextStep = z.object({
  text: z.string(),
  owner: z.string(),
  dueDate: IsoDate.nullable(),
  overdue: z.boolean(),
});
export type PartnerNextStep = z.infer<typeof PartnerNextStep>;

export const PartnerSurvey = z.object({
  waveName: z.string(),
  scheduledOn: IsoDate.nullable(),
  status: z.enum(linkStatuses),
  expiresAt: z.string().nullable(),
});
export type PartnerSurvey = z.infer<typeof PartnerSurvey>;

export const PartnerEngagementView = z.object({
  engagement: PartnerEngagementCard.extend({ goals: z.array(z.string()) }),
  stages: z.array(PartnerStage),
  plans: z.array(PartnerPlan),
  progress: z.object({
    /** Month of the relationship today (1 = the month it started). */
    relationshipMonth: z.number(),
    interactions: z.number(),
    minutes: z.number(),
    /** Minutes of support by practice component, most first. */
    minutesByComponent: z.array(z.object({ componentId: z.string(), name: z.string(), minutes: z.number() })),
  }),
  nextSteps: z.array(PartnerNextStep),
  surveys: z.array(PartnerSurvey),
});
export type PartnerEngagementView = z.infer<typeof PartnerEngagementView>;
