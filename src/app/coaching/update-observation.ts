import type { Observation, ObservationInput } from '../../domain/coaching/schemas.ts';
import type { Store } from '../../store/store.ts';
import { requireCoach, type Viewer } from './access.ts';
import { checkedObservation } from './coaching-records.ts';

/** The observer (or an admin who coaches the practitioner) changes an observation; a stale version gets 409. */
export function updateObservation(
  store: Store,
  organizationId: string,
  viewer: Viewer,
  id: string,
  version: number,
  input: ObservationInput,
): Promise<Observation> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const before = await tenant.coaching.observations.require(id);
    await requireCoach(tenant, viewer, before.practitionerId, 'practitionerId');
    const model = await checkedObservation(tenant, viewer, input);
    const { after } = await tenant.coaching.observations.update(
      id,
      version,
      { ...input, ...model, observerId: before.observerId },
      viewer.userId,
    );
    return after;
  });
}
