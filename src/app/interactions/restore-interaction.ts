import { conflict } from '../../domain/errors.ts';
import type { Interaction } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { afterWrite, lockInteraction } from './interaction-records.ts';

/** Restores a deleted interaction once its engagement is live. */
export function restoreInteraction(
  store: Store,
  organizationId: string,
  id: string,
  actor: string,
): Promise<Interaction> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await lockInteraction(tenant, id);
    const deleted = await tenant.interactions.require(id, { includeDeleted: true });
    const engagement = await tenant.engagements.find(deleted.engagementId);
    if (!engagement)
      throw conflict('The engagement of this interaction is deleted; restore the engagement first', [
        { path: 'engagementId', message: 'is deleted' },
      ]);
    const restored = await tenant.interactions.restore(id, actor);
    await afterWrite(tenant, null, restored);
    return restored;
  });
}
