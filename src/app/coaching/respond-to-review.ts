import type { Review, ReviewResponseInput } from '../../domain/coaching/schemas.ts';
import { AppError } from '../../domain/errors.ts';
import { nowIso } from '../../store/ids.ts';
import type { Store } from '../../store/store.ts';
import { requireVisible, type Viewer } from './access.ts';

/** The reviewed practitioner acknowledges a review and may reply; a stale version gets 409. */
export function respondToReview(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  id: string,
  version: number,
  input: ReviewResponseInput,
): Promise<Review> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const before = await tenant.coaching.reviews.require(id);
    await requireVisible(tenant, viewer, before.practitionerId, 'Review');
    if (viewer.userId !== before.practitionerId)
      throw new AppError('forbidden', 'Only the reviewed practitioner acknowledges and replies to a review');
    const { after } = await tenant.coaching.reviews.update(
      id,
      version,
      { ...before, acknowledgedAt: before.acknowledgedAt ?? nowIso(), reply: input.reply },
      viewer.userId,
    );
    return after;
  });
}
