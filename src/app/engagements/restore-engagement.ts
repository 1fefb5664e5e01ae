import { invalid, notFound } from '../../domain/errors.ts';
import type { Engagement } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { rebuildEngagementDose } from './engagement-records.ts';

/** Restores a deleted engagement once its partner is live, and recomputes its dose rollups. */
export function restoreEngagement(
  store: Store,
  organizationId: string,
  id: string,
  actor: string,
): Promise<Engagement> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.engagements.lockForWrite([id]);
    const engagement = await tenant.engagements.find(id, { includeDeleted: true });
    if (!engagement) throw notFound('Engagement');
    if (!(await tenant.partners.find(engagement.partnerId)))
      throw invalid('Restore the partner first', [{ path: 'partnerId', message: 'the partner is deleted' }]);
    const restored = await tenant.engagements.restore(id, actor);
    await rebuildEngagementDose(tenant, restored);
    return restored;
  });
}
