import type { Engagement } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';

/** Soft-deletes an engagement, locked first, and has its dose rollups recomputed. */
export function deleteEngagement(
  store: Store,
  organizationId: string,
  id: string,
  version: number | undefined,
  actor: string,
): Promise<Engagement> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.engagements.lockForWrite([id]);
    const deleted = await tenant.engagements.softDelete(id, version, actor);
    await tenant.derived.touchEngagement(id);
    return deleted;
  });
}
