import type { DevelopmentGoal, DevelopmentGoalInput } from '../../domain/coaching/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { requireVisible, type Viewer } from './access.ts';
import { checkGoal } from './coaching-records.ts';

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
