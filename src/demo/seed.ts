import { addMember, createOrganization, setPassword } from '../server/accounts/operations.ts';
import type { Store } from '../store/store.ts';
import { demoAccounts, demoOrganization, demoPassword } from './accounts.ts';

export interface DemoResult {
  organizationId: string;
  created: boolean;
}

/**
 * Creates the demo organization with one login per role. Leaves an existing demo alone unless
 * `reset` is set, in which case the demo organization and everything in it is replaced.
 */
export async function seedDemo(store: Store, options: { reset?: boolean } = {}): Promise<DemoResult> {
  const existing = await store.organizations.findBySlug(demoOrganization.slug);
  if (existing && !existing.isDemo) throw new Error(`An organization with slug "${demoOrganization.slug}" exists and is not the demo; it was left untouched`);
  if (existing && !options.reset) return { organizationId: existing.id, created: false };
  return store.transaction(async (tx) => {
    if (existing) await tx.organizations.delete(existing.id);
    const organization = await createOrganization(tx, { ...demoOrganization, isDemo: true }, null, 'demo');
    for (const account of demoAccounts) {
      const user = await tx.users.findByEmail(account.email);
      if (user) await setPassword(tx, user.id, demoPassword, 'demo');
      await addMember(tx, organization.id, { ...account, password: demoPassword }, 'demo');
    }
    return { organizationId: organization.id, created: true };
  });
}
