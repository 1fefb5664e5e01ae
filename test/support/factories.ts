import type { Member, OrganizationWithRole } from '../../src/domain/accounts/schemas.ts';
import type { Role } from '../../src/domain/roles.ts';
import { addMember } from '../../src/app/accounts/add-member.ts';
import { createOrganization } from '../../src/app/accounts/create-organization.ts';
import type { Store } from '../../src/store/store.ts';

export const testPassword = 'correct horse battery staple';

let counter = 0;
const next = (): string => `${process.pid}-${Date.now().toString(36)}-${(counter += 1)}`;

/** An organization with an administrator who can log in with `testPassword`. */
export async function buildOrganization(
  store: Store,
  name = `Org ${next()}`,
): Promise<{ organization: OrganizationWithRole; admin: Member }> {
  const organization = await createOrganization(store, { name }, null, 'test');
  const admin = await buildMember(store, organization.id, 'admin');
  return { organization, admin };
}

/** A new account that is a member of the organization in the given role. */
export async function buildMember(store: Store, organizationId: string, role: Role): Promise<Member> {
  const id = next();
  return addMember(
    store,
    organizationId,
    { email: `${role}-${id}@example.org`, name: `${role} ${id}`, role, password: testPassword },
    'test',
  );
}
