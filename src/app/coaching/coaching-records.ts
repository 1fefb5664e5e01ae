import { componentIdProblems, principleProblems, ratingProblems } from '../../domain/coaching/rating-rules.ts';
import type {
  CoachingSessionInput,
  DevelopmentGoalInput,
  ObservationInput,
  ReviewInput,
} from '../../domain/coaching/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import type { CoachingRepositories } from '../../store/repositories/coaching.ts';
import type { TenantStore } from '../../store/store.ts';
import { requireCoach, requirePractitioner, type Viewer } from './access.ts';
import { publishedModel } from './model-version.ts';
import { componentsOfPractice } from './published-components.ts';

/** What the coaching use cases share: the kinds of coaching record, and the checks of each on write. */

export type CoachingKind = 'reviews' | 'observations' | 'sessions' | 'goals' | 'selfAssessments';
export type ItemOf<K extends CoachingKind> = NonNullable<Awaited<ReturnType<CoachingRepositories[K]['find']>>>;

export const labels: Record<CoachingKind, string> = {
  reviews: 'Review',
  observations: 'Observation',
  sessions: 'Coaching session',
  goals: 'Development goal',
  selfAssessments: 'Self-assessment',
};
export const entities: Record<CoachingKind, string> = {
  reviews: 'coaching-review',
  observations: 'coaching-observation',
  sessions: 'coaching-session',
  goals: 'development-goal',
  selfAssessments: 'self-assessment',
};

/** Checks a coaching session: its practitioner, that the viewer coaches them, and its components. */
export async function checkSession(tenant: TenantStore, viewer: Viewer, input: CoachingSessionInput): Promise<void> {
  await requirePractitioner(tenant, input.practitionerId, 'practitionerId');
  await requireCoach(tenant, viewer, input.practitionerId, 'practitionerId');
  const problems = componentIdProblems(input.componentIds, await componentsOfPractice(tenant), 'componentIds');
  if (problems.length > 0) throw invalid('Unknown components', problems);
}

/** Checks an observation against its engagement, practitioner, interaction and the engagement's model version. */
export async function checkedObservation(tenant: TenantStore, viewer: Viewer, input: ObservationInput) {
  const engagement = await tenant.engagements.find(input.engagementId);
  if (!engagement)
    throw invalid('Unknown engagement', [
      { path: 'engagementId', message: `no engagement "${input.engagementId}" in this organization` },
    ]);
  await requirePractitioner(tenant, input.practitionerId, 'practitionerId');
  await requireCoach(tenant, viewer, input.practitionerId, 'practitionerId');
  if (input.interactionId !== null) {
    const interaction = await tenant.interactions.find(input.interactionId);
    if (!interaction || interaction.engagementId !== engagement.id)
      throw invalid('Unknown interaction', [
        { path: 'interactionId', message: `no interaction "${input.interactionId}" in this engagement` },
      ]);
  }
  const model = await publishedModel(tenant, engagement.modelId, engagement.modelVersion, 'engagementId');
  const problems = [...ratingProblems(input.ratings, model), ...principleProblems(input.principles, model)];
  if (problems.length > 0) throw invalid('The observation does not fit the practice model', problems);
  return { modelId: model.id, modelVersion: model.version };
}

/** A practitioner keeps their own goals; their coaches keep them with them. */
export async function checkGoal(tenant: TenantStore, viewer: Viewer, input: DevelopmentGoalInput): Promise<void> {
  await requirePractitioner(tenant, input.practitionerId, 'practitionerId');
  if (viewer.userId !== input.practitionerId)
    await requireCoach(tenant, viewer, input.practitionerId, 'practitionerId');
  const problems = componentIdProblems(input.componentIds, await componentsOfPractice(tenant), 'componentIds');
  if (problems.length > 0) throw invalid('Unknown components', problems);
}

/** The interaction under review, and its checks: it exists, the viewer coaches whoever logged it, the ratings fit its model version. */
export async function reviewedInteraction(tenant: TenantStore, viewer: Viewer, input: ReviewInput) {
  const interaction = await tenant.interactions.find(input.interactionId);
  if (!interaction)
    throw invalid('Unknown interaction', [
      { path: 'interactionId', message: `no interaction "${input.interactionId}" in this organization` },
    ]);
  await requireCoach(tenant, viewer, interaction.loggedBy, 'interactionId');
  const model = await publishedModel(tenant, interaction.modelId, interaction.modelVersion, 'interactionId');
  const problems = ratingProblems(input.ratings, model);
  if (problems.length > 0) throw invalid('The ratings do not fit the practice model', problems);
  return interaction;
}
