import { notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';

/** Revokes the member's live calendar feed: its address answers 404 from now on. Kept in history. */
export async function revokeCalendarFeed(store: Store, organizationId: string, userId: string): Promise<void> {
  await store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const feed = await tenant.calendarFeeds.live(userId);
    if (!feed) throw notFound('Calendar feed');
    await tenant.calendarFeeds.revoke(feed.id);
    await tenant.recordHistory({
      entity: 'calendar_feed',
      entityId: feed.id,
      action: 'revoke',
      actor: userId,
      changes: {},
    });
  });
}
