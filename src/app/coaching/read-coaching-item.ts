import type { Store } from '../../store/store.ts';
import { requireVisible, type Viewer } from './access.ts';
import { labels, type CoachingKind, type ItemOf } from './coaching-records.ts';

/** One coaching record, to those who may see its practitioner's coaching; to anyone else it is not found. */
export function readCoachingItem<K extends CoachingKind>(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  kind: K,
  id: string,
): Promise<ItemOf<K>> {
  return store.snapshot(async (s) => {
    const tenant = s.tenant(organizationId);
    const item = (await tenant.coaching[kind].require(id)) as ItemOf<K>;
    await requireVisible(tenant, viewer, item.practitionerId, labels[kind]);
    return item;
  });
}
