import { AppError, notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { verifyPassword } from './secrets.ts';
import { setPassword } from './set-password.ts';

/** Changes a password after checking the current one; every other session of the person is ended. */
export async function changePassword(
  store: Store,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string | undefined,
): Promise<void> {
  const user = await store.users.findById(userId);
  if (!user) throw notFound('User');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', 'The current password is not correct', [
      { path: 'currentPassword', message: 'is not correct' },
    ]);
  }
  await setPassword(store, userId, input.newPassword, userId, keepSessionId);
}
