import type { HistoryEntry } from '../../store/repositories/history.ts';
import type { CoachingRepositories } from '../../store/repositories/coaching.ts';
import type { Store } from '../../store/store.ts';
import { requireVisible, type Viewer } from './access.ts';

export type CoachingKind = 'reviews' | 'observations' | 'sessions' | 'goals' | 'selfAssessments';
type ItemOf<K extends CoachingKind> = NonNullable<Awaited<ReturnType<CoachingRepositories[K]['find']>>>;

const labels: Record<CoachingKind, string> = {
  reviews: 'Review',
  observations: 'Observation',
  sessions: 'Coaching session',
  goals: 'Development goal',
  selfAssessments: 'Self-assessment',
};
const entities: Record<CoachingKind, string> = {
  reviews: 'coaching-review',
  observations: 'coaching-observation',
  sessions: 'coaching-session',
  goals: 'development-goal',
  selfAssessments: 'self-assessment',
};

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
