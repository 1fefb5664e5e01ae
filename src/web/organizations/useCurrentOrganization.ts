import { useRef } from 'react';
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

/**
 * The current organization inside pages that `OrganizationScope` guards, where it always exists.
 * Like `useSignedInSession`, it keeps the last organization seen while a page renders once more
 * after the session ended or the membership was withdrawn.
 */
export function useOrganization(): OrganizationWithRole {
  const organization = useCurrentOrganization();
  const lastOrganization = useRef(organization);
  if (organization) lastOrganization.current = organization;
  if (!lastOrganization.current) throw new Error('useOrganization used outside OrganizationScope');
  return lastOrganization.current;
}
