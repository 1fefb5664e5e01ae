import type { User } from '../../domain/accounts/schemas.ts';
import { conflict } from '../../domain/errors.ts';
import { newId, nowIso } from '../ids.ts';
import { isUniqueViolation, type Executor } from './executor.ts';

export interface UserWithSecret extends User {
  passwordHash: string;
}

const toUser = (r: { id: string; email: string; name: string; password_hash: string }): UserWithSecret => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
});

/** People with an account. Accounts are global; what a person may see is decided by memberships. */
export class UserRepository {
  constructor(private readonly db: Executor) {}

  async create(input: { email: string; name: string; passwordHash: string }): Promise<User> {
    const now = nowIso();
    const user = { id: newId(), email: input.email, name: input.name };
    try {
      await this.db
        .insertInto('users')
        .values({ ...user, password_hash: input.passwordHash, created_at: now, updated_at: now })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('An account with this email exists', [{ path: 'email', message: 'is already registered' }]);
      throw error;
    }
    return user;
  }

  async findById(id: string): Promise<UserWithSecret | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async findByEmail(email: string): Promise<UserWithSecret | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
    return row && toUser(row);
  }

  async rename(id: string, name: string): Promise<void> {
    await this.db.updateTable('users').set({ name, updated_at: nowIso() }).where('id', '=', id).execute();
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
  }
}
