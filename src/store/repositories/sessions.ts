import { nowIso } from '../ids.ts';
import type { Executor } from './executor.ts';

export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** Login sessions, stored in the database so any number of app servers can serve the same user. */
export class SessionRepository {
  constructor(private readonly db: Executor) {}

  async create(input: { id: string; userId: string; csrfToken: string; expiresAt: string }): Promise<void> {
    const now = nowIso();
    await this.db
      .insertInto('sessions')
      .values({
        id: input.id,
        user_id: input.userId,
        csrf_token: input.csrfToken,
        created_at: now,
        last_seen_at: now,
        expires_at: input.expiresAt,
      })
      .execute();
  }

  async find(id: string): Promise<SessionRecord | undefined> {
    const r = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return (
      r && {
        id: r.id,
        userId: r.user_id,
        csrfToken: r.csrf_token,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        expiresAt: r.expires_at,
      }
    );
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  /** Ends every session of a person except, optionally, the one in use (after a password change). */
  async deleteForUser(userId: string, exceptId?: string): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId) query = query.where('id', '!=', exceptId);
    await query.execute();
  }

  /** Removes sessions past their absolute expiry or idle longer than the idle limit. */
  async deleteExpired(now: string, idleCutoff: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
