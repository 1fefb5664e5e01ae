import type { CoachingSession, CoachingSessionInput } from '../../domain/coaching/schemas.ts';
import type { Store } from '../../store/store.ts';
import type { Viewer } from './access.ts';
import { checkSession } from './coaching-records.ts';

/** A coach logs a coaching session with a practitioner: the components in focus, what was agreed, the follow-up. */
export function logCoachingSession(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  input: CoachingSessionInput,
): Promise<CoachingSession> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await checkSession(tenant, viewer, input);
    return tenant.coaching.sessions.insert({ ...input, coachId: viewer.userId }, viewer.userId);
  });
}
