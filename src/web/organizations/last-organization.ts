import type { OrganizationWithRole } from '../../domain/accounts/schemas.ts';

const storageKey = 'praxis.lastOrganizationId';

/** Remembers the organization last worked in, so `/` and the profile page return to it. */
export function rememberOrganization(orgId: string): void {
  try {
    window.localStorage.setItem(storageKey, orgId);
  } catch {
    // Storage can be disabled (private browsing); the first organization is then the default.
  }
}

function rememberedOrganizationId(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** The organization to open when none is named: the one last used if still a member, else the first. */
export function preferredOrganization(
  organizations: readonly OrganizationWithRole[],
): OrganizationWithRole | undefined {
  const remembered = rememberedOrganizationId();
  return organizations.find((organization) => organization.id === remembered) ?? organizations[0];
}
