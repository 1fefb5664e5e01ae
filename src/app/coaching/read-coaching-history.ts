import type { HistoryEntry } from '../../store/repositories/history.ts';
import type { Store } from '../../store/store.ts';
import { requireVisible, type Viewer } from './access.ts';
import { entities, labels, type CoachingKind } from './coaching-records.ts';

/** Every version of one coaching record (the exchange of a review, the edits of a goal), oldest first. */
export function readCoachingHistory(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  kind: CoachingKind,
  id: string,
): Promise<HistoryEntry[]> {
  return store.snapshot(async (s) => {
    const tenant = s.tenant(organizationId);
    const item = await tenant.coaching[kind].require(id);
    await requireVisible(tenant, viewer, item.practitionerId, labels[kind]);
    return tenant.history(entities[kind], id);
  });
}
