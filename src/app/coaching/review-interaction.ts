import { ratingProblems } from '../../domain/coaching/rating-rules.ts';
import type { Review, ReviewInput } from '../../domain/coaching/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { publishedModel } from './model-version.ts';
import { requireCoach, type Viewer } from './access.ts';

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

/** A coach reviews a practitioner's logged interaction against the model's behavioral definitions. */
export function reviewInteraction(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  input: ReviewInput,
): Promise<Review> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const interaction = await reviewedInteraction(tenant, viewer, input);
    return tenant.coaching.reviews.insert(
      {
        ...input,
        engagementId: interaction.engagementId,
        practitionerId: interaction.loggedBy,
        reviewerId: viewer.userId,
        modelId: interaction.modelId,
        modelVersion: interaction.modelVersion,
        interactionDate: interaction.date,
        acknowledgedAt: null,
        reply: '',
      },
      viewer.userId,
    );
  });
}
