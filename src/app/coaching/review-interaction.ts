import type { Review, ReviewInput } from '../../domain/coaching/schemas.ts';
import type { Store } from '../../store/store.ts';
import type { Viewer } from './access.ts';
import { reviewedInteraction } from './coaching-records.ts';

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
