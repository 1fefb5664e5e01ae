import type { DevelopmentGoal, DevelopmentGoalInput } from '../../domain/coaching/schemas.ts';
import type { Store } from '../../store/store.ts';
import type { Viewer } from './access.ts';
import { checkGoal } from './coaching-records.ts';

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
