import {
  AcceptedInvitation,
  CreatedInvitation,
  Invitation,
  InvitationView,
} from '../../domain/accounts/invitations.ts';
import type { InvitationAccountRequest, InviteMemberRequest } from '../../domain/accounts/invitations.ts';
import { ListOf, SessionView } from '../../domain/accounts/schemas.ts';
import { apiGet, apiRequest, segment, setCsrfToken } from './client.ts';

const InvitationList = ListOf(Invitation);
const invitationsPath = (orgId: string): string => `/api/orgs/${segment(orgId)}/invitations`;
const linkPath = (token: string): string => `/api/invitations/${segment(token)}`;

export const listInvitations = async (orgId: string, signal?: AbortSignal): Promise<Invitation[]> =>
  (await apiGet(invitationsPath(orgId), InvitationList, signal)).items;

export const inviteMember = (orgId: string, request: InviteMemberRequest): Promise<CreatedInvitation> =>
  apiRequest('POST', invitationsPath(orgId), { body: request, schema: CreatedInvitation });

export const revokeInvitation = (orgId: string, invitationId: string): Promise<void> =>
  apiRequest('DELETE', `${invitationsPath(orgId)}/${segment(invitationId)}`);

/** What a link offers; its token is the credential, so anyone holding it may read this. */
export const fetchInvitation = (token: string, signal?: AbortSignal): Promise<InvitationView> =>
  apiGet(linkPath(token), InvitationView, signal);

/** Creates the invited account and signs in as it. */
export async function createInvitedAccount(token: string, request: InvitationAccountRequest): Promise<SessionView> {
  const session = await apiRequest('POST', `${linkPath(token)}/account`, { body: request, schema: SessionView });
  setCsrfToken(session.csrfToken);
  return session;
}

export const acceptInvitation = (token: string): Promise<AcceptedInvitation> =>
  apiRequest('POST', `${linkPath(token)}/accept`, { schema: AcceptedInvitation });

export const declineInvitation = (token: string): Promise<void> => apiRequest('POST', `${linkPath(token)}/decline`);
