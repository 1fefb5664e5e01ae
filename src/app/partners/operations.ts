import { conflict, invalid } from '../../domain/errors.ts';
import type { Contact, ContactInput, Partner, PartnerInput, PartnerKind } from '../../domain/support/schemas.ts';
import type { Store, TenantStore } from '../../store/store.ts';

/** Partner and contact use cases: each one transaction, each change in the history. */

const rank: Record<PartnerKind, number> = { system: 3, organization: 2, team: 1 };

async function checkParent(tenant: TenantStore, input: PartnerInput, selfId?: string): Promise<void> {
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
        `This partner still has ${children} partner(s) under it and ${engagements} engagement(s); delete or move those first`,
      );
    }
    return tenant.partners.softDelete(id, version, actor);
  });
}

export function restorePartner(store: Store, organizationId: string, id: string, actor: string): Promise<Partner> {
  return store.transaction(async (tx) => tx.tenant(organizationId).partners.restore(id, actor));
}

async function checkContactPartner(tenant: TenantStore, input: ContactInput): Promise<void> {
  if (!(await tenant.partners.find(input.partnerId)))
    throw invalid('Unknown partner', [
      { path: 'partnerId', message: `no partner "${input.partnerId}" in this organization` },
    ]);
}

export function createContact(
  store: Store,
  organizationId: string,
  input: ContactInput,
  actor: string,
): Promise<Contact> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await checkContactPartner(tenant, input);
    return tenant.contacts.insert(input, actor);
  });
}

export function updateContact(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  input: ContactInput,
  actor: string,
): Promise<Contact> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await checkContactPartner(tenant, input);
    return (await tenant.contacts.update(id, version, input, actor)).after;
  });
}
