import type { Review, ReviewInput } from '../../domain/coaching/schemas.ts';
import { AppError } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { requireVisible, type Viewer } from './access.ts';
import { reviewedInteraction } from './coaching-records.ts';

/**
 * The reviewer (or an admin) changes a review. A changed review asks to be acknowledged again; the
 * practitioner's reply stays, and the history keeps every version of the exchange.
 */
export function updateReview(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  id: string,
  version: number,
  input: ReviewInput,
): Promise<Review> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const before = await tenant.coaching.reviews.require(id);
    await requireVisible(tenant, viewer, before.practitionerId, 'Review');
    if (viewer.userId !== before.reviewerId && viewer.role !== 'admin')
      throw new AppError('forbidden', 'Only the reviewer or an admin may change a review');
    if (input.interactionId !== before.interactionId)
      throw new AppError('validation_failed', 'A review stays with its interaction', [
        { path: 'interactionId', message: `is ${before.interactionId} and cannot change` },
      ]);
    await reviewedInteraction(tenant, viewer, input);
    const { after } = await tenant.coaching.reviews.update(
      id,
      version,
      { ...before, ...input, acknowledgedAt: null },
      viewer.userId,
    );
    return after;
  });
}
