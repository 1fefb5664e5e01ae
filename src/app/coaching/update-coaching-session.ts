import type { CoachingSession, CoachingSessionInput } from '../../domain/coaching/schemas.ts';
import type { Store } from '../../store/store.ts';
import { requireCoach, type Viewer } from './access.ts';
import { checkSession } from './coaching-records.ts';

/** A coach of the practitioner changes a coaching session, which stays the session's coach's; a stale version gets 409. */
export function updateCoachingSession(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  id: string,
  version: number,
  input: CoachingSessionInput,
): Promise<CoachingSession> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const before = await tenant.coaching.sessions.require(id);
    await requireCoach(tenant, viewer, before.practitionerId, 'practitionerId');
    await checkSession(tenant, viewer, input);
    return (await tenant.coaching.sessions.update(id, version, { ...input, coachId: before.coachId }, viewer.userId))
      .after;
  });
}
