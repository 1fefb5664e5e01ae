import type { Interaction, InteractionInput } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { afterWrite, lockInteraction, prepareInteraction } from './interaction-records.ts';

/** Updates an interaction, keeping who logged it; a move to another engagement locks both. */
export function updateInteraction(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  input: InteractionInput,
  actor: string,
): Promise<Interaction> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await lockInteraction(tenant, id, input.engagementId);
    const current = await tenant.interactions.require(id);
    const { data } = await prepareInteraction(tenant, input, current.loggedBy);
    const { before, after } = await tenant.interactions.update(id, version, data, actor);
    await afterWrite(tenant, before, after);
    return after;
  });
}
