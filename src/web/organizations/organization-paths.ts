import type { OrganizationWithRole } from '../../domain/accounts/schemas.ts';
import { canAdminister } from './permissions.ts';

export const organizationPath = (orgId: string, section = ''): string =>
  `/orgs/${encodeURIComponent(orgId)}${section ? `/${section}` : ''}`;

/**
 * Where the organization switcher goes: the same section in the other organization when the person
 * may see it there (e.g. models → models), otherwise that organization's home page.
 */
export function switchedOrganizationPath(pathname: string, target: OrganizationWithRole): string {
  const match = /^\/orgs\/[^/]+\/(.+)$/.exec(pathname);
  const section = match?.[1] ?? '';
  if (section.startsWith('admin') && !canAdminister(target.role)) return organizationPath(target.id);
  // A partner's engagement belongs to one organization only.
  if (section.startsWith('our-engagements')) return organizationPath(target.id);
  return organizationPath(target.id, section);
}
