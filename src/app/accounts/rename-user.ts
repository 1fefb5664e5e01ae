import type { User } from '../../domain/accounts/schemas.ts';
import { notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';

export async function renameUser(store: Store, userId: string, name: string, actor: string | null): Promise<User> {
  return store.transaction(async (tx) => {
    const user = await tx.users.findById(userId);
    if (!user) throw notFound('User');
    if (user.name !== name) {
      await tx.users.rename(userId, name);
      await tx.recordHistory({
        organizationId: null,
        entity: 'user',
        entityId: userId,
        action: 'update',
        actor,
        changes: { name: [user.name, name] },
      });
    }
    return { id: user.id, email: user.email, name };
  });
}
