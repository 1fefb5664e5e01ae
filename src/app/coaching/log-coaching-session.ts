import { componentIdProblems } from '../../domain/coaching/rating-rules.ts';
import type { CoachingSession, CoachingSessionInput } from '../../domain/coaching/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { requireCoach, requirePractitioner, type Viewer } from './access.ts';
import { componentsOfPractice } from './practice-components.ts';

async function checkSession(tenant: TenantStore, viewer: Viewer, input: CoachingSessionInput): Promise<void> {
  await requirePractitioner(tenant, input.practitionerId, 'practitionerId');
  await requireCoach(tenant, viewer, input.practitionerId, 'practitionerId');
  const problems = componentIdProblems(input.componentIds, await componentsOfPractice(tenant), 'componentIds');
  if (problems.length > 0) throw invalid('Unknown components', problems);
}

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
