import type { Engagement, EngagementInput } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { checkEngagement } from './engagement-records.ts';

/** Creates an engagement once its partner, support team, dates and stages are valid. */
export function createEngagement(
  store: Store,
  organizationId: string,
  input: EngagementInput,
  actor: string,
): Promise<Engagement> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await checkEngagement(tenant, input);
    return tenant.engagements.insert(input, actor);
  });
}
