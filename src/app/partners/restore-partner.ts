import type { Partner } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';

export function restorePartner(store: Store, organizationId: string, id: string, actor: string): Promise<Partner> {
  return store.transaction(async (tx) => tx.tenant(organizationId).partners.restore(id, actor));
}
