import type { Store } from '../../store/store.ts';
import { hashPassword } from './secrets.ts';

/** Sets a password without knowing the old one (administrators, the CLI); ends the person's sessions. */
export async function setPassword(
  store: Store,
  userId: string,
  password: string,
  actor: string | null,
  keepSessionId?: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await store.transaction(async (tx) => {
    await tx.users.setPasswordHash(userId, passwordHash);
    await tx.sessions.deleteForUser(userId, keepSessionId);
    await tx.recordHistory({
      organizationId: null,
      entity: 'user',
      entityId: userId,
      action: 'update',
      actor,
      changes: { password: 'changed' },
    });
  });
}
