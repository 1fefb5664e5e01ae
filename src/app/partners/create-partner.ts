import type { Partner, PartnerInput } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { checkParent } from './partner-records.ts';

export function createPartner(
  store: Store,
  organizationId: string,
  input: PartnerInput,
  actor: string,
): Promise<Partner> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await checkParent(tenant, input);
    return tenant.partners.insert(input, actor);
  });
}
