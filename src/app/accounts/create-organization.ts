import type { OrganizationWithRole } from '../../domain/accounts/schemas.ts';
import { slugify } from '../../domain/accounts/rules.ts';
import type { Store } from '../../store/store.ts';
import { installBuiltinModels } from '../models/install-builtin-models.ts';
import { addMembership } from './account-records.ts';

/**
 * Account use cases shared by the HTTP API and the CLI. Each runs in one transaction and writes its
 * change to the history.
 */

export async function createOrganization(
  store: Store,
  input: { name: string; slug?: string | undefined; isDemo?: boolean },
  admin: { userId: string } | null,
  actor: string | null,
): Promise<OrganizationWithRole> {
  return store.transaction(async (tx) => {
    const organization = await tx.organizations.create({
      name: input.name,
      slug: input.slug ?? (await freeSlug(tx, input.name)),
      isDemo: input.isDemo ?? false,
    });
    const tenant = tx.tenant(organization.id);
    await installBuiltinModels(tenant);
    await tenant.recordHistory({
      entity: 'organization',
      entityId: organization.id,
      action: 'create',
      actor,
      changes: { name: organization.name, slug: organization.slug },
    });
    if (admin) await addMembership(tenant, admin.userId, 'admin', actor);
    return { id: organization.id, name: organization.name, slug: organization.slug, role: 'admin' };
  });
}

async function freeSlug(store: Store, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await store.organizations.findBySlug(candidate))) return candidate;
  }
}
