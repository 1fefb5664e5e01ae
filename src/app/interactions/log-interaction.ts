import type { Interaction, InteractionInput } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { afterWrite, prepareInteraction } from './interaction-records.ts';

/** Logs one interaction against its engagement's model version. */
export function logInteraction(
  store: Store,
  organizationId: string,
  input: InteractionInput,
  actor: string,
): Promise<Interaction> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.engagements.lockForWrite([input.engagementId]);
    const { data } = await prepareInteraction(tenant, input, actor);
    const created = await tenant.interactions.insert(data, actor);
    await afterWrite(tenant, null, created);
    return created;
  });
}
