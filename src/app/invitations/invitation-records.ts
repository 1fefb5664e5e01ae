import { assertInvitationOpen, type StoredInvitationStatus } from '../../domain/accounts/invitations.ts';
import { AppError } from '../../domain/errors.ts';
import type { InvitationData, StoredInvitation } from '../../store/repositories/invitations.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { digestSecret } from '../accounts/secrets.ts';

/**
 * Invitations: the only way the API adds a person to an organization. Sending one looks the same
 * whether or not the email has an account (the same work is done, and nothing about the account is
 * answered); only the invitee, signed in with the invited email, can turn it into a membership.
 */

export const dataOf = (stored: StoredInvitation): InvitationData => ({
  email: stored.email,
  role: stored.role,
  status: stored.status,
  invitedBy: stored.invitedBy,
  expiresAt: stored.expiresAt,
  closedAt: stored.closedAt,
  closedBy: stored.closedBy,
});

/** Closes an invitation for good; the version guard lets only one of two racing answers win. */
export async function close(
  tenant: TenantStore,
  stored: StoredInvitation,
  status: Exclude<StoredInvitationStatus, 'pending'>,
  actor: string | null,
  now: Date,
): Promise<StoredInvitation> {
  const data = { ...dataOf(stored), status, closedAt: now.toISOString(), closedBy: actor };
  return (await tenant.invitations.update(stored.id, stored.version, data, actor)).after;
}

export interface OpenInvitation {
  tenant: TenantStore;
  organizationId: string;
  invitation: StoredInvitation;
}

/** The invitation a link opens, if it can still be used. */
export async function openByToken(store: Store, token: string, now: Date): Promise<OpenInvitation> {
  const found = await store.findInvitation(digestSecret(token));
  if (!found)
    throw new AppError('not_found', 'This invitation link is not valid; check that it was copied whole', [
      { path: 'token', message: 'matches no invitation' },
    ]);
  assertInvitationOpen(found.invitation, now);
  return {
    tenant: store.tenant(found.organizationId),
    organizationId: found.organizationId,
    invitation: found.invitation,
  };
}
