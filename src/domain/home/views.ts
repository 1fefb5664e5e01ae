import { z } from 'zod';
import { Evidence } from '../hypotheses/schemas.ts';
import { hypothesisStatuses } from '../hypotheses/lifecycle.ts';
import { Role } from '../roles.ts';

/**
 * The home page's read model: what each role needs first after signing in. Sections a role does not
 * see are null; the API sends one document per role from `GET /api/orgs/:orgId/home`.
 */

export const HomeEngagement = z.object({
  id: z.string(),
  name: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  currentStageId: z.string().nullable(),
  currentStageName: z.string().nullable(),
  /** Date of the latest live interaction, or null when nothing is logged yet. */
  lastContact: z.string().nullable(),
  /** Whole days from the last contact to today; null without one. */
  daysSinceContact: z.number().nullable(),
  /** Minutes logged in the current calendar month. */
  minutesThisMonth: z.number(),
  /** Open next steps due before today. */
  overdueNextSteps: z.number(),
  supportTeam: z.array(z.string()),
});
export type HomeEngagement = z.infer<typeof HomeEngagement>;

export const HomeNextStep = z.object({
  interactionId: z.string(),
  engagementId: z.string(),
  engagementName: z.string(),
  text: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
});
export type HomeNextStep = z.infer<typeof HomeNextStep>;

export const HomeNextSteps = z.object({
  /** Due before today, in all; `items` lists the soonest. */
  overdue: z.number(),
  /** Due from today to `dueBy`, in all. */
  dueSoon: z.number(),
  dueBy: z.string(),
  items: z.array(HomeNextStep),
});
export type HomeNextSteps = z.infer<typeof HomeNextSteps>;

export const HomeWave = z.object({
  id: z.string(),
  name: z.string(),
  engagementId: z.string(),
  engagementName: z.string(),
  scheduledOn: z.string(),
});
export type HomeWave = z.infer<typeof HomeWave>;

export const OverdueOwner = z.object({ owner: z.string(), count: z.number(), oldestDue: z.string() });
export type OverdueOwner = z.infer<typeof OverdueOwner>;

export const DataFreshness = z.object({
  lastInteraction: z.string().nullable(),
  daysSinceInteraction: z.number().nullable(),
  lastWave: z.string().nullable(),
  daysSinceWave: z.number().nullable(),
});
export type DataFreshness = z.infer<typeof DataFreshness>;

export const HomeHypothesis = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(hypothesisStatuses),
  lastVerdict: Evidence.nullable(),
  lastRunAt: z.string().nullable(),
});
export type HomeHypothesis = z.infer<typeof HomeHypothesis>;

export const setupStepIds = ['model', 'members', 'partners', 'engagement'] as const;
export const SetupStep = z.object({ id: z.enum(setupStepIds), done: z.boolean() });
export type SetupStep = z.infer<typeof SetupStep>;

export const Home = z.object({
  role: Role,
  today: z.string(),
  /**
   * The practitioner's own active engagements; for a lead and an administrator the team's that most
   * need attention (overdue next steps first, then the longest without contact), at most 25.
   */
  engagements: z.array(HomeEngagement).nullable(),
  /** How many engagements are active in the viewer's scope, of which `engagements` lists the first. */
  engagementsTotal: z.number().nullable(),
  nextSteps: HomeNextSteps.nullable(),
  wavesDue: z.array(HomeWave).nullable(),
  overdueByOwner: z.array(OverdueOwner).nullable(),
  freshness: DataFreshness.nullable(),
  hypotheses: z.array(HomeHypothesis).nullable(),
  /** The administrator's setup checklist; null for other roles. */
  setup: z.array(SetupStep).nullable(),
});
export type Home = z.infer<typeof Home>;
