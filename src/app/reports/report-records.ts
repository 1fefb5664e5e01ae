import { notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';

export async function organizationName(store: Store, organizationId: string): Promise<string> {
  const organization = await store.organizations.findById(organizationId);
  if (!organization) throw notFound('Organization');
  return organization.name;
}
