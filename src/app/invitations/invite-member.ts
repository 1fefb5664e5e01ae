import { invitationAsOf, type CreatedInvitation, type InviteMemberRequest } from '../../domain/accounts/invitations.ts';
import { conflict } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { digestSecret, randomSecret } from '../accounts/secrets.ts';
import { close } from './invitation-records.ts';

/**
 * Invites an email to the organization with a role. The link's token is returned once; only its
 * SHA-256 is stored. A pending invitation to the same email is revoked: the newest link is the one
 * that works.
 */
export async function inviteMember(
  store: Store,
  organizationId: string,
  input: InviteMemberRequest,
  actor: string,
  expiryDays: number,
  now = new Date(),
): Promise<CreatedInvitation> {
  const token = randomSecret();
  const tokenHash = digestSecret(token);
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    // Only this organization's members are looked at: whether the email has an account elsewhere is never read.
    if (await tenant.members.findByEmail(input.email))
      throw conflict('This person is already a member', [
        { path: 'email', message: 'is already a member of this organization' },
      ]);
    for (const earlier of await tenant.invitations.listPending(input.email))
      await close(tenant, earlier, 'revoked', actor, now);
    const stored = await tenant.invitations.insert(
      {
        email: input.email,
        role: input.role,
        status: 'pending',
        invitedBy: actor,
        expiresAt: new Date(now.getTime() + expiryDays * 86_400_000).toISOString(),
        closedAt: null,
        closedBy: null,
        tokenHash,
      },
      actor,
    );
    return { invitation: invitationAsOf(stored, now), token, path: `/invitation/${token}` };
  });
}
