import { conflict } from '../../domain/errors.ts';
import type { Partner } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { countOf } from '../../domain/count-of.ts';

export function deletePartner(
  store: Store,
  organizationId: string,
  id: string,
  version: number | undefined,
  actor: string,
): Promise<Partner> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const children = (await tenant.partners.list()).filter((p) => p.parentId === id).length;
    const engagements = (await tenant.engagements.list({ partnerId: id })).length;
    if (children > 0 || engagements > 0) {
      throw conflict(
        `This partner still has ${countOf(children, 'partner')} under it and ${countOf(engagements, 'engagement')}; delete or move those first`,
      );
    }
    return tenant.partners.softDelete(id, version, actor);
  });
}
