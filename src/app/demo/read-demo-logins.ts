import { demoAccounts, demoOrganization } from '../../domain/accounts/demo-accounts.ts';
import type { DemoLogins } from '../../domain/accounts/demo-logins.ts';
import type { Store } from '../../store/store.ts';

/**
 * Whether this server holds the synthetic demo organization, and the demo logins that belong to it. Only
 * the demo's own accounts are ever named, and only while they are members of the demo; nothing about
 * real organizations or people is told.
 */
export async function readDemoLogins(store: Store): Promise<DemoLogins> {
  const organization = await store.organizations.findBySlug(demoOrganization.slug);
  if (!organization?.isDemo) return { exists: false, logins: [] };
  const members = new Set((await store.tenant(organization.id).members.list()).map((member) => member.email));
  return {
    exists: true,
    logins: demoAccounts.filter((account) => members.has(account.email)).map(({ email, role }) => ({ email, role })),
  };
}
