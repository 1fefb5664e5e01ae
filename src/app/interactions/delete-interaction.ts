import { calendarMonth } from '../../domain/support/months.ts';
import type { Interaction } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { lockInteraction } from './interaction-records.ts';

/** Soft-deletes an interaction and has its month's derived rows recomputed. */
export function deleteInteraction(
  store: Store,
  organizationId: string,
  id: string,
  version: number | undefined,
  actor: string,
): Promise<Interaction> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await lockInteraction(tenant, id);
    const deleted = await tenant.interactions.softDelete(id, version, actor);
    await tenant.derived.touch(deleted.engagementId, [calendarMonth(deleted.date)]);
    await tenant.interactions.writeIndexes(deleted);
    return deleted;
  });
}
