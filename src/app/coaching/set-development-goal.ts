import { componentIdProblems } from '../../domain/coaching/rating-rules.ts';
import type { DevelopmentGoal, DevelopmentGoalInput } from '../../domain/coaching/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { requireCoach, requirePractitioner, requireVisible, type Viewer } from './access.ts';
import { componentsOfPractice } from './practice-components.ts';

/** A practitioner keeps their own goals; their coaches keep them with them. */
async function checkGoal(tenant: TenantStore, viewer: Viewer, input: DevelopmentGoalInput): Promise<void> {
  await requirePractitioner(tenant, input.practitionerId, 'practitionerId');
  if (viewer.userId !== input.practitionerId)
    await requireCoach(tenant, viewer, input.practitionerId, 'practitionerId');
  const problems = componentIdProblems(input.componentIds, await componentsOfPractice(tenant), 'componentIds');
  if (problems.length > 0) throw invalid('Unknown components', problems);
}

/** Sets a development goal for a practitioner, with its components, target date and status. */
export function setDevelopmentGoal(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  input: DevelopmentGoalInput,
): Promise<DevelopmentGoal> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await checkGoal(tenant, viewer, input);
    return tenant.coaching.goals.insert({ ...input, createdBy: viewer.userId }, viewer.userId);
  });
}

/** Changes a goal (its status as it progresses); a stale version gets 409. */
export function updateDevelopmentGoal(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  id: string,
  version: number,
  input: DevelopmentGoalInput,
): Promise<DevelopmentGoal> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const before = await tenant.coaching.goals.require(id);
    await requireVisible(tenant, viewer, before.practitionerId, 'Development goal');
    if (input.practitionerId !== before.practitionerId)
      throw invalid('A goal stays with its practitioner', [
        { path: 'practitionerId', message: `is ${before.practitionerId} and cannot change` },
      ]);
    await checkGoal(tenant, viewer, input);
    return (await tenant.coaching.goals.update(id, version, { ...input, createdBy: before.createdBy }, viewer.userId))
      .after;
  });
}
