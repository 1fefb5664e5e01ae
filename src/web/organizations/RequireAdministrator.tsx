import { Outlet } from 'react-router';
import { AdministratorsOnly } from './AdministratorsOnly.tsx';
import { canAdminister } from './permissions.ts';
import { useOrganization } from './useCurrentOrganization.ts';

/** Administration pages; other roles are told why they cannot see them. */
export function RequireAdministrator() {
  const organization = useOrganization();
  if (!canAdminister(organization.role)) return <AdministratorsOnly />;
  return <Outlet />;
}
