import type { AddMemberRequest, Member } from '../../domain/accounts/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { hashPassword } from './secrets.ts';
import { addMembership } from './account-records.ts';

/**
 * Adds a person to an organization directly, creating their account when they have none. This is the
 * operator's path on the server (`praxis user create --org`, the demo); the HTTP API only invites
 * (see ../invitations/invite-member.ts), so no administrator learns which emails have accounts.
 */
export async function addMember(
  store: Store,
  organizationId: string,
  input: AddMemberRequest,
  actor: string | null,
): Promise<Member> {
  const existing = await store.users.findByEmail(input.email);
  if (!existing && !input.password)
    throw invalid('A new account needs an initial password', [
      { path: 'password', message: 'is required for a new account' },
    ]);
  const passwordHash = existing ? null : await hashPassword(input.password!);
  return store.transaction(async (tx) => {
    let userId = existing?.id;
    if (!userId) {
      const user = await tx.users.create({ email: input.email, name: input.name, passwordHash: passwordHash! });
      await tx.recordHistory({
        organizationId: null,
        entity: 'user',
        entityId: user.id,
        action: 'create',
        actor,
        changes: { email: user.email, name: user.name },
      });
      userId = user.id;
    }
    const tenant = tx.tenant(organizationId);
    await addMembership(tenant, userId, input.role, actor);
    return (await tenant.members.find(userId))!;
  });
}
