import { z } from 'zod';
import { AppError, conflict } from '../errors.ts';
import { Role } from '../roles.ts';
import { Email, Id, Password, PersonName } from './schemas.ts';

/**
 * An invitation to join an organization. Membership is never given by an administrator alone: the
 * invitee opens the link, signs in with the invited email (or creates that account) and accepts. The
 * link is single-use and expires; an administrator can revoke it while it is pending.
 */

/** What is stored. `expired` is never stored: a pending invitation past its expiry reads as expired. */
export const storedInvitationStatuses = ['pending', 'accepted', 'declined', 'revoked'] as const;
export type StoredInvitationStatus = (typeof storedInvitationStatuses)[number];
export const invitationStatuses = [...storedInvitationStatuses, 'expired'] as const;
export const InvitationStatus = z.enum(invitationStatuses);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** An invitation as administrators see it: never its secret, never whether the email has an account. */
export const Invitation = z.object({
  id: Id,
  version: z.number().int(),
  email: z.string(),
  role: Role,
  status: InvitationStatus,
  /** A user id, or `token:<id>` when an API token sent it. */
  invitedBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** When the invitee accepted or declined, or an administrator revoked it. */
  closedAt: z.string().nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InviteMemberRequest = z.strictObject({ email: Email, role: Role });
export type InviteMemberRequest = z.infer<typeof InviteMemberRequest>;

export const CreatedInvitation = z.object({
  invitation: Invitation,
  /** The secret of the link: shown this once, stored only as a hash. */
  token: z.string(),
  /** The invitee's page, to be put after the server's address: `/invitation/<token>`. */
  path: z.string(),
});
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

/** What the link shows to whoever holds it: the organization, the role and the invited email. */
export const InvitationView = z.object({
  organizationName: z.string(),
  email: z.string(),
  role: Role,
  invitedByName: z.string().nullable(),
  expiresAt: z.string(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** A new person's account, created through the link for the invited email. */
export const InvitationAccountRequest = z.strictObject({ name: PersonName, password: Password });
export type InvitationAccountRequest = z.infer<typeof InvitationAccountRequest>;

export const AcceptedInvitation = z.object({ organizationId: Id, role: Role });
export type AcceptedInvitation = z.infer<typeof AcceptedInvitation>;

/** Days a new invitation stays open unless the configuration says otherwise. */
export const defaultInvitationExpiryDays = 14;

interface HasStatus {
  status: StoredInvitationStatus | InvitationStatus;
  expiresAt: string;
}

/** The status as of `now`: a pending invitation past its expiry is expired. */
export function invitationStatusAt(invitation: HasStatus, now: Date): InvitationStatus {
  if (invitation.status === 'pending' && invitation.expiresAt <= now.toISOString()) return 'expired';
  return invitation.status;
}

/** An invitation as administrators see it at `now`: only the fields of `Invitation`, with its status as of `now`. */
export function invitationAsOf(
  stored: Omit<Invitation, 'status'> & { status: StoredInvitationStatus },
  now: Date,
): Invitation {
  return {
    id: stored.id,
    version: stored.version,
    email: stored.email,
    role: stored.role,
    status: invitationStatusAt(stored, now),
    invitedBy: stored.invitedBy,
    createdAt: stored.createdAt,
    expiresAt: stored.expiresAt,
    closedAt: stored.closedAt,
  };
}

/** Refuses a link that can no longer be used, saying why: revoked, expired, or already used. */
export function assertInvitationOpen(invitation: HasStatus, now: Date): void {
  const status = invitationStatusAt(invitation, now);
  if (status === 'revoked')
    throw new AppError('forbidden', 'This invitation has been withdrawn by the organization that sent it', [
      { path: 'token', message: 'has been revoked' },
    ]);
  if (status === 'expired')
    throw new AppError(
      'forbidden',
      `This invitation expired on ${invitation.expiresAt.slice(0, 10)}; ask the organization for a new one`,
      [{ path: 'token', message: 'has expired' }],
    );
  if (status === 'accepted' || status === 'declined')
    throw conflict(`This invitation has already been ${status}; a link can be used once`, [
      { path: 'token', message: 'has been used' },
    ]);
}

/** Refuses (409) to revoke an invitation that has been answered. Revoking twice changes nothing. */
export function assertRevocable(invitation: HasStatus): void {
  if (invitation.status === 'accepted' || invitation.status === 'declined')
    throw conflict(`The invitation has already been ${invitation.status}; there is nothing left to revoke`, [
      { path: 'status', message: `is ${invitation.status}` },
    ]);
}

/** Only the invited person may accept: the signed-in account's email must be the invited one. */
export function assertInvitee(invitation: { email: string }, signedInEmail: string): void {
  if (invitation.email !== signedInEmail.toLowerCase())
    throw new AppError(
      'forbidden',
      `This invitation was sent to ${invitation.email}; you are signed in as ${signedInEmail}. Sign in with the invited email to accept it.`,
      [{ path: 'email', message: 'is not the invited email' }],
    );
}
