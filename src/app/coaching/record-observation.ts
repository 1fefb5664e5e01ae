import type { Observation, ObservationInput } from '../../domain/coaching/schemas.ts';
import type { Store } from '../../store/store.ts';
import type { Viewer } from './access.ts';
import { checkedObservation } from './coaching-records.ts';

/** A coach records an observation of a practitioner's session on the form of the engagement's model version. */
export function recordObservation(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  input: ObservationInput,
): Promise<Observation> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const model = await checkedObservation(tenant, viewer, input);
    return tenant.coaching.observations.insert({ ...input, ...model, observerId: viewer.userId }, viewer.userId);
  });
}
