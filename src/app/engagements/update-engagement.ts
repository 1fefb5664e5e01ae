import type { Engagement, EngagementInput } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { checkEngagement, rebuildEngagementDose } from './engagement-records.ts';

/** Updates an engagement; a changed start date has its dose rollups recomputed. */
export function updateEngagement(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  input: EngagementInput,
  actor: string,
): Promise<Engagement> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.engagements.lockForWrite([id]);
    await checkEngagement(tenant, input);
    const { before, after } = await tenant.engagements.update(id, version, input, actor);
    if (before.startDate !== after.startDate) await rebuildEngagementDose(tenant, after);
    return after;
  });
}
