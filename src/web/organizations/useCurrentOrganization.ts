import { useParams } from 'react-router';
import type { OrganizationWithRole } from '../../domain/accounts/schemas.ts';
import { useSession } from '../session/useSession.ts';

/** The organization named in the URL (`/orgs/:orgId/…`), if the signed-in person belongs to it. */
export function useCurrentOrganization(): OrganizationWithRole | undefined {
  const { orgId } = useParams();
  const { data: session } = useSession();
  if (!orgId || !session) return undefined;
  return session.organizations.find((organization) => organization.id === orgId);
}

/** The current organization inside pages that `OrganizationScope` guards, where it always exists. */
export function useOrganization(): OrganizationWithRole {
  const organization = useCurrentOrganization();
  if (!organization) throw new Error('useOrganization used outside OrganizationScope');
  return organization;
}
