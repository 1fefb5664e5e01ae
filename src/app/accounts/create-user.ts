import type { User } from '../../domain/accounts/schemas.ts';
import type { Store } from '../../store/store.ts';
import { hashPassword } from './secrets.ts';

/** Creates an account. The email must be new. */
export async function createUser(
  store: Store,
  input: { email: string; name: string; password: string },
  actor: string | null,
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (tx) => {
    const user = await tx.users.create({ email: input.email, name: input.name, passwordHash });
    await tx.recordHistory({
      organizationId: null,
      entity: 'user',
      entityId: user.id,
      action: 'create',
      actor,
      changes: { email: user.email, name: user.name },
    });
    return user;
  });
}
