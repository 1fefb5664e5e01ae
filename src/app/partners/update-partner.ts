import type { Partner, PartnerInput } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { checkParent } from './partner-records.ts';

export function updatePartner(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  input: PartnerInput,
  actor: string,
): Promise<Partner> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await checkParent(tenant, input, id);
    return (await tenant.partners.update(id, version, input, actor)).after;
  });
}
