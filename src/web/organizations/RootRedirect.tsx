import { Navigate } from 'react-router';
import { useSignedInSession } from '../session/useSession.ts';
import { preferredOrganization } from './last-organization.ts';
import { organizationPath } from './organization-paths.ts';

/** `/` opens the organization last worked in, or invites someone with none to create one. */
export function RootRedirect() {
  const session = useSignedInSession();
  const organization = preferredOrganization(session.organizations);
  return <Navigate to={organization ? organizationPath(organization.id) : '/orgs/new'} replace />;
}
