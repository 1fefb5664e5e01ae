import {
  assertInvitationOpen,
  assertInvitee,
  assertRevocable,
  invitationAsOf,
  type AcceptedInvitation,
  type CreatedInvitation,
  type Invitation,
  type InvitationAccountRequest,
  type InvitationView,
  type InviteMemberRequest,
  type StoredInvitationStatus,
} from '../../domain/accounts/invitations.ts';
import type { User } from '../../domain/accounts/schemas.ts';
import { AppError, conflict } from '../../domain/errors.ts';
import type { InvitationData, StoredInvitation } from '../../store/repositories/invitations.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { digestSecret, hashPassword, randomSecret } from '../accounts/secrets.ts';

/**
 * Invitations: the only way the API adds a person to an organization. Sending one looks the same
 * whether or not the email has an account (the same work is done, and nothing about the account is
 * answered); only the invitee, signed in with the invited email, can turn it into a membership.
 */

const dataOf = (stored: StoredInvitation): InvitationData => ({
  email: stored.email,
  role: stored.role,
  status: stored.status,
  invitedBy: stored.invitedBy,
  expiresAt: stored.expiresAt,
  closedAt: stored.closedAt,
  closedBy: stored.closedBy,
});

/** Closes an invitation for good; the version guard lets only one of two racing answers win. */
async function close(
  tenant: TenantStore,
  stored: StoredInvitation,
  status: Exclude<StoredInvitationStatus, 'pending'>,
  actor: string | null,
  now: Date,
): Promise<StoredInvitation> {
  const data = { ...dataOf(stored), status, closedAt: now.toISOString(), closedBy: actor };
  return (await tenant.invitations.update(stored.id, stored.version, data, actor)).after;
}

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

/** Pending invitations of the organization (expired ones too, until revoked), newest first. */
export async function listPendingInvitations(
  store: Store,
  organizationId: string,
  now = new Date(),
): Promise<Invitation[]> {
  return (await store.tenant(organizationId).invitations.listPending()).map((i) => invitationAsOf(i, now));
}

/** Withdraws a pending invitation: its link stops working at once. */
export function revokeInvitation(
  store: Store,
  organizationId: string,
  invitationId: string,
  actor: string,
  now = new Date(),
): Promise<Invitation> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const stored = await tenant.invitations.require(invitationId);
    assertRevocable(stored);
    const revoked = stored.status === 'revoked' ? stored : await close(tenant, stored, 'revoked', actor, now);
    return invitationAsOf(revoked, now);
  });
}

interface OpenInvitation {
  tenant: TenantStore;
  organizationId: string;
  invitation: StoredInvitation;
}

/** The invitation a link opens, if it can still be used. */
async function openByToken(store: Store, token: string, now: Date): Promise<OpenInvitation> {
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

/** Creates the account of the invited email for a new person; the invitation stays open for them to accept. */
export async function createInvitedAccount(
  store: Store,
  token: string,
  input: InvitationAccountRequest,
  now = new Date(),
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (tx) => {
    const { invitation } = await openByToken(tx, token, now);
    if (await tx.users.findByEmail(invitation.email))
      throw conflict(`An account for ${invitation.email} exists already: sign in with it to accept the invitation`, [
        { path: 'email', message: 'is already registered' },
      ]);
    const user = await tx.users.create({ email: invitation.email, name: input.name, passwordHash });
    await tx.recordHistory({
      organizationId: null,
      entity: 'user',
      entityId: user.id,
      action: 'create',
      actor: user.id,
      changes: { email: user.email, name: user.name },
    });
    return user;
  });
}

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

/** Whoever holds the link may decline it: nothing is created, and the link is used up. */
export function declineInvitation(store: Store, token: string, actor: string | null, now = new Date()): Promise<void> {
  return store.transaction(async (tx) => {
    const { tenant, invitation } = await openByToken(tx, token, now);
    await close(tenant, invitation, 'declined', actor, now);
  });
}
