import { assertInvitee, type AcceptedInvitation } from '../../domain/accounts/invitations.ts';
import { AppError, conflict } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { openByToken, close } from './invitation-records.ts';

/** The signed-in invitee accepts: the membership is created with the invited role, and the link is used up. */
export function acceptInvitation(
  store: Store,
  token: string,
  userId: string,
  now = new Date(),
): Promise<AcceptedInvitation> {
  return store.transaction(async (tx) => {
    const { tenant, organizationId, invitation } = await openByToken(tx, token, now);
    const user = await tx.users.findById(userId);
    if (!user) throw new AppError('unauthenticated', 'Sign in to accept the invitation');
    assertInvitee(invitation, user.email);
    if (await tenant.members.find(userId))
      throw conflict('You are already a member of this organization', [
        { path: 'token', message: 'the invited person is already a member' },
      ]);
    await tenant.members.add(userId, invitation.role);
    await tenant.recordHistory({
      entity: 'membership',
      entityId: userId,
      action: 'create',
      actor: userId,
      changes: { role: invitation.role, invitation: invitation.id },
    });
    await close(tenant, invitation, 'accepted', userId, now);
    return { organizationId, role: invitation.role };
  });
}
