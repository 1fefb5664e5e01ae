import { type InvitationAccountRequest } from '../../domain/accounts/invitations.ts';
import type { User } from '../../domain/accounts/schemas.ts';
import { conflict } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { hashPassword } from '../accounts/secrets.ts';
import { openByToken } from './invitation-records.ts';

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
