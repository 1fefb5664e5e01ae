import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import { rememberOrganization } from './last-organization.ts';
import { useCurrentOrganization } from './useCurrentOrganization.ts';

/** Pages of one organization; a person who is not a member sees "not found", as the API answers. */
export function OrganizationScope() {
  const organization = useCurrentOrganization();
  const orgId = organization?.id;
  useEffect(() => {
    if (orgId) rememberOrganization(orgId);
  }, [orgId]);
  if (!organization) return <NotFoundPage />;
  return <Outlet />;
}
