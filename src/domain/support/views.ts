import { z } from 'zod';
import { Engagement, Interaction, Partner } from './schemas.ts';

/** Read models for pages: the engagement overview and the organization dashboard. */

export const DosePoint = z.object({ month: z.number(), interactions: z.number(), minutes: z.number() });

export const EngagementOverview = z.object({
  engagement: Engagement,
  partner: Partner.nullable(),
  model: z.object({
    id: z.string(),
    version: z.string(),
    name: z.string(),
    stages: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        emphasizes: z.array(z.string()),
        /** What is true when the stage may end; moving on with any unmet asks for a reason. */
        exitCriteria: z.array(z.object({ id: z.string(), description: z.string() })),
      }),
    ),
    componentGroups: z.array(z.object({ id: z.string(), name: z.string() })),
    components: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        group: z.string(),
        activities: z.array(z.object({ id: z.string(), label: z.string() })),
      }),
    ),
    principles: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
  currentStageId: z.string().nullable(),
  relationshipMonth: z.number(),
  doseByRelationshipMonth: z.array(DosePoint),
  thisMonth: z.object({
    calendarMonth: z.string(),
    interactions: z.number(),
    minutes: z.number(),
    usualMinutes: z.number().nullable(),
    monthsCompared: z.number(),
  }),
  componentMix: z.array(
    z.object({
      month: z.number(),
      totalMinutes: z.number(),
      components: z.array(z.object({ componentId: z.string(), minutes: z.number(), share: z.number() })),
    }),
  ),
  recentInteractions: z.array(Interaction),
  openNextSteps: z.array(
    z.object({
      interactionId: z.string(),
      interactionDate: z.string(),
      text: z.string(),
      owner: z.string(),
      dueDate: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  principles: z.array(
    z.object({
      principleId: z.string(),
      interactions: z.number(),
      meanRating: z.number().nullable(),
      ratings: z.number(),
    }),
  ),
  totals: z.object({ interactions: z.number(), minutes: z.number() }),
});
export type EngagementOverview = z.infer<typeof EngagementOverview>;

export const OrganizationDashboard = z.object({
  counts: z.object({
    partners: z.number(),
    engagements: z.number(),
    activeEngagements: z.number(),
    interactions: z.number(),
    minutes: z.number(),
  }),
  byCalendarMonth: z.array(
    z.object({ calendarMonth: z.string(), interactions: z.number(), minutes: z.number(), engagements: z.number() }),
  ),
  componentsByCalendarMonth: z.array(
    z.object({ calendarMonth: z.string(), componentId: z.string(), interactions: z.number(), minutes: z.number() }),
  ),
});
export type OrganizationDashboard = z.infer<typeof OrganizationDashboard>;
