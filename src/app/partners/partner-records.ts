import { invalid } from '../../domain/errors.ts';
import type { ContactInput, Partner, PartnerInput, PartnerKind } from '../../domain/support/schemas.ts';
import type { TenantStore } from '../../store/store.ts';

/** Partner and contact use cases: each one transaction, each change in the history. */

export const rank: Record<PartnerKind, number> = { system: 3, organization: 2, team: 1 };

export async function checkParent(tenant: TenantStore, input: PartnerInput, selfId?: string): Promise<void> {
  if (input.parentId === null) return;
  const parent = await tenant.partners.find(input.parentId);
  if (!parent)
    throw invalid('Unknown parent partner', [
      { path: 'parentId', message: `no partner "${input.parentId}" in this organization` },
    ]);
  if (rank[parent.kind] <= rank[input.kind]) {
    throw invalid('A partner sits under a larger unit', [
      { path: 'parentId', message: `a ${input.kind} cannot sit under a ${parent.kind}` },
    ]);
  }
  // Walk up from the new parent: reaching ourselves would make a cycle.
  for (
    let current: Partner | undefined = parent;
    current;
    current = current.parentId ? await tenant.partners.find(current.parentId) : undefined
  ) {
    if (current.id === selfId)
      throw invalid('A partner cannot sit under itself', [{ path: 'parentId', message: 'would make a cycle' }]);
  }
}

export async function checkContactPartner(tenant: TenantStore, input: ContactInput): Promise<void> {
  if (!(await tenant.partners.find(input.partnerId)))
    throw invalid('Unknown partner', [
      { path: 'partnerId', message: `no partner "${input.partnerId}" in this organization` },
    ]);
}
