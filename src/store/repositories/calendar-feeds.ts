import type { CalendarFeed } from '../../domain/calendar/schemas.ts';
import type { CalendarFeedsTable } from '../schema.ts';
import { newId, nowIso } from '../ids.ts';
import type { Executor } from './executor.ts';

const toFeed = (r: Omit<CalendarFeedsTable, 'token_hash'>): CalendarFeed => ({
  id: r.id,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

const columns = ['id', 'organization_id', 'user_id', 'prefix', 'created_at', 'last_used_at', 'revoked_at'] as const;

/** Members' calendar feeds in one organization. Only a hash of each token is stored. */
export class CalendarFeedRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  /** The member's live (not revoked) feed, if any. */
  async live(userId: string): Promise<CalendarFeed | undefined> {
    const row = await this.db
      .selectFrom('calendar_feeds')
      .select(columns)
      .where('organization_id', '=', this.organizationId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && toFeed(row);
  }

  async create(userId: string, tokenHash: string, prefix: string): Promise<CalendarFeed> {
    const row = {
      id: newId(),
      organization_id: this.organizationId,
      user_id: userId,
      prefix,
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    };
    await this.db
      .insertInto('calendar_feeds')
      .values({ ...row, token_hash: tokenHash })
      .execute();
    return toFeed(row);
  }

  /** Revokes the feed; its address answers 404 from now on. */
  async revoke(id: string): Promise<void> {
    await this.db
      .updateTable('calendar_feeds')
      .set({ revoked_at: nowIso() })
      .where('organization_id', '=', this.organizationId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }
}

export interface CalendarFeedGrant {
  feedId: string;
  organizationId: string;
  userId: string;
}

/** Resolves a presented token hash to the live feed it opens, recording its use at most once a minute. */
export async function findLiveCalendarFeed(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<CalendarFeedGrant | undefined> {
  const row = await db
    .selectFrom('calendar_feeds')
    .select(['id', 'organization_id', 'user_id', 'last_used_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return undefined;
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000)
    await db.updateTable('calendar_feeds').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return { feedId: row.id, organizationId: row.organization_id, userId: row.user_id };
}
