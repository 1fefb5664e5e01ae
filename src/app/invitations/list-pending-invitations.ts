import { invitationAsOf, type Invitation } from '../../domain/accounts/invitations.ts';
import type { Store } from '../../store/store.ts';

/** Pending invitations of the organization (expired ones too, until revoked), newest first. */
export async function listPendingInvitations(
  store: Store,
  organizationId: string,
  now = new Date(),
): Promise<Invitation[]> {
  return (await store.tenant(organizationId).invitations.listPending()).map((i) => invitationAsOf(i, now));
}
