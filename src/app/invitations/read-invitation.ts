import { type InvitationView } from '../../domain/accounts/invitations.ts';
import type { Store } from '../../store/store.ts';
import { openByToken } from './invitation-records.ts';

/** What the link shows: the organization, the role, the invited email and who sent it. */
export async function readInvitation(store: Store, token: string, now = new Date()): Promise<InvitationView> {
  const { organizationId, invitation } = await openByToken(store, token, now);
  const organization = await store.organizations.findById(organizationId);
  const inviter = invitation.invitedBy.startsWith('token:')
    ? undefined
    : await store.users.findById(invitation.invitedBy);
  return {
    organizationName: organization?.name ?? '',
    email: invitation.email,
    role: invitation.role,
    invitedByName: inviter?.name ?? null,
    expiresAt: invitation.expiresAt,
  };
}
